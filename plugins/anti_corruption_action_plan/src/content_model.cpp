#include "content_model.hpp"

#include "text_scan.hpp"

#include <planflow/text/thai.hpp>

#include <boost/json/array.hpp>
#include <boost/json/string.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace planflow::plugins::anti_corruption {

namespace json = boost::json;

namespace {

using planflow::integer_of;

std::optional<double> number_of(const json::value& value) {
  if (value.is_int64()) return double(value.get_int64());
  if (value.is_uint64()) return double(value.get_uint64());
  if (value.is_double()) return value.get_double();
  return std::nullopt;
}

// Baht to satang, exactly, when the value is a non-negative amount of at most
// k_max_baht with at most two decimals.
std::optional<std::int64_t> satang_of(const json::value& value) {
  if (auto whole = integer_of(value)) {
    if (*whole < 0 || *whole > k_max_baht) return std::nullopt;
    return *whole * 100;
  }
  auto d = number_of(value);
  if (!d || !std::isfinite(*d) || *d < 0 || *d > double(k_max_baht)) return std::nullopt;
  double scaled = *d * 100.0;
  double rounded = std::round(scaled);
  if (std::fabs(scaled - rounded) > 1e-6) return std::nullopt;
  return std::int64_t(rounded);
}

bool is_number_path(std::string_view s) {
  if (s.empty() || s.size() > 32) return false;
  bool need_digit = true;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      need_digit = false;
    } else if (c == '.' && !need_digit) {
      need_digit = true;
    } else {
      return false;
    }
  }
  return !need_digit;
}

