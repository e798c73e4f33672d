#pragma once
/// The plan across the years of the province's five-year plan: which
/// multi-year plan an annual plan is an edition of, and what it sets each
/// indicator to reach, for the server's year-over-year view.

#include <planflow/plugin/plan_type.hpp>

#include <optional>
#include <vector>

namespace planflow::plugins::anti_corruption {

/// The province's multi-year plan the narrative links (provincial_plan with
/// its years), or nullopt.
std::optional<plugin::plan_span> span_of_content(const boost::json::value& content);

/// The indicators' targets when `fiscal_year` is the plan's own year (an
/// annual plan sets no other year's), keyed by indicator number.
std::vector<plugin::indicator_target> indicator_targets_of(const boost::json::value& content, int fiscal_year);

}  // namespace planflow::plugins::anti_corruption
