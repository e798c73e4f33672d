#include "years.hpp"

#include "content_model.hpp"

#include <exception>

namespace planflow::plugins::ethics {

std::optional<plugin::plan_span> span_of_content(const boost::json::value& content) {
  const auto* root = content.if_object();
  const auto* span = root ? object_at(*root, "span") : nullptr;
  if (!span) return std::nullopt;
  const auto first = integer_at(*span, "first_year"), last = integer_at(*span, "last_year");
  if (!first || !last || *first < 2400 || *last > 2799 || *first > *last) return std::nullopt;
  return plugin::plan_span{std::string(string_at(*root, "title")), static_cast<int>(*first), static_cast<int>(*last)};
}

std::vector<plugin::indicator_target> indicator_targets_of(const boost::json::value& content, int fiscal_year) {
  std::vector<plugin::indicator_target> out;
  try {
    const auto span = span_of_content(content);
    if (!span || fiscal_year < span->first_year || fiscal_year > span->last_year) return out;
    const auto* root = content.if_object();
    const auto* strategies = array_at(*root, "strategies");
    for (std::size_t s = 0; strategies && s < strategies->size(); ++s) {
      const auto* strategy = (*strategies)[s].if_object();
      const auto* goals = strategy ? array_at(*strategy, "goals") : nullptr;
      for (std::size_t g = 0; goals && g < goals->size(); ++g) {
        const auto* goal = (*goals)[g].if_object();
        const auto* indicators = goal ? array_at(*goal, "indicators") : nullptr;
        for (std::size_t i = 0; indicators && i < indicators->size(); ++i) {
          const auto* indicator = (*indicators)[i].if_object();
          if (!indicator) continue;
          const auto* targets = object_at(*indicator, "targets");
          plugin::indicator_target t;
          t.key = string_at(*indicator, "id");
          // As plan_progress_items names the indicator of each project.
          t.label = string_at(*indicator, "text");
          t.text = t.label;
          t.value = target_of(targets, fiscal_year);
          t.unit = string_at(*indicator, "unit");
          t.comparator = comparator_of(targets, fiscal_year);
          out.push_back(std::move(t));
        }
      }
    }
  } catch (const std::exception&) {
    out.clear();  // only allocation can fail above
  }
  return out;
}

}  // namespace planflow::plugins::ethics
