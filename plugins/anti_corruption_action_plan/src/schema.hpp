#pragma once
// The content model as a JSON Schema, and the content of a new plan.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace planflow::plugins::anti_corruption {

/// JSON Schema (draft 2020-12) of the content; README.md explains each field.
boost::json::object content_schema_json();

/// A new plan: the province and fiscal year from `ctx`, the standard title,
/// no goals. It validates with one error, empty_plan, when `ctx` names a
/// known province and a fiscal year (and missing_value for each it lacks).
boost::json::object empty_content_json(const plugin::plan_context& ctx);

/// "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ … จังหวัดนราธิวาส";
/// the year or the province is left out when unknown (0 or "").
std::string standard_title(int fiscal_year, const std::string& province_th);

}  // namespace planflow::plugins::anti_corruption
