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
#include <planflow/util/json_util.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace planflow::api {
namespace {

http::response list_recipients(app::context& ctx, http::request& req, const directory::user&) {
  storage::lease session(ctx.db);
  boost::json::array items;
  for (const auto& rec : delivery::recipients(*session, std::string(req.query_param("province").value_or("")))) {
    items.push_back({{"id", rec.id},
                     {"province", rec.province_code},
                     {"name", rec.name},
                     {"kind", rec.kind},
                     {"url", rec.url},
                     {"active", rec.active}});  // the secret is never shown again
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response add_recipient(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  delivery::recipient rec;
  rec.province_code = in.required_string("province", 8);
  rec.name = in.required_string("name", 300);
  rec.kind = in.required_string("kind", 16);
  rec.url = in.optional_string("url", 2000).value_or("");
  rec.secret = in.optional_string("secret", 200).value_or("");
  in.reject_unknown();
  if (!rec.kind.empty() && rec.kind != "webhook" && rec.kind != "package") {
    errors.push_back({"/kind", error::messages::one_of, {{"values", boost::json::array{"webhook", "package"}}}});
  }
  if (rec.kind == "webhook") {
    if (!rec.url.starts_with("https://") && !rec.url.starts_with("http://"))
      errors.push_back({"/url", error::messages::http_url});
    if (rec.secret.size() < 16) errors.push_back({"/secret", error::messages::secret_too_short, {{"min", 16}}});
  }
  error::throw_if_invalid(std::move(errors));
  rec.id = storage::in_transaction(ctx.db, [&](soci::session& sql) {
    if (!directory::find_province(sql, rec.province_code))
      throw error::invalid("/province", error::messages::not_province_code);
    auto id = delivery::add_recipient(sql, rec);
    audit::append(sql, ctx.db.backend(),
                  {user.id,
                   std::nullopt,
                   req.remote_address,
                   "recipient.create",
                   "recipient",
                   std::to_string(id),
                   {{"province", rec.province_code}, {"name", rec.name}, {"kind", rec.kind}, {"url", rec.url}}});
    return id;
  });
  boost::json::object out{{"id", rec.id},     {"province", rec.province_code},
                          {"name", rec.name}, {"kind", rec.kind},
                          {"url", rec.url},   {"active", true}};
  return http::response::json(201, out);
}

http::response remove_recipient(app::context& ctx, http::request& req, const directory::user& user) {
  const auto id = id_param(req);
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    if (!delivery::deactivate_recipient(sql, id)) throw error::not_found(error::messages::recipient_not_found);
    audit::append(
        sql, ctx.db.backend(),
        {user.id, std::nullopt, req.remote_address, "recipient.deactivate", "recipient", std::to_string(id), {}});
  });
  return http::response::no_content();
}

http::response list_deliveries(app::context& ctx, http::request& req, const directory::user& user) {
  auto [rep, plan] = visible_report(ctx, user, id_param(req));
  storage::lease session(ctx.db);
  boost::json::array items;
  for (const auto& d : delivery::deliveries_of(*session, rep.id)) {
    items.push_back({{"id", d.id},
                     {"recipient", d.recipient_name},
                     {"kind", d.kind},
                     {"status", d.status},
                     {"attempts", d.attempts},
                     {"next_attempt_at", d.next_attempt_at},
                     {"last_error", d.last_error},
                     {"response_status", d.response_status ? boost::json::value(*d.response_status) : nullptr},
                     {"delivered_at", d.delivered_at ? boost::json::value(*d.delivered_at) : nullptr}});
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

// A report's package is sent by the committee secretary of its scope (or an
// administrator), and only once the report is acknowledged.
struct package_request {
  reports::quarterly_report report;
  plans::plan plan;
};

package_request package_of(app::context& ctx, http::request& req, const directory::user& user) {
  const auto who = actor_of(ctx, user);
  auto [rep, plan] = visible_report(ctx, who, id_param(req));
  if (rep.stage != "acknowledged") {
    throw error::problem(error::types::report_not_acknowledged, error::messages::package_needs_acknowledgement);
  }
  policy::require(who, policy::action::send_report_package, plan_resource(ctx, plan));
  return package_request{std::move(rep), std::move(plan)};
}

// The package for bodies that take files: the acknowledged report in every
// format, zipped with a manifest. Reading it changes nothing (a link checker,
// a prefetching browser or a HEAD request must not mark a package sent); the
// secretary records the hand-over with POST .../package/delivered.
http::response get_package(app::context& ctx, http::request& req, const directory::user& user) {
  // Named references, not a structured binding: the lambdas below capture
  // them, which clang-tidy's parser (clang 14) does not take from a binding.
  auto asked = package_of(ctx, req, user);
  auto& rep = asked.report;
  auto& plan = asked.plan;
  const std::string name = "report-" + plan.province_code + "-" + std::to_string(rep.fiscal_year) + "-q" +
                           std::to_string(rep.quarter) + "-plan" + std::to_string(plan.id);
  reports::report built;
  {
    storage::lease session(ctx.db);
    built = reports::build_report(*session, {plan.province_code, plan.plan_type, rep.fiscal_year, rep.quarter},
                                  reports::today_iso());
  }
  // Zipping four renderings takes a while: no connection is held for it.
  std::erase_if(built.plans, [&](const reports::plan_report& p) { return p.plan_id != plan.id; });
  auto res = http::response::text(200, reports::to_package(built, name), "application/zip");
  res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
  return res;
}

// The secretary has handed the package over: its package deliveries (one,
// given {"delivery": id}, or all still ready) become delivered. Repeating it
// marks nothing more and answers the same list.
http::response mark_package_delivered(app::context& ctx, http::request& req, const directory::user& user) {
  // Named references, not a structured binding: the lambdas below capture
  // them, which clang-tidy's parser (clang 14) does not take from a binding.
  auto asked = package_of(ctx, req, user);
  auto& rep = asked.report;
  auto& plan = asked.plan;
  std::optional<std::int64_t> delivery_id;
  if (!req.body.empty()) {
    auto body = http::parse_json_body(req);
    std::vector<error::field> errors;
    http::object_reader in(body, errors);
    delivery_id = in.optional_int("delivery", 1, std::numeric_limits<std::int64_t>::max());
    in.reject_unknown();
    error::throw_if_invalid(std::move(errors));
  }
  boost::json::array items;
  int marked = 0;
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    items.clear();
    auto deliveries = delivery::deliveries_of(sql, rep.id);
    if (delivery_id && std::ranges::none_of(deliveries, [&](const delivery::delivery_record& d) {
          return d.id == *delivery_id && d.kind == "package";
        })) {
      throw error::invalid("/delivery", error::messages::not_package_delivery);
    }
    marked = delivery::mark_package_delivered(sql, rep.id, delivery_id);
    if (marked > 0) {
      boost::json::object detail{{"marked", marked}, {"plan_id", plan.id}};
      if (delivery_id) detail["delivery"] = *delivery_id;
      audit::append(sql, ctx.db.backend(),
                    {user.id, std::nullopt, req.remote_address, "report.package_delivered", "report",
                     std::to_string(rep.id), std::move(detail)});
    }
    for (const auto& d : delivery::deliveries_of(sql, rep.id)) {
      if (d.kind != "package") continue;
      items.push_back({{"id", d.id},
                       {"recipient", d.recipient_name},
                       {"status", d.status},
                       {"delivered_at", d.delivered_at ? boost::json::value(*d.delivered_at) : nullptr}});
    }
  });
  return http::response::json(200, boost::json::object{{"marked", marked}, {"items", std::move(items)}});
}

}  // namespace

void add_report_delivery_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::get, "/api/v1/report-recipients", action::administer_recipients, list_recipients);
  add_route(r, ctx, http::method::post, "/api/v1/report-recipients", action::administer_recipients, add_recipient);
  add_route(r, ctx, http::method::delete_, "/api/v1/report-recipients/{id}", action::administer_recipients,
            remove_recipient);
  add_route(r, ctx, http::method::get, "/api/v1/reports/{id}/deliveries", action::read_report, list_deliveries);
  add_route(r, ctx, http::method::get, "/api/v1/reports/{id}/package", action::send_report_package, get_package);
  add_route(r, ctx, http::method::post, "/api/v1/reports/{id}/package/delivered", action::send_report_package,
            mark_package_delivered);
}

}  // namespace planflow::api
