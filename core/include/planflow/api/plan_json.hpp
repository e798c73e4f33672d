#pragma once
/// JSON forms of plugin results shared by several endpoints and commands.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <vector>

namespace planflow::api {

boost::json::array findings_json(const std::vector<plugin::finding>& findings);
int count_errors(const std::vector<plugin::finding>& findings);
boost::json::object plan_type_json(const plugin::plan_type& type);

}  // namespace planflow::api
