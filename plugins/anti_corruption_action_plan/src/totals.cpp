#include "totals.hpp"

#include <boost/json/array.hpp>

#include <limits>

namespace planflow::plugins::anti_corruption {

namespace json = boost::json;

namespace {

void add_scope(scope_totals& into, const scope_totals& part) {
  into.indicators += part.indicators;
  into.projects += part.projects;
  into.activities += part.activities;
  // Each budget is at most k_max_baht, so only a plan with tens of thousands
  // of trillion-baht rows could overflow; saturate rather than wrap.
  constexpr auto k_max = std::numeric_limits<std::int64_t>::max();
  if (into.budget_satang > k_max - part.budget_satang)
    into.budget_satang = k_max;
  else
    into.budget_satang += part.budget_satang;
  into.unparsed_budgets += part.unparsed_budgets;
}

json::object scope_json(const scope_totals& t) {
  json::object out;
  out["indicators"] = t.indicators;
  out["projects"] = t.projects;
  out["activities"] = t.activities;
  out["budget_baht"] = baht_json(t.budget_satang);
  out["budget_satang"] = t.budget_satang;
  out["unparsed_budgets"] = t.unparsed_budgets;
  return out;
}

}  // namespace

plan_totals sum_plan(const plan& p) {
  plan_totals out;
  out.goals.reserve(p.goals.size());
  for (const auto& g : p.goals) {
    scope_totals t;
    t.indicators = std::int64_t(g.indicators.size());
    for (const auto& ind : g.indicators) {
      t.projects += std::int64_t(ind.projects.size());
      for (const auto& pr : ind.projects) {
        for (const auto& a : pr.activities) {
          ++t.activities;
          if (a.budget.kind == k_budget_amount && a.budget.satang) {
            scope_totals one;
            one.budget_satang = *a.budget.satang;
            add_scope(t, one);
          } else if (a.budget.kind != k_budget_none) {
            ++t.unparsed_budgets;
          }
        }
      }
    }
    add_scope(out.overall, t);
    out.goals.push_back(t);
  }
  return out;
}

json::object totals_json(const plan& p, const plan_totals& totals) {
  json::object overall = scope_json(totals.overall);
  overall["goals"] = std::int64_t(p.goals.size());
  json::array goals;
  for (std::size_t i = 0; i < p.goals.size() && i < totals.goals.size(); ++i) {
    json::object g = scope_json(totals.goals[i]);
    g["id"] = p.goals[i].id;
    g["number"] = p.goals[i].number;
    goals.emplace_back(std::move(g));
  }
  json::object out;
  out["overall"] = std::move(overall);
  out["goals"] = std::move(goals);
  return out;
}

}  // namespace planflow::plugins::anti_corruption
