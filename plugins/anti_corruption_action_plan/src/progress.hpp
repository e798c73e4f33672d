#pragma once
// What agencies report on each quarter: one item per activity.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/value.hpp>

#include <vector>

namespace planflow::plugins::anti_corruption {

/// One progress item per activity, in document order. Never throws; content
/// that does not follow the model gives the items that can be read.
std::vector<plugin::progress_item> progress_items_of(const boost::json::value& content);

}  // namespace planflow::plugins::anti_corruption
