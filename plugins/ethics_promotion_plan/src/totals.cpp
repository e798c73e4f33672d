#include "totals.hpp"

#include "content_model.hpp"
#include "text_util.hpp"

#include <planflow/plugin/agency_refs.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace planflow::plugins::ethics {

namespace json = boost::json;

namespace {

struct counts {
  std::int64_t goals = 0;
  std::int64_t indicators = 0;
  std::int64_t projects = 0;
  std::int64_t activities = 0;
  std::int64_t budgeted_projects = 0;
  std::int64_t satang = 0;

  void add(const counts& other) {
    goals += other.goals;
    indicators += other.indicators;
    projects += other.projects;
    activities += other.activities;
    budgeted_projects += other.budgeted_projects;
    satang += other.satang;
  }

  json::object to_json() const {
    return {{"goals", goals},
            {"indicators", indicators},
            {"projects", projects},
            {"activities", activities},
            {"budgeted_projects", budgeted_projects},
            {"budget_baht", baht_json(satang)}};
  }
};

std::size_t listed_activities(const json::object& project) {
  const auto* activities = array_at(project, "activities");
  return activities ? activities->size() : 0;
}

const json::array* children(const json::value& node, std::string_view key) {
  const auto* o = node.if_object();
  return o ? array_at(*o, key) : nullptr;
}

counts count_strategy(const json::object& strategy) {
  counts c;
  const auto* goals = array_at(strategy, "goals");
  if (!goals) return c;
  for (const auto& goal : *goals) {
    if (!goal.is_object()) continue;
    ++c.goals;
    const auto* indicators = children(goal, "indicators");
    if (!indicators) continue;
    for (const auto& indicator : *indicators) {
      if (!indicator.is_object()) continue;
      ++c.indicators;
      const auto* tactics = children(indicator, "strategies");
      if (!tactics) continue;
      for (const auto& tactic : *tactics) {
        const auto* projects = children(tactic, "projects");
        if (!projects) continue;
        for (const auto& value : *projects) {
          const auto* project = value.if_object();
          if (!project) continue;
          ++c.projects;
          auto listed = listed_activities(*project);
          c.activities += static_cast<std::int64_t>(listed == 0 ? 1 : listed);
          if (auto satang = budget_satang(*project)) {
            ++c.budgeted_projects;
            c.satang += *satang;  // each below 1e14 satang: no overflow in any real plan
          }
        }
      }
    }
  }
  return c;
}

// The project's agencies, main ones first, with what the report needs of
// them: the names as written and the directory ids linked.
void set_agencies(plugin::progress_item& item, const json::object& project) {
  for (auto key : {"main_agencies", "supporting_agencies"}) {
    const auto refs = plugin::read_agency_refs(project.if_contains(key));
    for (const auto& ref : refs) {
      if (!trim_spaces(ref.name).empty()) item.agencies.push_back(ref.name);
    }
    plugin::add_linked_ids(item.agency_ids, refs);
  }
}

}  // namespace

plugin::totals compute_plan_totals(const json::value& content) {
  counts overall;
  json::array per_strategy;
  const auto* root = content.if_object();
  if (const auto* strategies = root ? array_at(*root, "strategies") : nullptr) {
    for (const auto& value : *strategies) {
      const auto* strategy = value.if_object();
      if (!strategy) continue;
      counts c = count_strategy(*strategy);
      overall.add(c);
      json::object entry = c.to_json();
      entry["number"] = integer_at(*strategy, "number").value_or(0);
      entry["title"] = string_at(*strategy, "title");
      per_strategy.push_back(std::move(entry));
    }
  }
  plugin::totals out;
  out.json["overall"] = overall.to_json();
  out.json["strategies"] = std::move(per_strategy);
  return out;
}

std::vector<plugin::progress_item> plan_progress_items(const json::value& content) {
  std::vector<plugin::progress_item> out;
  const auto* root = content.if_object();
  if (!root) return out;
  const int fiscal_year = static_cast<int>(integer_at(*root, "fiscal_year").value_or(0));
  for_each_project(content, [&](const project_view& v) {
    const json::object& project = *v.project;
    // A project's own targets when it has them; else its indicator's.
    const json::object* targets = object_at(project, "targets");
    std::string unit(string_at(project, "unit"));
    if (!targets && v.indicator) {
      targets = object_at(*v.indicator, "targets");
      unit = string_at(*v.indicator, "unit");
    }
    plugin::progress_item base;
    base.goal = v.goal ? std::string(string_at(*v.goal, "text")) : std::string();
    base.indicator = v.indicator ? std::string(string_at(*v.indicator, "text")) : std::string();
    base.target_value = target_of(targets, fiscal_year);
    base.comparator = comparator_of(targets, fiscal_year);
    base.measurable = base.target_value.has_value();
    base.unit = unit;
    set_agencies(base, project);
    const std::string path = project_pointer(v.s, v.g, v.i, v.t, v.p);
    const auto budget = budget_satang(project);

    const auto* activities = array_at(project, "activities");
    if (!activities || activities->empty()) {
      plugin::progress_item item = base;
      item.id = string_at(project, "id");
      item.path = path;
      item.title = string_at(project, "title");
      item.budget_satang = budget;
      out.push_back(std::move(item));
      return;
    }
    for (std::size_t a = 0; a < activities->size(); ++a) {
      const auto* activity = (*activities)[a].if_object();
      plugin::progress_item item = base;
      item.id = activity ? std::string(string_at(*activity, "id")) : std::string();
      item.path = pointer_append(path + "/activities", a);
      item.title = activity ? std::string(string_at(*activity, "title")) : std::string();
      if (a == 0) item.budget_satang = budget;
      out.push_back(std::move(item));
    }
  });
  return out;
}

}  // namespace planflow::plugins::ethics
