#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/api/visible.hpp>
#include <planflow/audit/log.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/plans/plans.hpp>
#include <planflow/reports/package.hpp>
#include <planflow/reports/query.hpp>
#include <planflow/reports/render.hpp>
#include <planflow/util/json_util.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace planflow::api {
namespace {

boost::json::value opt(const std::optional<double>& v) { return number_or_null(v); }
boost::json::value opt(const std::optional<bool>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
boost::json::value opt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

std::int64_t to_satang(double baht_value) { return std::llround(baht_value * 100.0); }

boost::json::object report_summary(app::context& ctx, soci::session& sql, const reports::quarterly_report& r) {
  const auto today = reports::today_iso();
  boost::json::array agencies;
  for (const auto& s : ctx.progress.agency_statuses(sql, r, today)) {
    agencies.push_back({{"agency_id", s.agency_id},
                        {"agency", s.agency_name},
                        {"items", s.items},
                        {"entered", s.entered},
                        {"confirmed", s.confirmed},
                        {"state", s.state}});
  }
  return {{"id", r.id},
          {"plan_id", r.plan_id},
          {"fiscal_year", r.fiscal_year},
          {"quarter", r.quarter},
          {"opens_on", r.opens_on},
          {"due_on", r.due_on},
          {"open", r.is_open(today)},
          {"opened_early", r.opened_at.has_value()},
          {"late", r.is_late(today) && r.stage == "collecting"},
          {"stage", r.stage},
          {"agencies", std::move(agencies)}};
}

reports::entry_input read_entry(const boost::json::value& body) {
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  reports::entry_input e;
  e.status = in.required_string("status", 16);
  e.cancel_reason = in.optional_string("cancel_reason", 2000).value_or("");
  if (const auto* v = in.optional_value("percent_complete")) {
    if (v->is_number())
      e.percent_complete = v->to_number<double>();
    else
      in.reject("percent_complete", error::messages::not_a_number);
  }
  if (const auto* v = in.optional_value("disbursed_baht")) {
    // Bounded on both sides before conversion: llround of a value beyond
    // int64 is undefined. A negative amount is refused with its own reason,
    // here when it would round to zero satang (-0.004) and pass for none.
    if (v->is_number() && std::fabs(v->to_number<double>()) < 1e13) {
      e.disbursed_satang = to_satang(v->to_number<double>());
      if (e.disbursed_satang == 0 && v->to_number<double>() < 0)
        in.reject("disbursed_baht", error::messages::not_negative);
    } else {
      in.reject("disbursed_baht", error::messages::baht_amount);
    }
  }
  e.over_budget_reason = in.optional_string("over_budget_reason", 2000).value_or("");
  if (const auto* v = in.optional_value("result_value")) {
    if (v->is_number())
      e.result_value = v->to_number<double>();
    else
      in.reject("result_value", error::messages::not_a_number);
  }
  e.narrative = in.optional_string("narrative", 5000).value_or("");
  if (const auto* v = in.optional_value("evidence")) {
    if (!v->is_array() || v->as_array().size() > 20) {
      in.reject("evidence", error::messages::evidence_shape, {{"max", 20}});
    } else {
      for (std::size_t i = 0; i < v->as_array().size(); ++i) {
        const auto& link = v->as_array()[i];
        if (link.is_string())
          e.evidence.emplace_back(link.as_string());
        else
          errors.push_back({"/evidence/" + std::to_string(i), error::messages::not_link});
      }
    }
  }
  in.reject_unknown();
  error::throw_if_invalid(std::move(errors));
  return e;
}

http::response list_plan_reports(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  storage::lease session(ctx.db);
  boost::json::array items;
  for (const auto& rep : ctx.progress.reports_of(*session, p.id)) items.push_back(report_summary(ctx, *session, rep));
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

// The reports the caller's agency has activities in (what an agency reports on).
http::response list_own_reports(app::context& ctx, http::request&, const directory::user& user) {
  boost::json::array items;
  if (user.agency_id) {
    storage::lease session(ctx.db);
    for (auto id : ctx.progress.report_ids_of_agency(*session, *user.agency_id)) {
      auto rep = ctx.progress.find_report(*session, id);
      auto summary = report_summary(ctx, *session, *rep);
      summary["plan_title"] = plans::title_of(*session, rep->plan_id);
      items.push_back(std::move(summary));
    }
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response get_report(app::context& ctx, http::request& req, const directory::user& user) {
  auto [rep, plan] = visible_report(ctx, user, id_param(req));
  storage::lease session(ctx.db);
  auto out = report_summary(ctx, *session, rep);
  auto entries = ctx.progress.entries_of(*session, rep.id);
  boost::json::array items;
  for (const auto& item : ctx.progress.items_of(*session, rep.plan_id)) {
    boost::json::object o{{"item_id", item.item_id},
                          {"title", item.title},
                          {"goal", item.goal},
                          {"indicator", item.indicator},
                          {"budget_baht", item.budget_satang ? baht_json(*item.budget_satang) : nullptr},
                          {"measurable", item.measurable},
                          {"target_value", opt(item.target_value)},
                          {"unit", item.unit},
                          {"comparator", item.comparator},
                          {"baseline", opt(item.baseline)},
                          {"agency_id", item.agency_id},
                          {"agency_text", item.agency_text},
                          {"entry", nullptr}};
    auto e = std::ranges::find_if(entries, [&](const reports::entry& x) { return x.item_row_id == item.row_id; });
    if (e != entries.end()) {
      boost::json::array evidence;
      for (const auto& link : e->evidence) evidence.push_back(boost::json::string(link));
      o["entry"] = {{"status", e->status},
                    {"cancel_reason", e->cancel_reason},
                    {"percent_complete", opt(e->percent_complete)},
                    {"disbursed_baht", baht_json(e->disbursed_satang)},
                    {"over_budget_reason", e->over_budget_reason},
                    {"result_value", opt(e->result_value)},
                    {"target_met", opt(reports::target_met(item.target_value, e->result_value, item.comparator))},
                    {"narrative", e->narrative},
                    {"evidence", std::move(evidence)},
                    {"entered_by", e->entered_by},
                    {"entered_at", e->entered_at},
                    {"confirmed_by", opt(e->confirmed_by)},
                    {"confirmed_at", e->confirmed_at ? boost::json::value(*e->confirmed_at) : nullptr}};
    }
    items.push_back(std::move(o));
  }
  out["items"] = std::move(items);
  auto c = ctx.engine.find_case(*session, rep.case_id);
  boost::json::array actions;
  for (const auto& a : ctx.engine.available_actions(*session, *c, user)) {
    boost::json::array blocked, why;
    for (const auto& b : a.blocked_by) {
      blocked.push_back(boost::json::string(b.text));
      why.push_back(b.to_json());
    }
    actions.push_back({{"action", a.action},
                       {"title", {{"th", a.title.th}, {"en", a.title.en}}},
                       {"enabled", a.enabled},
                       {"comment_required", a.comment_required},
                       {"blocked_by", std::move(blocked)},
                       {"blocked", std::move(why)}});
  }
  out["available_actions"] = std::move(actions);
  out["plan_title"] = plan.title;
  return http::response::json(200, out);
}

http::response open_early(app::context& ctx, http::request& req, const directory::user& user) {
  auto [rep, plan] = visible_report(ctx, user, id_param(req));
  ctx.progress.open_early(rep.id, user, req.remote_address);
  storage::lease session(ctx.db);
  return http::response::json(200, report_summary(ctx, *session, *ctx.progress.find_report(*session, rep.id)));
}

http::response put_entry(app::context& ctx, http::request& req, const directory::user& user) {
  auto [rep, plan] = visible_report(ctx, user, id_param(req));
  auto input = read_entry(http::parse_json_body(req));
  auto saved = ctx.progress.save_entry(rep.id, req.path_param("item"), input, user, req.remote_address);
  boost::json::object out{{"item_id", req.path_param("item")},
                          {"status", saved.status},
                          {"disbursed_baht", baht_json(saved.disbursed_satang)},
                          {"percent_complete", opt(saved.percent_complete)},
                          {"result_value", opt(saved.result_value)},
                          {"confirmed", false}};
  return http::response::json(200, out);
}

http::response confirm_entries(app::context& ctx, http::request& req, const directory::user& user) {
  auto [rep, plan] = visible_report(ctx, user, id_param(req));
  auto confirmed = ctx.progress.confirm_agency(rep.id, user, req.remote_address);
  return http::response::json(200, boost::json::object{{"confirmed", confirmed}});
}

http::response act_on_report(app::context& ctx, http::request& req, const directory::user& user) {
  auto [rep, plan] = visible_report(ctx, user, id_param(req));
  const auto comment = read_comment(req);
  workflow::apply_request request;
  request.case_id = rep.case_id;
  request.action = req.path_param("action");
  request.actor = user;
  request.comment = comment;
  request.remote_address = req.remote_address;
  auto out = ctx.engine.apply(request).to_json();
  out["report_id"] = rep.id;
  return http::response::json(200, out);
}

http::response assign_item(app::context& ctx, http::request& req, const directory::user& user) {
  auto plan = visible_plan(ctx, user, id_param(req));
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  auto agency = in.required_int("agency", 1, std::numeric_limits<std::int64_t>::max());
  in.reject_unknown();
  error::throw_if_invalid(std::move(errors));
  ctx.progress.assign_item(plan.id, req.path_param("item"), agency, user);
  return http::response::no_content();
}

// The provincial report (with province) or the national roll-up (without).
http::response get_quarterly_report(app::context& ctx, http::request& req, const directory::user& user) {
  reports::report_query q;
  q.province_code = std::string(req.query_param("province").value_or(""));
  q.plan_type = std::string(req.query_param("plan_type").value_or(""));
  auto year = int_query(req, "fiscal_year", 2500, 2700);
  if (!year) {
    throw error::invalid_parameter("fiscal_year", error::messages::fiscal_year_required);
  }
  q.fiscal_year = int(*year);
  q.quarter = int(int_query(req, "quarter", 0, 4).value_or(0));
  const auto format = std::string(req.query_param("format").value_or("json"));
  if (format != "json" && format != "csv" && format != "xlsx" && format != "html") {
    throw error::invalid_parameter("format", error::messages::one_of,
                                   {{"values", boost::json::array{"json", "csv", "xlsx", "html"}}});
  }
  policy::require(actor_of(ctx, user), policy::action::read_quarterly_report,
                  policy::resource::in(q.province_code, q.plan_type));
  reports::report rep;
  {
    storage::lease session(ctx.db);
    rep = reports::build_report(*session, q, reports::today_iso());
  }
  const std::string stem = "report-" + (q.province_code.empty() ? std::string("national") : q.province_code) + "-" +
                           std::to_string(q.fiscal_year) + (q.quarter ? "-q" + std::to_string(q.quarter) : "-year");
  if (format == "csv") {
    auto res = http::response::text(200, reports::to_csv(rep), "text/csv; charset=utf-8");
    res.set_header("Content-Disposition", "attachment; filename=\"" + stem + ".csv\"");
    return res;
  }
  if (format == "xlsx") {
    auto res = http::response::text(200, reports::to_xlsx(rep),
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.set_header("Content-Disposition", "attachment; filename=\"" + stem + ".xlsx\"");
    return res;
  }
  if (format == "html") {
    reports::html_options options;
    options.thai_digits = req.query_param("digits").value_or("") == "thai";
    auto res = http::response::text(200, reports::to_html(rep, options), "text/html; charset=utf-8");
    res.set_header("Content-Security-Policy", reports::html_content_security_policy());
    return res;
  }
  return http::response::json(200, reports::to_json(rep));
}

}  // namespace

void add_report_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}/reports", action::read_plan, list_plan_reports);
  add_route(r, ctx, http::method::get, "/api/v1/reports", action::list_own_reports, list_own_reports);
  add_route(r, ctx, http::method::get, "/api/v1/reports/{id}", action::read_report, get_report);
  add_route(r, ctx, http::method::post, "/api/v1/reports/{id}/open", action::open_report_early, open_early);
  add_route(r, ctx, http::method::put, "/api/v1/reports/{id}/entries/{item}", action::report_progress, put_entry);
  add_route(r, ctx, http::method::post, "/api/v1/reports/{id}/confirm", action::confirm_progress, confirm_entries);
  add_route(r, ctx, http::method::post, "/api/v1/reports/{id}/actions/{action}", action::act_on_report, act_on_report);
  add_route(r, ctx, http::method::put, "/api/v1/plans/{id}/report-items/{item}/agency", action::assign_report_item,
            assign_item);
  add_route(r, ctx, http::method::get, "/api/v1/reports/quarterly", action::read_quarterly_report,
            get_quarterly_report);
}

}  // namespace planflow::api
