#pragma once
/// JSON forms of plugin results shared by several endpoints and commands.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <vector>

namespace planflow::api {

boost::json::array findings_json(const std::vector<plugin::finding>& findings);
/// The plugin's totals of `content`, as served: null when the content is too
/// broken to total; a number the plugin's arithmetic made non-finite (two
/// budgets of 1e308 added) becomes null, since no JSON can carry it.
boost::json::value totals_json(const plugin::plan_type& type, const boost::json::value& content);
int count_errors(const std::vector<plugin::finding>& findings);
boost::json::object plan_type_json(const plugin::plan_type& type);

}  // namespace planflow::api