bool is_digits(std::string_view s) {
  return s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct kind_words {
  std::string_view th;
  std::string_view en;
};

constexpr kind_words k_object{"ออบเจกต์ JSON", "a JSON object"};
constexpr kind_words k_array{"อาร์เรย์", "an array"};
constexpr kind_words k_string{"ข้อความ", "a string"};
constexpr kind_words k_integer{"จำนวนเต็ม", "an integer"};
constexpr kind_words k_boolean{"true หรือ false", "true or false"};
constexpr kind_words k_number_or_null{"ตัวเลขหรือ null", "a number or null"};
constexpr kind_words k_string_or_null{"ข้อความหรือ null", "a string or null"};
constexpr kind_words k_object_or_null{"ออบเจกต์หรือ null", "an object or null"};

void upgrade_agencies(json::object& activity);
void upgrade_target(json::object& owner, std::string_view unit_key);

class reader {
 public:
  explicit reader(finding_list* issues) : issues_(issues) {}

  plan read(const json::value& content);

 private:
  void invalid_type(const std::string& path, kind_words expected) {
    if (issues_) {
      issues_->error(path, "invalid_type", fmt::format("ต้องเป็น{}", expected.th),
                     fmt::format("must be {}", expected.en));
    }
  }
  void invalid_value(const std::string& path, std::string th, std::string en) {
    if (issues_) issues_->error(path, "invalid_value", std::move(th), std::move(en));
  }
  void missing(const std::string& parent, std::string_view key) {
    if (issues_) {
      issues_->error(pointer_append(parent, key), "missing_field", fmt::format("ไม่มีช่อง \"{}\"", key),
                     fmt::format("the field \"{}\" is missing", key));
    }
  }
  void unknown_fields(const json::object& object, const std::string& path,
                      std::initializer_list<std::string_view> known) {
    if (!issues_) return;
    for (const auto& member : object) {
      std::string_view key = member.key();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      issues_->warning(pointer_append(path, key), "unknown_field", "ช่องนี้ไม่อยู่ในรูปแบบข้อมูลของแผน",
                       "is not a field of the plan content model");
    }
  }

  const json::value* member(const json::object& object, const std::string& path, std::string_view key, bool required) {
    const auto* value = object.if_contains(key);
    if (!value && required) missing(path, key);
    return value;
  }

  std::string read_string(const json::object& object, const std::string& path, std::string_view key, bool required) {
    const auto* value = member(object, path, key, required);
    if (!value) return {};
    if (const auto* s = value->if_string()) return std::string(*s);
    invalid_type(pointer_append(path, key), k_string);
    return {};
  }

  // An optional string that may also be null ("served_by").
  std::string read_string_or_null(const json::object& object, const std::string& path, std::string_view key) {
    const auto* value = member(object, path, key, false);
    if (!value || value->is_null()) return {};
    if (const auto* s = value->if_string()) return std::string(*s);
    invalid_type(pointer_append(path, key), k_string_or_null);
    return {};
  }

  std::optional<double> read_number_or_null(const json::object& object, const std::string& path, std::string_view key) {
    const auto* value = member(object, path, key, false);
    if (!value || value->is_null()) return std::nullopt;
    auto number = number_of(*value);
    if (!number) {
      invalid_type(pointer_append(path, key), k_number_or_null);
      return std::nullopt;
    }
    if (!std::isfinite(*number)) {
      invalid_value(pointer_append(path, key), "ต้องเป็นตัวเลขจำกัด", "must be a finite number");
      return std::nullopt;
    }
    return number;
  }

  const json::array* read_array(const json::object& object, const std::string& path, std::string_view key) {
    const auto* value = member(object, path, key, true);
    if (!value) return nullptr;
    const auto* array = value->if_array();
    if (!array) invalid_type(pointer_append(path, key), k_array);
    return array;
  }

  // A list of agency references (planflow/plugin/agency_refs.hpp); an entry
  // of the wrong shape is reported and left out.
  std::vector<plugin::agency_ref> read_agencies(const json::object& object, const std::string& path,
                                                std::string_view key, bool required) {
    const auto* value = member(object, path, key, required);
    if (!value) return {};
    const auto* array = value->if_array();
    const std::string here = pointer_append(path, key);
    if (!array) {
      invalid_type(here, k_array);
      return {};
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto* entry = (*array)[i].if_object();
      const std::string at = pointer_append(here, i);
      if (!entry) {
        invalid_type(at, k_object);
        continue;
      }
      unknown_fields(*entry, at, {"name", "agency_id", "sub_unit", "collective"});
      read_string(*entry, at, "name", true);
      read_string(*entry, at, "sub_unit", false);
      if (const auto* id = entry->if_contains("agency_id"); id && !(integer_of(*id) && *integer_of(*id) > 0)) {
        invalid_value(pointer_append(at, "agency_id"), "ต้องเป็นรหัสหน่วยงาน (จำนวนเต็มบวก)",
                      "must be an agency id (a positive integer)");
      }
      if (const auto* c = entry->if_contains("collective"); c && !c->is_bool()) {
        invalid_type(pointer_append(at, "collective"), k_boolean);
      }
    }
    return plugin::read_agency_refs(value);
  }

  std::string read_id(const json::object& object, const std::string& path) {
    auto id = read_string(object, path, "id", true);
    if (object.if_contains("id") && object.at("id").is_string() && !is_valid_id(id)) {
      invalid_value(pointer_append(path, "id"), "รหัสต้องยาว ๑–๖๔ ตัวอักษร ประกอบด้วย A–Z a–z 0–9 _ . : -",
                    "an id must be 1–64 characters of A–Z a–z 0–9 _ . : - starting with a letter or digit");
    }
    return id;
  }

  // An item number such as "9" (Thai digits accepted and stored as ASCII).
  std::string read_item_number(const json::object& object, const std::string& path) {
    auto number = text::thai_digits_to_arabic(read_string(object, path, "number", false));
    if (!is_digits(number)) {
      invalid_value(pointer_append(path, "number"), "ต้องเป็นตัวเลข หรือว่าง", "must be digits (at most nine) or empty");
      return {};
    }
    return number;
  }

  std::optional<stated_totals> read_stated(const json::object& object, const std::string& path, bool plan_level);
  goal read_goal(const json::value& value, const std::string& path);
  indicator read_indicator(const json::value& value, const std::string& path);
  key_work_item read_work_item(const json::value& value, const std::string& path, std::vector<project>* migrated);
  project read_project(const json::value& value, const std::string& path);
  activity read_activity(const json::value& value, const std::string& path);
  budget_info read_budget(const json::object& object, const std::string& path);
  period_info read_period(const json::object& object, const std::string& path);
  measurable_target read_target(const json::object& object, const std::string& path);
  narrative_info read_narrative(const json::object& root);
  void read_committee(const json::object& committee, narrative_info& out);
  linked_plan read_linked_plan(const json::value& value, const std::string& path);
  std::optional<approval_info> read_approval(const json::object& approval);

  // An optional list of strings; an entry of another type is reported and left out.
  std::vector<std::string> read_strings(const json::object& object, const std::string& path, std::string_view key) {
    std::vector<std::string> out;
    const auto* value = member(object, path, key, false);
    if (!value) return out;
    const auto* list = value->if_array();
    if (!list) invalid_type(pointer_append(path, key), k_array);
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      if (const auto* s = (*list)[i].if_string())
        out.emplace_back(*s);
      else
        invalid_type(pointer_append(pointer_append(path, key), i), k_string);
    }
    return out;
  }

  // An optional member that must be an object when present.
  const json::object* read_object(const json::object& object, const std::string& path, std::string_view key) {
    const auto* value = member(object, path, key, false);
    if (!value) return nullptr;
    if (const auto* o = value->if_object()) return o;
    invalid_type(pointer_append(path, key), k_object);
    return nullptr;
  }

  // A Buddhist-era year or null.
  std::optional<int> read_be_year(const json::object& object, const std::string& path, std::string_view key) {
    const auto* value = member(object, path, key, false);
    if (!value || value->is_null()) return std::nullopt;
    auto year = integer_of(*value);
    if (year && *year >= 2400 && *year <= 2799) return static_cast<int>(*year);
    invalid_value(pointer_append(path, key), "ต้องเป็นปีพุทธศักราช เช่น 2566 หรือ null",
                  "must be a Buddhist-era year such as 2566, or null");
    return std::nullopt;
  }

  finding_list* issues_;
};

plan reader::read(const json::value& content) {
  plan out;
  const auto* root = content.if_object();
  if (!root) {
    invalid_type("", k_object);
    return out;
  }
  unknown_fields(*root, "", {"province", "fiscal_year", "title", "narrative", "goals", "stated_totals"});

  if (const auto* province = member(*root, "", "province", true)) {
    if (const auto* object = province->if_object()) {
      unknown_fields(*object, "/province", {"code", "name_th"});
      out.province.code = read_string(*object, "/province", "code", true);
      out.province.name_th = read_string(*object, "/province", "name_th", true);
    } else {
      invalid_type("/province", k_object);
    }
  }

  if (const auto* year = member(*root, "", "fiscal_year", true)) {
    auto value = integer_of(*year);
    if (!value) {
      invalid_type("/fiscal_year", k_integer);
    } else if (*value != 0 && (*value < 2400 || *value > 2799)) {
      invalid_value("/fiscal_year", "ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง ๒๔๐๐ ถึง ๒๗๙๙",
                    "the fiscal year must be a Buddhist-era year between 2400 and 2799");
    } else {
      out.fiscal_year = int(*value);
    }
  }

  out.title = read_string(*root, "", "title", true);
  out.narrative = read_narrative(*root);
  if (const auto* goals = read_array(*root, "", "goals")) {
    out.goals.reserve(goals->size());
    for (std::size_t i = 0; i < goals->size(); ++i)
      out.goals.push_back(read_goal((*goals)[i], pointer_append("/goals", i)));
  }
  out.stated = read_stated(*root, "", true);
  return out;
}

