#pragma once
// Every problem of a plan's content: structure, values and consistency.
// README.md lists the finding codes with their severity and meaning.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/value.hpp>

#include <vector>

namespace planflow::plugins::anti_corruption {

/// Findings for `content` checked against `ctx` (the plan's province and
/// fiscal year, and the province list used to recognise other provinces'
/// names). Never throws, for any JSON value.
std::vector<plugin::finding> validate_content(const boost::json::value& content, const plugin::plan_context& ctx);

}  // namespace planflow::plugins::anti_corruption
