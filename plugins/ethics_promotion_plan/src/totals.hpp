#pragma once
// What is computed from content: totals and the items agencies report on.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/value.hpp>

#include <vector>

namespace planflow::plugins::ethics {

/// {"overall": {...}, "strategies": [{"number", "title", ...}, ...]}, each
/// with goals, indicators, projects, activities (what agencies report on: a
/// project's listed activities, or the project itself when it lists none),
/// budgeted_projects and budget_baht (amounts only; "none" and unreadable
/// budgets add nothing). Skips malformed parts, so it never throws.
plugin::totals compute_plan_totals(const boost::json::value& content);

/// One item per listed activity, or per project that lists none, with the
/// target of the plan's fiscal year: the project's own when it carries
/// targets, its indicator's otherwise. A project's budget goes with its first
/// item, so that sums over items equal the plan's total.
std::vector<plugin::progress_item> plan_progress_items(const boost::json::value& content);

}  // namespace planflow::plugins::ethics
