#include "progress.hpp"

#include "content_model.hpp"

#include <exception>

namespace planflow::plugins::anti_corruption {

namespace {

// Progress is reported against the first measure. A change from a stated
// baseline becomes the level it leads to (ลดลงร้อยละ ๑๐ from 120 cases is at
// most 108), which is what an agency can report a count against; without
// a baseline the change itself is the figure reported, at least as large
// as stated.
void apply_target(plugin::progress_item& it, const measurable_target& target) {
  if (target.measures.empty() || !target.measures.front().value) return;
  const auto& first = target.measures.front();
  it.measurable = true;
  it.target_value = first.value;
  it.unit = first.unit;
  it.comparator = first.comparator;
  it.baseline = target.baseline;
  if (target.direction == "level" || !target.baseline) return;
  const double change = first.unit == "ร้อยละ" ? *target.baseline * *first.value / 100 : *first.value;
  const bool down = target.direction == "decrease";
  it.target_value = down ? *target.baseline - change : *target.baseline + change;
  it.comparator = down ? "at_most" : "at_least";
  // The level is a count of what the baseline counts, not a share.
  if (first.unit == "ร้อยละ") it.unit.clear();
}

}  // namespace

std::vector<plugin::progress_item> progress_items_of(const boost::json::value& content) {
  std::vector<plugin::progress_item> out;
  try {
    plan p = read_plan(content, nullptr);
    for (const auto& g : p.goals) {
      std::string goal = goal_label(g.number);
      for (const auto& ind : g.indicators) {
        std::string indicator = ind.number.empty() ? ind.text : indicator_label(ind.number);
        for (const auto& pr : ind.projects) {
          for (const auto& a : pr.activities) {
            plugin::progress_item it;
            it.id = a.id;
            it.path = a.path;
            it.title = a.title.empty() ? pr.title : a.title;
            it.goal = goal;
            it.indicator = indicator;
            if (a.budget.kind == k_budget_amount && a.budget.satang) it.budget_satang = a.budget.satang;
            apply_target(it, a.target);
            it.agencies = plugin::names_of(a.main_agencies);
            for (auto& name : plugin::names_of(a.supporting_agencies)) it.agencies.push_back(std::move(name));
            plugin::add_linked_ids(it.agency_ids, a.main_agencies);
            plugin::add_linked_ids(it.agency_ids, a.supporting_agencies);
            out.push_back(std::move(it));
          }
        }
      }
    }
  } catch (const std::exception&) {
    // Only allocation can fail above; the items read so far are still useful.
  }
  return out;
}

}  // namespace planflow::plugins::anti_corruption
