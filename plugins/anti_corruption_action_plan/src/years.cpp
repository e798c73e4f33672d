#include "years.hpp"

#include "content_model.hpp"

#include <exception>

namespace planflow::plugins::anti_corruption {

std::optional<plugin::plan_span> span_of_content(const boost::json::value& content) {
  try {
    const auto p = read_plan(content, nullptr);
    for (const auto& linked : p.narrative.linked_plans) {
      if (linked.scope == "provincial_plan" && linked.first_year && linked.last_year) {
        return plugin::plan_span{linked.title, *linked.first_year, *linked.last_year};
      }
    }
  } catch (const std::exception&) {
    // Only allocation can fail in read_plan: no span is the safe answer.
  }
  return std::nullopt;
}

std::vector<plugin::indicator_target> indicator_targets_of(const boost::json::value& content, int fiscal_year) {
  std::vector<plugin::indicator_target> out;
  try {
    const auto p = read_plan(content, nullptr);
    if (p.fiscal_year == 0 || p.fiscal_year != fiscal_year) return out;
    for (const auto& g : p.goals) {
      for (const auto& ind : g.indicators) {
        plugin::indicator_target t;
        t.key = ind.number.empty() ? ind.id : ind.number;
        // As progress_items_of names the indicator of each activity.
        t.label = ind.number.empty() ? ind.text : indicator_label(ind.number);
        t.text = ind.text;
        t.direction = ind.target.direction;
        if (!ind.target.measures.empty()) {
          const auto& first = ind.target.measures.front();
          t.value = first.value;
          t.unit = first.unit.empty() ? ind.unit : first.unit;
          t.comparator = first.comparator;
        } else {
          t.unit = ind.unit;
        }
        out.push_back(std::move(t));
      }
    }
  } catch (const std::exception&) {
    out.clear();
  }
  return out;
}

}  // namespace planflow::plugins::anti_corruption