std::optional<stated_totals> reader::read_stated(const json::object& object, const std::string& path, bool plan_level) {
  const auto* value = member(object, path, "stated_totals", false);
  if (!value || value->is_null()) return std::nullopt;
  std::string here = pointer_append(path, "stated_totals");
  const auto* totals = value->if_object();
  if (!totals) {
    invalid_type(here, k_object_or_null);
    return std::nullopt;
  }
  if (plan_level)
    unknown_fields(*totals, here, {"goals", "projects", "activities", "budget_baht"});
  else
    unknown_fields(*totals, here, {"projects", "activities", "budget_baht"});

  stated_totals out;
  out.path = here;
  auto count = [&](std::string_view key) -> std::optional<std::int64_t> {
    const auto* v = totals->if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    auto n = integer_of(*v);
    if (!n) {
      invalid_type(pointer_append(here, key), k_integer);
      return std::nullopt;
    }
    if (*n < 0 || *n > 1'000'000) {
      invalid_value(pointer_append(here, key), "ต้องอยู่ระหว่าง ๐ ถึง ๑,๐๐๐,๐๐๐", "must be between 0 and 1,000,000");
      return std::nullopt;
    }
    return n;
  };
  if (plan_level) out.goals = count("goals");
  out.projects = count("projects");
  out.activities = count("activities");
  if (const auto* baht = totals->if_contains("budget_baht"); baht && !baht->is_null()) {
    if (!number_of(*baht)) {
      invalid_type(pointer_append(here, "budget_baht"), k_number_or_null);
    } else if (auto satang = satang_of(*baht)) {
      out.budget_satang = satang;
    } else {
      invalid_value(pointer_append(here, "budget_baht"),
                    "ต้องเป็นจำนวนเงินบาท ไม่ติดลบ ทศนิยมไม่เกินสองตำแหน่ง ไม่เกินหนึ่งล้านล้านบาท",
                    "must be a non-negative amount of baht with at most two decimals, at most one trillion");
    }
  }
  return out;
}

goal reader::read_goal(const json::value& value, const std::string& path) {
  goal out;
  out.path = path;
  const auto* object = value.if_object();
  if (!object) {
    invalid_type(path, k_object);
    return out;
  }
  unknown_fields(*object, path, {"id", "number", "title", "indicators", "stated_totals"});
  out.id = read_id(*object, path);
  if (const auto* number = member(*object, path, "number", true)) {
    auto n = integer_of(*number);
    if (!n)
      invalid_type(pointer_append(path, "number"), k_integer);
    else if (*n < 1 || *n > 999)
      invalid_value(pointer_append(path, "number"), "ต้องอยู่ระหว่าง ๑ ถึง ๙๙๙", "must be between 1 and 999");
    else
      out.number = int(*n);
  }
  out.title = read_string(*object, path, "title", true);
  if (const auto* indicators = read_array(*object, path, "indicators")) {
    out.indicators.reserve(indicators->size());
    for (std::size_t i = 0; i < indicators->size(); ++i) {
      out.indicators.push_back(read_indicator((*indicators)[i], pointer_append(pointer_append(path, "indicators"), i)));
    }
  }
  out.stated = read_stated(*object, path, false);
  return out;
}

indicator reader::read_indicator(const json::value& value, const std::string& path) {
  indicator out;
  out.path = path;
  const auto* object = value.if_object();
  if (!object) {
    invalid_type(path, k_object);
    return out;
  }
  if (!object->contains("target") && (object->contains("target_value") || object->contains("baseline"))) {
    // The earlier shape, a single number: read as upgrade_content moves it.
    json::object upgraded = *object;
    upgrade_target(upgraded, "");
    return read_indicator(upgraded, path);
  }
  unknown_fields(*object, path,
                 {"id", "number", "text", "unit", "target_text", "target", "served_by", "key_work_items", "projects"});
  out.id = read_id(*object, path);
  out.number = text::thai_digits_to_arabic(read_string(*object, path, "number", true));
  if (object->if_contains("number") && object->at("number").is_string() && !is_number_path(out.number)) {
    invalid_value(pointer_append(path, "number"), "ต้องเป็นเลขข้อ เช่น \"1.1\" หรือ \"2.2.1\"",
                  "must be a dotted number such as \"1.1\" or \"2.2.1\"");
    out.number.clear();
  }
  out.text = read_string(*object, path, "text", true);
  out.unit = read_string(*object, path, "unit", false);
  out.target_text = read_string(*object, path, "target_text", false);
  out.target = read_target(*object, path);
  out.served_by = read_string_or_null(*object, path, "served_by");
  // Projects in the earlier shape, under a key work item, come first: a
  // document has one shape or the other, and an editor that added projects
  // to a migrated plan keeps the old ones in their document order.
  std::vector<project> migrated;
  if (const auto* items = read_array(*object, path, "key_work_items")) {
    out.key_work_items.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
      out.key_work_items.push_back(
          read_work_item((*items)[i], pointer_append(pointer_append(path, "key_work_items"), i), &migrated));
    }
  }
  out.projects = std::move(migrated);
  if (object->if_contains("projects")) {
    if (const auto* projects = read_array(*object, path, "projects")) {
      out.projects.reserve(out.projects.size() + projects->size());
      for (std::size_t i = 0; i < projects->size(); ++i) {
        out.projects.push_back(read_project((*projects)[i], pointer_append(pointer_append(path, "projects"), i)));
      }
    }
  }
  return out;
}

