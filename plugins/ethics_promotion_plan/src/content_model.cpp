#include "content_model.hpp"

#include "master_plan.hpp"
#include "targets.hpp"
#include "text_util.hpp"

#include <planflow/plugin/agency_refs.hpp>

#include <boost/json/string.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace planflow::plugins::ethics {

namespace json = boost::json;

namespace {

// Whole numbers are written as integers: Boost.JSON prints the double 88.0
// as 8.8E1, which no person reviewing a plan should have to read.
json::value number_json(double value) {
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 9e15) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

json::object targets_json(const target_series& series) {
  json::object out;
  for (const auto& [year, target] : series.years) {
    json::object cell;
    cell["value"] = target.value ? number_json(*target.value) : json::value(nullptr);
    cell["text"] = target.text;
    cell["comparator"] = target.comparator;
    out[std::to_string(year)] = std::move(cell);
  }
  return out;
}

json::array strings_json(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

json::object budget_json(const budget_info& budget) {
  json::object out;
  out["kind"] = budget.kind;
  if (budget.kind == "amount" && budget.satang) {
    out["baht"] = baht_json(*budget.satang);
  } else {
    out["baht"] = nullptr;
  }
  out["text"] = budget.text;
  return out;
}

json::object project_json(const project_node& p) {
  json::object out;
  out["id"] = p.id;
  out["title"] = p.title;
  json::array activities;
  for (const auto& a : p.activities) activities.push_back(json::object{{"id", a.id}, {"title", a.title}});
  out["activities"] = std::move(activities);
  // Names as references, unlinked: the importer links them to the
  // province's directory afterwards (link_agencies).
  out["main_agencies"] = plugin::upgrade_agency_list(strings_json(p.main_agencies));
  out["supporting_agencies"] = plugin::upgrade_agency_list(strings_json(p.supporting_agencies));
  out["budget"] = budget_json(p.budget);
  out["budget_source"] = p.budget_source;
  if (p.has_targets) {
    out["unit"] = p.unit;
    out["targets"] = targets_json(p.targets);
  }
  if (!p.unplaced.empty()) {
    json::array unplaced;
    for (const auto& u : p.unplaced) {
      json::object cell{{"column", u.column}, {"text", u.text}};
      if (u.line > 0) cell["line"] = u.line;
      unplaced.push_back(std::move(cell));
    }
    out["unplaced"] = std::move(unplaced);
  }
  return out;
}

void put_text(json::object& out, std::string_view key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

void put_frequency(json::object& out, const std::optional<frequency_info>& frequency) {
  if (!frequency) return;
  out["frequency"] = frequency->text;
  out["every_months"] = frequency->every_months;
}

// The narrative before the tables (sections ๑–๒ of the seed), in document order.
void narrative_head_json(json::object& out, const narrative_node& n) {
  if (n.national_strategy) {
    const auto& ns = *n.national_strategy;
    json::object o;
    o["title"] = ns.title;
    if (ns.first_year) o["first_year"] = *ns.first_year;
    if (ns.last_year) o["last_year"] = *ns.last_year;
    put_text(o, "text", ns.text);
    out["national_strategy"] = std::move(o);
  }
  if (!n.ethical_standards.empty()) {
    json::array list;
    for (const auto& e : n.ethical_standards) {
      json::object o{{"number", e.number}, {"text", e.text}};
      if (!e.national_strategy_alignment.empty())
        o["national_strategy_alignment"] = strings_json(e.national_strategy_alignment);
      list.push_back(std::move(o));
    }
    out["ethical_standards"] = std::move(list);
  }
  put_text(out, "vision", n.vision);
  if (!n.missions.empty()) out["missions"] = strings_json(n.missions);
  if (!n.plan_goals.empty()) out["plan_goals"] = strings_json(n.plan_goals);
}

// The narrative after the tables (section ๔ of the seed) and the approval.
void narrative_tail_json(json::object& out, const narrative_node& n) {
  if (!n.implementation.empty()) out["implementation"] = json::object{{"text", n.implementation}};
  if (n.monitoring) {
    json::object o{{"text", n.monitoring->text}};
    put_frequency(o, n.monitoring->frequency);
    out["monitoring"] = std::move(o);
  }
  if (!n.committee.empty()) {
    json::object o;
    put_text(o, "name", n.committee.name);
    if (!n.committee.mandate.empty()) o["mandate"] = json::object{{"text", n.committee.mandate}};
    if (!n.committee.reporting.empty()) {
      json::array list;
      for (const auto& r : n.committee.reporting) {
        json::object duty{{"text", r.text}};
        put_frequency(duty, r.frequency);
        list.push_back(std::move(duty));
      }
      o["reporting"] = std::move(list);
    }
    out["committee"] = std::move(o);
  }
  if (!n.budget_sources.empty()) out["budget_sources"] = strings_json(n.budget_sources);
  if (n.approval) {
    const auto& a = *n.approval;
    json::object o;
    put_text(o, "body", a.body);
    put_text(o, "meeting", a.meeting);
    put_text(o, "date", a.date);
    put_text(o, "resolution", a.resolution);
    o["text"] = a.text;
    out["approval"] = std::move(o);
  }
}

}  // namespace

bool target_series::all_blank() const {
  for (const auto& entry : years) {
    if (!entry.second.text.empty()) return false;
  }
  return true;
}

json::object to_json(const plan_node& plan) {
  json::object out;
  out["province"] = json::object{{"code", plan.province_code}, {"name_th", plan.province_name_th}};
  if (plan.first_year && plan.last_year) {
    out["span"] = json::object{{"first_year", *plan.first_year}, {"last_year", *plan.last_year}};
  }
  if (plan.fiscal_year) out["fiscal_year"] = *plan.fiscal_year;
  out["title"] = plan.title;
  narrative_head_json(out, plan.narrative);
  json::array strategies;
  for (const auto& s : plan.strategies) {
    json::array goals;
    for (const auto& g : s.goals) {
      json::array indicators;
      for (const auto& i : g.indicators) {
        json::array tactics;
        for (const auto& t : i.tactics) {
          json::array projects;
          for (const auto& p : t.projects) projects.push_back(project_json(p));
          tactics.push_back(json::object{{"id", t.id}, {"title", t.title}, {"projects", std::move(projects)}});
        }
        indicators.push_back(json::object{{"id", i.id},
                                          {"text", i.text},
                                          {"unit", i.unit},
                                          {"targets", targets_json(i.targets)},
                                          {"strategies", std::move(tactics)}});
      }
      goals.push_back(json::object{{"id", g.id}, {"text", g.text}, {"indicators", std::move(indicators)}});
    }
    strategies.push_back(json::object{{"number", s.number}, {"title", s.title}, {"goals", std::move(goals)}});
  }
  out["strategies"] = std::move(strategies);
  narrative_tail_json(out, plan.narrative);
  return out;
}

plan_node empty_plan(const plugin::plan_context& ctx) {
  plan_node plan;
  plan.province_code = ctx.province_code;
  plan.title = "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม";
  if (const auto* province = ctx.province()) {
    plan.province_name_th = province->name_th;
    // Bangkok is no changwat: its plans name it without "จังหวัด".
    plan.title += (province->code == "TH-10" ? " " : " จังหวัด") + province->name_th;
  }
  // A fiscal year outside the current plan span starts a new five-year span.
  int first = k_plan_first_year;
  if (ctx.fiscal_year != 0 && (ctx.fiscal_year < k_plan_first_year || ctx.fiscal_year > k_plan_last_year)) {
    first = ctx.fiscal_year;
  }
  plan.first_year = first;
  plan.last_year = first + (k_plan_last_year - k_plan_first_year);
  if (ctx.fiscal_year != 0) plan.fiscal_year = ctx.fiscal_year;
  for (const auto& m : master_strategies()) plan.strategies.push_back({m.number, std::string(m.title_th), {}});
  return plan;
}

target_series empty_series(const std::vector<int>& years) {
  target_series series;
  for (int year : years) series.years.emplace_back(year, target_value{});
  return series;
}

std::string goal_id(int strategy_number, std::size_t goal) {
  return "s" + std::to_string(strategy_number) + ".g" + std::to_string(goal + 1);
}

std::string child_id(std::string_view parent_id, char kind, std::size_t index) {
  return std::string(parent_id) + '.' + kind + std::to_string(index + 1);
}

std::string strategy_pointer(std::size_t s) { return pointer_append("/strategies", s); }
std::string goal_pointer(std::size_t s, std::size_t g) { return pointer_append(strategy_pointer(s) + "/goals", g); }
std::string indicator_pointer(std::size_t s, std::size_t g, std::size_t i) {
  return pointer_append(goal_pointer(s, g) + "/indicators", i);
}
std::string tactic_pointer(std::size_t s, std::size_t g, std::size_t i, std::size_t t) {
  return pointer_append(indicator_pointer(s, g, i) + "/strategies", t);
}
std::string project_pointer(std::size_t s, std::size_t g, std::size_t i, std::size_t t, std::size_t p) {
  return pointer_append(tactic_pointer(s, g, i, t) + "/projects", p);
}

const json::object* object_at(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it == o.end() ? nullptr : it->value().if_object();
}

const json::array* array_at(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it == o.end() ? nullptr : it->value().if_array();
}

std::string_view string_at(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return {};
  const auto* s = it->value().if_string();
  return s ? std::string_view(*s) : std::string_view{};
}

std::optional<std::int64_t> integer_at(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it == o.end() ? std::nullopt : integer_of(it->value());
}

std::optional<double> number_of(const json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  if (v.is_double() && std::isfinite(v.get_double())) return v.get_double();
  return std::nullopt;
}

std::optional<std::int64_t> budget_satang(const json::object& project) {
  const auto* budget = object_at(project, "budget");
  if (!budget || string_at(*budget, "kind") != "amount") return std::nullopt;
  auto it = budget->find("baht");
  if (it == budget->end()) return std::nullopt;
  auto baht = number_of(it->value());
  if (!baht || *baht < 0 || *baht > k_max_budget_baht) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(*baht * 100.0));
}

std::optional<double> target_of(const json::object* targets, int year) {
  if (!targets) return std::nullopt;
  const auto* cell = object_at(*targets, std::to_string(year));
  if (!cell) return std::nullopt;
  auto it = cell->find("value");
  return it == cell->end() ? std::nullopt : number_of(it->value());
}

std::string comparator_of(const json::object* targets, int year) {
  const auto* cell = targets ? object_at(*targets, std::to_string(year)) : nullptr;
  const auto* comparator = cell ? cell->if_contains("comparator") : nullptr;
  if (comparator && comparator->is_string()) {
    std::string_view c = comparator->as_string();
    if (c == "at_most" || c == "exactly") return std::string(c);
  }
  return "at_least";
}

namespace {

// Calls on_indicator and on_project on every indicator and project object
// of stored content, whatever else is malformed around them.
template <class OnIndicator, class OnProject>
void for_each_node(json::value& content, OnIndicator&& on_indicator, OnProject&& on_project) {
  auto list_of = [](json::value& v, std::string_view key) -> json::array* {
    auto* member = v.is_object() ? v.as_object().if_contains(key) : nullptr;
    return member ? member->if_array() : nullptr;
  };
  auto* strategies = list_of(content, "strategies");
  if (!strategies) return;
  for (auto& s : *strategies) {
    auto* goals = list_of(s, "goals");
    for (std::size_t g = 0; goals && g < goals->size(); ++g) {
      auto* indicators = list_of((*goals)[g], "indicators");
      for (std::size_t i = 0; indicators && i < indicators->size(); ++i) {
        if ((*indicators)[i].is_object()) on_indicator((*indicators)[i].as_object());
        auto* tactics = list_of((*indicators)[i], "strategies");
        for (std::size_t t = 0; tactics && t < tactics->size(); ++t) {
          auto* projects = list_of((*tactics)[t], "projects");
          for (std::size_t p = 0; projects && p < projects->size(); ++p) {
            if ((*projects)[p].is_object()) on_project((*projects)[p].as_object());
          }
        }
      }
    }
  }
}

// Calls `fn` on every targets object, the indicators' and the projects'.
template <class Fn>
void for_each_targets(json::value& content, Fn&& fn) {
  auto visit = [&](json::object& owner) {
    auto* targets = owner.if_contains("targets");
    if (targets && targets->is_object()) fn(targets->as_object());
  };
  for_each_node(content, visit, visit);
}

// Calls `fn` on every agency list (main and supporting) of every project.
template <class Fn>
void for_each_agency_list(json::value& content, Fn&& fn) {
  for_each_node(
      content, [](json::object&) {},
      [&](json::object& project) {
        for (auto key : {"main_agencies", "supporting_agencies"}) {
          auto* list = project.if_contains(key);
          if (list && list->is_array()) fn(list->as_array());
        }
      });
}

}  // namespace

json::value upgrade_content(json::value content) {
  for_each_agency_list(content, [](json::array& list) {
    if (std::ranges::any_of(list, [](const json::value& v) { return v.is_string(); })) {
      list = plugin::upgrade_agency_list(list);
    }
  });
  // Targets stored before they had a comparator were all read as "at
  // least"; a cell whose text says ไม่เกิน is a ceiling, and says so now.
  // The others keep reading as they did.
  for_each_targets(content, [](json::object& targets) {
    for (auto& year : targets) {
      auto* cell = year.value().if_object();
      if (!cell || cell->contains("comparator")) continue;
      const auto* text = cell->if_contains("text");
      if (text && text->is_string() && comparator_in(text->as_string()) == "at_most") (*cell)["comparator"] = "at_most";
    }
  });
  return content;
}

void link_agencies(json::value& content, const plugin::plan_context& ctx) {
  for_each_agency_list(content, [&](json::array& list) { plugin::link_agency_refs(list, ctx); });
}

}  // namespace planflow::plugins::ethics
