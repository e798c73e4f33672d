#include "render_common.hpp"

#include <planflow/reports/render.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <cmath>

namespace planflow::reports {
namespace {

namespace json = boost::json;

// Whole values as integers (50, not 50.0), as the percentages below.
json::value optional_number(const std::optional<double>& value) {
  if (!value) return nullptr;
  if (std::trunc(*value) == *value && std::fabs(*value) < 1e15) return static_cast<std::int64_t>(*value);
  return *value;
}

// Satang stay as integers for anyone who sums; baht are the same amount as
// a decimal number (30500, 2500.5), made from the satang so that it is exact.
void put_money(json::object& out, std::string_view name, std::int64_t satang) {
  out[std::string(name) + "_satang"] = satang;
  out[std::string(name) + "_baht"] = baht_json(satang);
}

// Rounded to two decimals like the CSV and the page, and whole when it is
// (50, not 50.0), so that no writer has a reason to use an exponent.
json::value percent_value(const std::optional<double>& percent) {
  if (!percent) return nullptr;
  const double rounded = detail::round_percent(*percent);
  if (std::trunc(rounded) == rounded && std::fabs(rounded) < 1e15) return static_cast<std::int64_t>(rounded);
  return rounded;
}

json::object totals_json(const totals& t) {
  json::object out;
  out["activities"] = t.activities;
  out["not_started"] = t.not_started;
  out["in_progress"] = t.in_progress;
  out["done"] = t.done;
  out["cancelled"] = t.cancelled;
  out["missing"] = t.missing;
  put_money(out, "planned", t.planned_satang);
  put_money(out, "disbursed", t.disbursed_satang);
  out["disbursed_percent"] = percent_value(t.disbursed_percent());
  out["targets_met"] = t.targets_met;
  out["targets_not_met"] = t.targets_not_met;
  return out;
}

json::object activity_json(const activity_row& a) {
  json::object out;
  out["item_id"] = a.item_id;
  out["title"] = a.title;
  out["agency"] = a.agency;
  if (a.planned_satang) {
    put_money(out, "planned", *a.planned_satang);
  } else {
    // null, not 0: "no budget" differs from a budget of nothing.
    out["planned_satang"] = nullptr;
    out["planned_baht"] = nullptr;
  }
  put_money(out, "disbursed", a.disbursed_satang);
  out["disbursed_percent"] = percent_value(detail::disbursed_percent(a));
  out["status"] = a.status;
  out["status_th"] = detail::status_label(a.status);
  out["percent_complete"] = optional_number(a.percent_complete);
  out["target_value"] = optional_number(a.target_value);
  out["result_value"] = optional_number(a.result_value);
  out["unit"] = a.unit;
  out["comparator"] = a.comparator;
  out["target_met"] = a.target_met ? json::value(*a.target_met) : json::value(nullptr);
  out["late"] = a.late;
  return out;
}

json::object indicator_json(const indicator_section& section) {
  json::object out;
  out["indicator"] = section.indicator;
  out["totals"] = totals_json(section.totals);
  json::array activities;
  for (const auto& a : section.activities) activities.push_back(activity_json(a));
  out["activities"] = std::move(activities);
  return out;
}

json::object goal_json(const goal_section& section) {
  json::object out;
  out["goal"] = section.goal;
  out["totals"] = totals_json(section.totals);
  json::array indicators;
  for (const auto& i : section.indicators) indicators.push_back(indicator_json(i));
  out["indicators"] = std::move(indicators);
  return out;
}

json::object plan_json(const plan_report& plan) {
  json::object out;
  out["plan_id"] = plan.plan_id;
  out["title"] = plan.title;
  out["province_code"] = plan.province_code;
  out["province_name_th"] = plan.province_name_th;
  out["plan_type"] = plan.plan_type;
  out["agency"] = plan.agency;
  out["report_stage"] = plan.report_stage;
  out["due_on"] = plan.due_on.empty() ? json::value(nullptr) : json::value(plan.due_on);
  out["totals"] = totals_json(plan.totals);
  json::array goals;
  for (const auto& g : plan.goals) goals.push_back(goal_json(g));
  out["goals"] = std::move(goals);
  json::array late;
  for (const auto& agency : plan.late_agencies) late.push_back(json::string(agency));
  out["late_agencies"] = std::move(late);
  return out;
}

json::object province_json(const province_row& row) {
  json::object out;
  out["province_code"] = row.province_code;
  out["province_name_th"] = row.province_name_th;
  out["plans"] = row.plans;
  out["totals"] = totals_json(row.totals);
  out["late_agencies"] = row.late_agencies;
  return out;
}

}  // namespace

boost::json::object to_json(const report& r) {
  json::object out;
  out["province_code"] = r.province_code;
  out["province_name_th"] = r.province_name_th;
  out["plan_type"] = r.plan_type;
  out["fiscal_year"] = r.fiscal_year;
  out["quarter"] = r.quarter;
  out["title"] = detail::report_title(r);
  out["generated_at"] = r.generated_at;
  out["totals"] = totals_json(r.totals);
  json::array plans;
  for (const auto& plan : r.plans) plans.push_back(plan_json(plan));
  out["plans"] = std::move(plans);
  json::array provinces;
  for (const auto& row : r.provinces) provinces.push_back(province_json(row));
  out["provinces"] = std::move(provinces);
  return out;
}

}  // namespace planflow::reports