key_work_item reader::read_work_item(const json::value& value, const std::string& path,
                                     std::vector<project>* migrated) {
  key_work_item out;
  out.path = path;
  const auto* object = value.if_object();
  if (!object) {
    invalid_type(path, k_object);
    return out;
  }
  unknown_fields(*object, path, {"id", "number", "text", "projects"});
  out.id = read_id(*object, path);
  out.number = read_item_number(*object, path);
  out.text = read_string(*object, path, "text", true);
  // The earlier shape: the item's projects, each serving this item.
  if (object->if_contains("projects")) {
    if (const auto* projects = read_array(*object, path, "projects")) {
      for (std::size_t i = 0; i < projects->size(); ++i) {
        auto p = read_project((*projects)[i], pointer_append(pointer_append(path, "projects"), i));
        if (p.key_work_items.empty() && !out.id.empty()) p.key_work_items.push_back(out.id);
        migrated->push_back(std::move(p));
      }
    }
  }
  return out;
}

project reader::read_project(const json::value& value, const std::string& path) {
  project out;
  out.path = path;
  const auto* object = value.if_object();
  if (!object) {
    invalid_type(path, k_object);
    return out;
  }
  unknown_fields(*object, path, {"id", "number", "title", "key_work_items", "activities"});
  out.id = read_id(*object, path);
  out.number = read_item_number(*object, path);
  out.title = read_string(*object, path, "title", true);
  if (const auto* value = member(*object, path, "key_work_items", false)) {
    std::string here = pointer_append(path, "key_work_items");
    if (const auto* ids = value->if_array()) {
      for (std::size_t i = 0; i < ids->size(); ++i) {
        if (const auto* s = (*ids)[i].if_string())
          out.key_work_items.emplace_back(*s);
        else
          invalid_type(pointer_append(here, i), k_string);
      }
    } else {
      invalid_type(here, k_array);
    }
  }
  if (const auto* activities = read_array(*object, path, "activities")) {
    out.activities.reserve(activities->size());
    for (std::size_t i = 0; i < activities->size(); ++i) {
      out.activities.push_back(read_activity((*activities)[i], pointer_append(pointer_append(path, "activities"), i)));
    }
  }
  return out;
}

activity reader::read_activity(const json::value& value, const std::string& path) {
  activity out;
  out.path = path;
  const auto* object = value.if_object();
  if (!object) {
    invalid_type(path, k_object);
    return out;
  }
  if (!object->contains("target") && (object->contains("target_value") || object->contains("unit"))) {
    json::object upgraded = *object;
    upgrade_target(upgraded, "unit");
    return read_activity(upgraded, path);
  }
  unknown_fields(*object, path,
                 {"id", "number", "title", "method", "indicator_text", "target_text", "target", "budget", "period",
                  "main_agencies", "supporting_agencies", "agencies"});
  out.id = read_id(*object, path);
  out.number = read_item_number(*object, path);
  out.title = read_string(*object, path, "title", true);
  out.method = read_string(*object, path, "method", false);
  out.indicator_text = read_string(*object, path, "indicator_text", false);
  out.target_text = read_string(*object, path, "target_text", false);
  out.target = read_target(*object, path);
  out.budget = read_budget(*object, path);
  out.period = read_period(*object, path);
  if (object->contains("agencies") && !object->contains("main_agencies")) {
    // The earlier shape, a list of names: read as upgrade_content moves it.
    json::object upgraded = *object;
    upgrade_agencies(upgraded);
    out.main_agencies = read_agencies(upgraded, path, "main_agencies", true);
    out.supporting_agencies = read_agencies(upgraded, path, "supporting_agencies", false);
    return out;
  }
  if (object->contains("agencies")) unknown_fields(json::object{{"agencies", nullptr}}, path, {});
  out.main_agencies = read_agencies(*object, path, "main_agencies", true);
  out.supporting_agencies = read_agencies(*object, path, "supporting_agencies", false);
  return out;
}

