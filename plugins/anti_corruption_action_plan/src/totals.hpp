#pragma once
// Counts and budget sums computed from the content (never trusted from it).

#include "content_model.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <vector>

namespace planflow::plugins::anti_corruption {

struct scope_totals {
  std::int64_t indicators = 0;
  std::int64_t projects = 0;          ///< numbered entries of the โครงการ/กิจกรรม column
  std::int64_t activities = 0;        ///< budgeted rows
  std::int64_t budget_satang = 0;     ///< sum of "amount" budgets; "none" counts 0
  std::int64_t unparsed_budgets = 0;  ///< activities whose budget is not in the sum
};

struct plan_totals {
  scope_totals overall;
  std::vector<scope_totals> goals;  ///< in the order of plan::goals
};

/// Sums a plan. Budgets are summed in satang, so the result is exact.
plan_totals sum_plan(const plan& p);

/// {"overall":{"goals","indicators","projects","activities","budget_baht",
/// "budget_satang","unparsed_budgets"},"goals":[{"id","number","indicators",
/// "projects","activities","budget_baht","budget_satang","unparsed_budgets"}]}
boost::json::object totals_json(const plan& p, const plan_totals& totals);

}  // namespace planflow::plugins::anti_corruption
