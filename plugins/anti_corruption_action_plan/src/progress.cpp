#include "progress.hpp"

#include "content_model.hpp"
#include "text_scan.hpp"

#include <algorithm>
#include <exception>

namespace planflow::plugins::anti_corruption {

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
            it.measurable = a.target_value.has_value();
            it.target_value = a.target_value;
            it.unit = a.unit;
            // "ไม่เกิน ..." is a ceiling; a level ("ไม่น้อยกว่า ...", or a bare
            // number) is reached from below. A change from a baseline is
            // not judged against its own size: no baseline is stated on
            // activities, so it stays "at least" of the stated value.
            if (scan::classify_target(a.target_text) == scan::target_kind::at_most) it.comparator = "at_most";
            it.agencies = plugin::names_of(a.main_agencies);
            for (auto& name : plugin::names_of(a.supporting_agencies)) it.agencies.push_back(std::move(name));
            it.agency_ids = plugin::linked_ids(a.main_agencies);
            for (auto id : plugin::linked_ids(a.supporting_agencies)) {
              if (std::ranges::find(it.agency_ids, id) == it.agency_ids.end()) it.agency_ids.push_back(id);
            }
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
