#pragma once
// Validation of an ethics promotion plan's content.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/value.hpp>

#include <vector>

namespace planflow::plugins::ethics {

/// Every problem of `content`: its structure (missing_field, invalid_type,
/// invalid_value with JSON Pointers), the plan's frame (span, fiscal year,
/// province, the five strategies) and each target, budget and agency.
/// Accepts any JSON value and never throws; work is linear in its size.
std::vector<plugin::finding> validate_content(const boost::json::value& content, const plugin::plan_context& ctx);

}  // namespace planflow::plugins::ethics
