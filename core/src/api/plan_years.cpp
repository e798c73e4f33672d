// GET /api/v1/plans/{id}/years: a plan across the years of the multi-year
// plan it belongs to. For each year of the span, the edition the province
// wrote for it (the plan itself for its own year), what that edition sets
// each indicator to reach, and how its activities stand in its latest
// quarterly report with entries (items, reported, met). The committee reads
// it to see whether targets rise as the five-year plan says and whether
// they were met.
#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/api/visible.hpp>
#include <planflow/app/context.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/reports/report.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/array.hpp>

#include <algorithm>
#include <map>

namespace planflow::api {
namespace {

namespace json = boost::json;

// A span no plan has: more years than this is content to distrust, not a
// plan to draw.
constexpr int k_max_span_years = 20;

struct indicator_results {
  int items = 0, measurable = 0, reported = 0, met = 0;
};

// How the plan's activities stand, by the indicator label their items carry,
// in its latest quarterly report that has any entry.
struct plan_results {
  std::optional<reports::quarterly_report> report;
  std::map<std::string, indicator_results> by_indicator;
};

plan_results results_of(app::context& ctx, soci::session& sql, std::int64_t plan_id) {
  plan_results out;
  const auto items = ctx.progress.items_of(sql, plan_id);
  auto reports = ctx.progress.reports_of(sql, plan_id);
  std::ranges::sort(reports, [](const auto& a, const auto& b) { return a.quarter > b.quarter; });
  std::vector<reports::entry> entries;
  for (const auto& r : reports) {
    entries = ctx.progress.entries_of(sql, r.id);
    if (!entries.empty()) {
      out.report = r;
      break;
    }
  }
  for (const auto& item : items) {
    auto& counts = out.by_indicator[item.indicator];
    ++counts.items;
    counts.measurable += item.measurable;
    auto e = std::ranges::find_if(entries, [&](const reports::entry& x) { return x.item_row_id == item.row_id; });
    if (e == entries.end()) continue;
    counts.reported += e->result_value.has_value();
    counts.met += reports::target_met(item.target_value, e->result_value, item.comparator).value_or(false);
  }
  return out;
}

// The plan a province wrote for one year of the span, with its content.
struct edition {
  plans::plan plan;
  json::value content;
};

json::object year_json(app::context& ctx, soci::session& sql, const plugin::plan_type& type, int year,
                       const edition* found, const json::value& fallback_content) {
  const plans::plan* plan = found ? &found->plan : nullptr;
  const json::value& content = found ? found->content : fallback_content;
  json::object out{{"fiscal_year", year}, {"plan", nullptr}, {"report", nullptr}};
  plan_results results;
  if (plan) {
    out["plan"] = json::object{{"id", plan->id}, {"title", plan->title}, {"stage", plan->state.stage}};
    results = results_of(ctx, sql, plan->id);
    if (results.report) {
      out["report"] = json::object{
          {"id", results.report->id}, {"quarter", results.report->quarter}, {"stage", results.report->stage}};
    }
  }
  json::array indicators;
  for (const auto& t : type.indicator_targets(content, year)) {
    json::object o{{"key", t.key},
                   {"text", t.text},
                   {"target", number_or_null(t.value)},
                   {"unit", t.unit},
                   {"comparator", t.comparator},
                   {"direction", t.direction},
                   {"results", nullptr}};
    if (plan) {
      const auto it = results.by_indicator.find(t.label);
      const auto counts = it == results.by_indicator.end() ? indicator_results{} : it->second;
      o["results"] = json::object{{"items", counts.items},
                                  {"measurable", counts.measurable},
                                  {"reported", counts.reported},
                                  {"met", counts.met}};
    }
    indicators.push_back(std::move(o));
  }
  out["indicators"] = std::move(indicators);
  return out;
}

http::response get_plan_years(app::context& ctx, http::request& req, const directory::user& user) {
  const auto who = actor_of(ctx, user);
  const auto p = visible_plan(ctx, who, id_param(req));
  const auto& type = ctx.plans.type_of(p.plan_type);
  const auto current = ctx.plans.get_revision(p.id, p.state.revision);
  const json::value content = current ? current->content : json::value(nullptr);
  auto span = type.span_of(content);
  const bool spans = span && span->first_year <= p.fiscal_year && p.fiscal_year <= span->last_year &&
                     span->last_year - span->first_year < k_max_span_years;
  // A plan that names no multi-year plan (or one its own year is outside)
  // is a span of its own year.
  const plugin::plan_span s = spans ? *span : plugin::plan_span{"", p.fiscal_year, p.fiscal_year};

  // One edition a year: the plan itself for its year; otherwise the latest
  // plan the caller may read that names the same multi-year plan.
  std::map<int, edition> by_year;
  by_year.emplace(p.fiscal_year, edition{p, content});
  for (auto& other : ctx.plans.editions(p.plan_type, p.province_code, s.first_year, s.last_year)) {
    if (other.fiscal_year == p.fiscal_year) continue;
    if (!policy::allows(who, policy::action::read_plan, plan_resource(ctx, other))) continue;
    const auto revision = ctx.plans.get_revision(other.id, other.state.revision);
    if (!revision) continue;
    const auto other_span = type.span_of(revision->content);
    const bool same = other_span && other_span->title == s.title && other_span->first_year == s.first_year &&
                      other_span->last_year == s.last_year;
    if (!same) continue;
    const int year = other.fiscal_year;
    by_year.insert_or_assign(year, edition{std::move(other), revision->content});  // by id order: the latest wins
  }

  storage::lease session(ctx.db);
  json::array years;
  for (int year = s.first_year; year <= s.last_year; ++year) {
    const auto it = by_year.find(year);
    // A year without an edition shows what the plan itself sets for it (a
    // five-year plan states every year's target).
    years.push_back(year_json(ctx, *session, type, year, it == by_year.end() ? nullptr : &it->second, content));
  }
  return http::response::json(
      200,
      json::object{{"plan_id", p.id},
                   {"span", json::object{{"title", s.title}, {"first_year", s.first_year}, {"last_year", s.last_year}}},
                   {"years", std::move(years)}});
}

}  // namespace

void add_plan_year_routes(http::router& r, app::context& ctx) {
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}/years", policy::action::read_plan, get_plan_years);
}

}  // namespace planflow::api
