#pragma once
// The ethics plan across its five years: the span it covers itself and the
// target it sets each indicator for each year, for the server's
// year-over-year view.

#include <planflow/plugin/plan_type.hpp>

#include <optional>
#include <vector>

namespace planflow::plugins::ethics {

/// The plan's own span ("span": first and last year) under its title.
std::optional<plugin::plan_span> span_of_content(const boost::json::value& content);

/// Each indicator's target for `fiscal_year`, keyed by indicator id; the
/// indicators without a target that year are listed with no value.
std::vector<plugin::indicator_target> indicator_targets_of(const boost::json::value& content, int fiscal_year);

}  // namespace planflow::plugins::ethics