measurable_target reader::read_target(const json::object& object, const std::string& path) {
  measurable_target out;
  out.path = pointer_append(path, "target");
  const auto* value = member(object, path, "target", true);
  if (!value) return out;
  const auto* target = value->if_object();
  if (!target) {
    invalid_type(out.path, k_object);
    return out;
  }
  unknown_fields(*target, out.path, {"direction", "measures", "baseline", "base_year"});
  out.direction = read_string(*target, out.path, "direction", true);
  if (target->contains("direction") && out.direction != "level" && out.direction != "increase" &&
      out.direction != "decrease") {
    if (target->at("direction").is_string()) {
      invalid_value(pointer_append(out.path, "direction"), "ต้องเป็น \"level\", \"increase\" หรือ \"decrease\"",
                    "must be \"level\", \"increase\" or \"decrease\"");
    }
    out.direction = "level";
  }
  if (out.direction.empty()) out.direction = "level";
  if (const auto* measures = read_array(*target, out.path, "measures")) {
    const std::string here = pointer_append(out.path, "measures");
    for (std::size_t i = 0; i < measures->size(); ++i) {
      measure m;
      m.path = pointer_append(here, i);
      const auto* entry = (*measures)[i].if_object();
      if (!entry) {
        invalid_type(m.path, k_object);
        continue;
      }
      unknown_fields(*entry, m.path, {"value", "unit", "comparator"});
      if (!entry->contains("value")) missing(m.path, "value");
      m.value = read_number_or_null(*entry, m.path, "value");
      m.unit = read_string(*entry, m.path, "unit", true);
      m.comparator = read_string(*entry, m.path, "comparator", true);
      if (m.comparator != "at_least" && m.comparator != "at_most" && m.comparator != "exactly") {
        if (entry->contains("comparator") && entry->at("comparator").is_string()) {
          invalid_value(pointer_append(m.path, "comparator"), "ต้องเป็น \"at_least\", \"at_most\" หรือ \"exactly\"",
                        "must be \"at_least\", \"at_most\" or \"exactly\"");
        }
        m.comparator = "at_least";
      }
      out.measures.push_back(std::move(m));
    }
  }
  out.baseline = read_number_or_null(*target, out.path, "baseline");
  if (const auto* year = target->if_contains("base_year"); year && !year->is_null()) {
    auto be = integer_of(*year);
    if (be && *be >= 2400 && *be <= 2799) {
      out.base_year = static_cast<int>(*be);
    } else {
      invalid_value(pointer_append(out.path, "base_year"), "ต้องเป็นปีพุทธศักราช เช่น 2565 หรือ null",
                    "must be a Buddhist-era year such as 2565, or null");
    }
  }
  return out;
}

narrative_info reader::read_narrative(const json::object& root) {
  narrative_info out;
  const auto* narrative = read_object(root, "", "narrative");
  if (!narrative) return out;
  const std::string path = "/narrative";
  unknown_fields(*narrative, path, {"committee", "linked_plans", "approval"});
  if (const auto* committee = read_object(*narrative, path, "committee")) read_committee(*committee, out);
  if (const auto* value = member(*narrative, path, "linked_plans", false)) {
    const std::string here = path + "/linked_plans";
    if (const auto* plans = value->if_array()) {
      for (std::size_t i = 0; i < plans->size(); ++i) {
        out.linked_plans.push_back(read_linked_plan((*plans)[i], pointer_append(here, i)));
      }
    } else {
      invalid_type(here, k_array);
    }
  }
  if (const auto* approval = narrative->if_contains("approval"); approval && !approval->is_null()) {
    if (const auto* object = read_object(*narrative, path, "approval")) out.approval = read_approval(*object);
  }
  return out;
}

void reader::read_committee(const json::object& committee, narrative_info& out) {
  const std::string path = "/narrative/committee";
  unknown_fields(committee, path, {"name", "mandate", "reporting"});
  out.committee = read_string(committee, path, "name", false);
  if (const auto* mandate = read_object(committee, path, "mandate")) {
    const std::string here = path + "/mandate";
    unknown_fields(*mandate, here, {"text", "duties"});
    out.mandate_text = read_string(*mandate, here, "text", false);
    out.mandate = read_strings(*mandate, here, "duties");
  }
  const auto* list = member(committee, path, "reporting", false);
  if (!list) return;
  if (!list->is_array()) return invalid_type(path + "/reporting", k_array);
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string here = pointer_append(path + "/reporting", i);
    const auto* duty = list->as_array()[i].if_object();
    if (!duty) {
      invalid_type(here, k_object);
      continue;
    }
    unknown_fields(*duty, here, {"text", "to", "every_months"});
    reporting_duty d;
    d.text = read_string(*duty, here, "text", false);
    d.to = read_strings(*duty, here, "to");
    if (const auto* every = duty->if_contains("every_months"); every && !every->is_null()) {
      auto months = integer_of(*every);
      if (months && (*months == 1 || *months == 3 || *months == 6 || *months == 12)) {
        d.every_months = static_cast<int>(*months);
      } else {
        invalid_value(here + "/every_months", "ต้องเป็น 1, 3, 6 หรือ 12 (เดือน) หรือ null",
                      "must be 1, 3, 6 or 12 (months), or null");
      }
    }
    out.reporting.push_back(std::move(d));
  }
}

linked_plan reader::read_linked_plan(const json::value& value, const std::string& path) {
  linked_plan out;
  const auto* plan = value.if_object();
  if (!plan) {
    invalid_type(path, k_object);
    return out;
  }
  unknown_fields(*plan, path, {"scope", "title", "first_year", "last_year"});
  out.scope = read_string(*plan, path, "scope", false);
  if (out.scope != "master_plan" && out.scope != "national_action_plan" && out.scope != "sub_plan" &&
      out.scope != "provincial_plan") {
    invalid_value(pointer_append(path, "scope"),
                  "ต้องเป็น master_plan, national_action_plan, sub_plan หรือ provincial_plan",
                  "must be master_plan, national_action_plan, sub_plan or provincial_plan");
  }
  out.title = read_string(*plan, path, "title", false);
  out.first_year = read_be_year(*plan, path, "first_year");
  out.last_year = read_be_year(*plan, path, "last_year");
  if (out.first_year && out.last_year && *out.first_year > *out.last_year) {
    invalid_value(pointer_append(path, "last_year"), "ปีสุดท้ายต้องไม่ก่อนปีแรก",
                  "the last year must not come before the first");
  }
  return out;
}

std::optional<approval_info> reader::read_approval(const json::object& approval) {
  const std::string path = "/narrative/approval";
  unknown_fields(approval, path, {"body", "meeting", "date", "resolution"});
  approval_info out;
  out.body = read_string(approval, path, "body", false);
  out.meeting = text::thai_digits_to_arabic(read_string(approval, path, "meeting", false));
  out.date = read_string(approval, path, "date", false);
  out.resolution = read_string(approval, path, "resolution", false);
  if (!out.date.empty() && !text::parse_iso_date(out.date)) {
    invalid_value(path + "/date", "ต้องเป็นวันที่ ค.ศ. แบบ ปปปป-ดด-วว เช่น 2022-12-20",
                  "must be a date YYYY-MM-DD (Common Era), such as 2022-12-20");
  }
  // All empty is the form of "not stated".
  if (out.body.empty() && out.meeting.empty() && out.date.empty() && out.resolution.empty()) return std::nullopt;
  return out;
}

budget_info reader::read_budget(const json::object& object, const std::string& path) {
  budget_info out;
  const auto* value = member(object, path, "budget", true);
  if (!value) return out;
  std::string here = pointer_append(path, "budget");
  const auto* budget = value->if_object();
  if (!budget) {
    invalid_type(here, k_object);
    return out;
  }
  unknown_fields(*budget, here, {"kind", "baht", "text", "source"});
  out.kind = read_string(*budget, here, "kind", true);
  out.text = read_string(*budget, here, "text", false);
  out.source = read_string(*budget, here, "source", false);
  if (budget->if_contains("kind") && budget->at("kind").is_string() && out.kind != k_budget_amount &&
      out.kind != k_budget_none && out.kind != k_budget_unparsed) {
    invalid_value(pointer_append(here, "kind"), "ต้องเป็น \"amount\", \"none\" หรือ \"unparsed\"",
                  "must be \"amount\", \"none\" or \"unparsed\"");
    out.kind.clear();
  }
  const auto* baht = budget->if_contains("baht");
  bool has_number = baht && !baht->is_null();
  if (has_number && !number_of(*baht)) {
    invalid_type(pointer_append(here, "baht"), k_number_or_null);
    return out;
  }
  if (out.kind == k_budget_amount) {
    if (!has_number) {
      if (!baht)
        missing(here, "baht");
      else
        invalid_value(pointer_append(here, "baht"), "งบประมาณแบบ amount ต้องระบุจำนวนเงิน",
                      "an \"amount\" budget needs baht");
      return out;
    }
    out.satang = satang_of(*baht);
    if (!out.satang) {
      invalid_value(pointer_append(here, "baht"), "ต้องเป็นจำนวนเงินบาท ไม่ติดลบ ทศนิยมไม่เกินสองตำแหน่ง ไม่เกินหนึ่งล้านล้านบาท",
                    "must be a non-negative amount of baht with at most two decimals, at most one trillion");
    }
  } else if (has_number && (out.kind == k_budget_none || out.kind == k_budget_unparsed)) {
    // A form may send 0 for "no budget"; any other amount contradicts the kind.
    auto amount = number_of(*baht);
    if (amount && *amount != 0) {
      invalid_value(pointer_append(here, "baht"), "งบประมาณแบบ none หรือ unparsed ต้องไม่ระบุจำนวนเงิน (null)",
                    "must be null when the kind is \"none\" or \"unparsed\"");
    }
  }
  return out;
}

period_info reader::read_period(const json::object& object, const std::string& path) {
  period_info out;
  const auto* value = member(object, path, "period", true);
  if (!value) return out;
  std::string here = pointer_append(path, "period");
  const auto* period = value->if_object();
  if (!period) {
    invalid_type(here, k_object);
    return out;
  }
  unknown_fields(*period, here, {"text", "first_month", "last_month"});
  out.text = read_string(*period, here, "text", true);
  auto month = [&](std::string_view key) -> std::optional<int> {
    const auto* v = period->if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    auto n = integer_of(*v);
    if (!n) {
      invalid_type(pointer_append(here, key), {"จำนวนเต็มหรือ null", "an integer or null"});
      return std::nullopt;
    }
    if (*n < 1 || *n > 12) {
      invalid_value(pointer_append(here, key), "เดือนของปีงบประมาณต้องอยู่ระหว่าง ๑ (ตุลาคม) ถึง ๑๒ (กันยายน)",
                    "a fiscal month is 1 (October) to 12 (September)");
      return std::nullopt;
    }
    return int(*n);
  };
  out.first_month = month("first_month");
  out.last_month = month("last_month");
  if (out.first_month.has_value() != out.last_month.has_value()) {
    invalid_value(here, "ต้องระบุทั้งเดือนแรกและเดือนสุดท้าย หรือไม่ระบุทั้งคู่",
                  "first_month and last_month are both set or both null");
    out.first_month.reset();
    out.last_month.reset();
  } else if (out.first_month && *out.first_month > *out.last_month) {
    invalid_value(here, "เดือนแรกอยู่หลังเดือนสุดท้ายของช่วงเวลา", "first_month comes after last_month");
    out.first_month.reset();
    out.last_month.reset();
  }
  return out;
}

json::object stated_json(const stated_totals& s) {
  json::object out;
  if (s.goals) out["goals"] = *s.goals;
  if (s.projects) out["projects"] = *s.projects;
  if (s.activities) out["activities"] = *s.activities;
  if (s.budget_satang) out["budget_baht"] = baht_json(*s.budget_satang);
  return out;
}

json::value optional_number(const std::optional<double>& value) {
  return value ? number_json(*value) : json::value(nullptr);
}

json::object activity_json(const activity& a) {
  json::object out;
  out["id"] = a.id;
  out["number"] = a.number;
  out["title"] = a.title;
  out["method"] = a.method;
  out["indicator_text"] = a.indicator_text;
  out["target_text"] = a.target_text;
  out["target"] = target_json(a.target);
  json::object budget;
  budget["kind"] = a.budget.kind;
  budget["baht"] = a.budget.satang ? baht_json(*a.budget.satang) : json::value(nullptr);
  budget["text"] = a.budget.text;
  if (!a.budget.source.empty()) budget["source"] = a.budget.source;
  out["budget"] = std::move(budget);
  json::object period;
  period["text"] = a.period.text;
  period["first_month"] = a.period.first_month ? json::value(*a.period.first_month) : json::value(nullptr);
  period["last_month"] = a.period.last_month ? json::value(*a.period.last_month) : json::value(nullptr);
  out["period"] = std::move(period);
  out["main_agencies"] = plugin::to_json(a.main_agencies);
  out["supporting_agencies"] = plugin::to_json(a.supporting_agencies);
  return out;
}

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front())) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return alnum(c) || c == '_' || c == '.' || c == ':' || c == '-'; });
}

plan read_plan(const json::value& content, finding_list* issues) { return reader(issues).read(content); }

namespace {

// One indicator: its items' projects moved to its own list, before the ones
// it already has (as read_plan orders them).
void upgrade_indicator(json::object& indicator) {
  auto* items = indicator.if_contains("key_work_items");
  if (!items || !items->is_array()) return;
  json::array moved;
  for (auto& item : items->as_array()) {
    auto* object = item.if_object();
    if (!object) continue;
    auto* projects = object->if_contains("projects");
    if (!projects || !projects->is_array()) continue;  // not the earlier shape: validation says so
    const auto* id = object->if_contains("id");
    for (auto& project : projects->as_array()) {
      if (auto* p = project.if_object(); p && !p->contains("key_work_items") && id && id->is_string()) {
        (*p)["key_work_items"] = json::array{*id};
      }
      moved.push_back(std::move(project));
    }
    object->erase("projects");
  }
  if (moved.empty()) return;
  if (auto* own = indicator.if_contains("projects"); own && own->is_array()) {
    for (auto& p : own->as_array()) moved.push_back(std::move(p));
  }
  indicator["projects"] = std::move(moved);
}

// One activity whose agencies are the earlier list of name strings: the
// names split into references, unlinked (the server's directory check then
// offers the matches), the first as main and the rest supporting, as the
// importer reads the column.
void upgrade_agencies(json::object& activity) {
  auto* names = activity.if_contains("agencies");
  if (!names || !names->is_array() || activity.contains("main_agencies")) return;
  auto refs = plugin::upgrade_agency_list(names->as_array());
  json::array main, supporting;
  for (auto& r : refs) (main.empty() ? main : supporting).push_back(std::move(r));
  activity.erase("agencies");
  activity["main_agencies"] = std::move(main);
  activity["supporting_agencies"] = std::move(supporting);
}

// A target in the earlier shape: one number (target_value) with the unit
// of the activity (`unit_key`; an indicator keeps its own unit, which is
// also its target's) and an indicator's baseline. The number becomes the
// first measure; its comparator and the direction are read from the text
// as written, as the importer would.
void upgrade_target(json::object& owner, std::string_view unit_key) {
  const bool earlier =
      owner.contains("target_value") || owner.contains("baseline") || (!unit_key.empty() && owner.contains(unit_key));
  if (owner.contains("target") || !earlier) return;
  json::value value = nullptr, baseline = nullptr, unit = "";
  if (auto* v = owner.if_contains("target_value")) value = *v;
  if (auto* b = owner.if_contains("baseline")) baseline = *b;
  if (!unit_key.empty()) {
    if (auto* u = owner.if_contains(unit_key)) unit = *u;
  } else if (auto* u = owner.if_contains("unit")) {
    unit = *u;
  }
  std::string text;
  if (auto* t = owner.if_contains("target_text"); t && t->is_string()) text = std::string(t->as_string());
  auto reading = scan::read_target(text);
  json::object target;
  target["direction"] = reading.direction;
  json::array measures;
  if (!value.is_null()) {
    std::string comparator = reading.measures.empty() ? "at_least" : reading.measures.front().comparator;
    measures.push_back(json::object{{"value", value}, {"unit", unit}, {"comparator", comparator}});
  }
  target["measures"] = std::move(measures);
  target["baseline"] = baseline;
  target["base_year"] = reading.base_year ? json::value(*reading.base_year) : json::value(nullptr);
  owner.erase("target_value");
  owner.erase("baseline");
  if (!unit_key.empty()) owner.erase(unit_key);
  owner["target"] = std::move(target);
}

void upgrade_activities(json::object& indicator) {
  auto* projects = indicator.if_contains("projects");
  if (!projects || !projects->is_array()) return;
  for (auto& project : projects->as_array()) {
    auto* activities = project.is_object() ? project.as_object().if_contains("activities") : nullptr;
    if (!activities || !activities->is_array()) continue;
    for (auto& a : activities->as_array()) {
      if (auto* object = a.if_object()) {
        upgrade_agencies(*object);
        upgrade_target(*object, "unit");
      }
    }
  }
}

}  // namespace

json::value upgrade_content(json::value content) {
  auto* goals = content.is_object() ? content.as_object().if_contains("goals") : nullptr;
  if (!goals || !goals->is_array()) return content;
  for (auto& goal : goals->as_array()) {
    auto* indicators = goal.is_object() ? goal.as_object().if_contains("indicators") : nullptr;
    if (!indicators || !indicators->is_array()) continue;
    for (auto& indicator : indicators->as_array()) {
      if (auto* object = indicator.if_object()) {
        upgrade_indicator(*object);
        upgrade_target(*object, "");
        upgrade_activities(*object);
      }
    }
  }
  return content;
}

json::value number_json(double value) {
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 9.0e15) {
    return json::value(std::int64_t(value));
  }
  return json::value(value);
}

json::object target_json(const measurable_target& t) {
  json::object out;
  out["direction"] = t.direction;
  json::array measures;
  for (const auto& m : t.measures) {
    measures.push_back(
        json::object{{"value", optional_number(m.value)}, {"unit", m.unit}, {"comparator", m.comparator}});
  }
  out["measures"] = std::move(measures);
  out["baseline"] = optional_number(t.baseline);
  out["base_year"] = t.base_year ? json::value(*t.base_year) : json::value(nullptr);
  return out;
}

std::optional<double> first_value(const measurable_target& t) {
  return t.measures.empty() ? std::nullopt : t.measures.front().value;
}

std::string goal_label(int number) { return "เป้าหมายที่ " + text::arabic_digits_to_thai(std::to_string(number)); }

std::string indicator_label(std::string_view number) { return "ตัวชี้วัดที่ " + text::arabic_digits_to_thai(number); }

json::object to_json(const plan& p) {
  json::object out;
  json::object province;
  province["code"] = p.province.code;
  province["name_th"] = p.province.name_th;
  out["province"] = std::move(province);
  out["fiscal_year"] = p.fiscal_year;
  out["title"] = p.title;
  json::array goals;
  for (const auto& g : p.goals) {
    json::object goal;
    goal["id"] = g.id;
    goal["number"] = g.number;
    goal["title"] = g.title;
    json::array indicators;
    for (const auto& ind : g.indicators) {
      json::object indicator;
      indicator["id"] = ind.id;
      indicator["number"] = ind.number;
      indicator["text"] = ind.text;
      indicator["unit"] = ind.unit;
      indicator["target_text"] = ind.target_text;
      indicator["target"] = target_json(ind.target);
      indicator["served_by"] = ind.served_by.empty() ? json::value(nullptr) : json::value(ind.served_by);
      json::array items;
      for (const auto& w : ind.key_work_items) {
        json::object item;
        item["id"] = w.id;
        item["number"] = w.number;
        item["text"] = w.text;
        items.emplace_back(std::move(item));
      }
      indicator["key_work_items"] = std::move(items);
      json::array projects;
      for (const auto& pr : ind.projects) {
        json::object project;
        project["id"] = pr.id;
        project["number"] = pr.number;
        project["title"] = pr.title;
        json::array served;
        for (const auto& id : pr.key_work_items) served.emplace_back(id);
        project["key_work_items"] = std::move(served);
        json::array activities;
        for (const auto& a : pr.activities) activities.emplace_back(activity_json(a));
        project["activities"] = std::move(activities);
        projects.emplace_back(std::move(project));
      }
      indicator["projects"] = std::move(projects);
      indicators.emplace_back(std::move(indicator));
    }
    goal["indicators"] = std::move(indicators);
    if (g.stated) goal["stated_totals"] = stated_json(*g.stated);
    goals.emplace_back(std::move(goal));
  }
  out["narrative"] = narrative_json(p.narrative);
  out["goals"] = std::move(goals);
  if (p.stated) out["stated_totals"] = stated_json(*p.stated);
  return out;
}

std::string next_id(const json::value& content, std::string_view prefix) {
  std::int64_t largest = 0;
  auto consider = [&](const json::value& node) {
    const auto* object = node.if_object();
    if (!object) return;
    const auto* id = object->if_contains("id");
    if (!id || !id->is_string()) return;
    std::string_view s = id->get_string();
    if (!s.starts_with(prefix)) return;
    auto digits = s.substr(prefix.size());
    // Twelve digits at most: std::stoll cannot overflow, and no plan has a trillion rows.
    if (digits.empty() || digits.size() > 12 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return;
    }
    largest = std::max(largest, std::int64_t(std::stoll(std::string(digits))));
  };
  auto children = [](const json::value& node, std::string_view key) -> const json::array* {
    const auto* object = node.if_object();
    if (!object) return nullptr;
    const auto* value = object->if_contains(key);
    return value ? value->if_array() : nullptr;
  };
  // The model's fixed depth, in both shapes: goals → indicators →
  // key_work_items (→ projects → activities, the earlier shape) and
  // indicators → projects → activities.
  auto walk = [&](std::initializer_list<std::string_view> levels) {
    std::vector<const json::value*> level{&content};
    for (auto key : levels) {
      std::vector<const json::value*> next;
      for (const auto* node : level) {
        if (const auto* array = children(*node, key)) {
          for (const auto& child : *array) {
            consider(child);
            next.push_back(&child);
          }
        }
      }
      level = std::move(next);
    }
  };
  walk({"goals", "indicators", "key_work_items", "projects", "activities"});
  walk({"goals", "indicators", "projects", "activities"});
  return std::string(prefix) + std::to_string(largest + 1);
}

}  // namespace planflow::plugins::anti_corruption
