#include "validation.hpp"

#include "content_model.hpp"
#include "document_scan.hpp"
#include "findings.hpp"
#include "master_plan.hpp"
#include "province_scan.hpp"
#include "targets.hpp"
#include "text_checks.hpp"
#include "text_util.hpp"

#include <planflow/plugin/agency_refs.hpp>
#include <planflow/text/thai.hpp>

#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace planflow::plugins::ethics {

namespace json = boost::json;

namespace {

constexpr int k_min_year = 2400;
constexpr int k_max_year = 2799;
constexpr int k_max_span_years = 10;
constexpr int k_plan_years = 5;

// Thai messages show Thai digits, as the plans themselves do.
std::string th(long long n) { return text::arabic_digits_to_thai(std::to_string(n)); }
std::string th(std::string_view s) { return text::arabic_digits_to_thai(s); }

std::string number_text(double value) { return fmt::format("{}", value); }

std::string year_list(const std::vector<int>& years, bool thai) {
  std::string out;
  for (int y : years) {
    if (!out.empty()) out += ", ";
    out += thai ? th(y) : std::to_string(y);
  }
  return out;
}

struct type_name {
  std::string_view th;
  std::string_view en;
};
constexpr type_name k_object{"ออบเจ็กต์ JSON", "a JSON object"};
constexpr type_name k_array{"อาร์เรย์", "an array"};
constexpr type_name k_string{"ข้อความ", "a string"};
constexpr type_name k_integer{"จำนวนเต็ม", "an integer"};
constexpr type_name k_number_or_null{"ตัวเลขหรือ null", "a number or null"};

class validator {
 public:
  explicit validator(const plugin::plan_context& ctx) : ctx_(ctx) {}

  std::vector<plugin::finding> run(const json::value& content);

 private:
  // Field readers: report what is missing or of the wrong type, return what is usable.
  const json::value* require(const json::object& parent, const std::string& parent_path, std::string_view key);
  const json::object* require_object(const json::object& parent, const std::string& parent_path, std::string_view key);
  const json::array* require_array(const json::object& parent, const std::string& parent_path, std::string_view key);
  std::optional<std::string_view> require_text(const json::object& parent, const std::string& parent_path,
                                               std::string_view key);
  std::optional<std::int64_t> require_integer(const json::object& parent, const std::string& parent_path,
                                              std::string_view key);
  const json::object* element_object(const json::value& element, const std::string& path);
  void invalid_type(const std::string& path, std::string_view key, type_name type);

  void check_frame(const json::object& root);
  void check_strategies(const json::object& root);
  void check_goal(const json::object& goal, const std::string& path);
  void check_indicator(const json::object& indicator, const std::string& path);
  void check_tactic(const json::object& tactic, const std::string& path);
  void check_project(const json::object& project, const std::string& path);
  void check_agencies(const json::object& project, const std::string& path, std::string_view key, bool required);
  void check_budget(const json::object& project, const std::string& path);
  void check_unplaced(const json::object& project, const std::string& path);
  void check_targets(const json::value& targets_value, const std::string& path, std::string_view unit);
  void check_series(const json::object& targets, const std::string& path, std::string_view unit);
  void check_id(const json::object& node, const std::string& path);
  void check_province_text(std::string_view text, const std::string& path);
  // Consistency (README: issue 14 item 5): what the text says against the plan.
  void check_free_text(std::string_view text, const std::string& path);
  void check_years_of_work(std::string_view text, const std::string& path);
  void check_template_text(std::string_view text, const std::string& path);
  void check_measure(const json::object& indicator, const std::string& path, std::string_view text,
                     std::string_view unit);
  void check_unit_against_text(const std::string& path, std::string_view text, std::string_view unit);
  void check_baseline(const json::object& owner, const std::string& path, std::string_view text);
  void check_projects_against_indicators(const json::value& content);
  // The narrative around the tables (README: issue 14 item 4); every member optional.
  const json::value* optional(const json::object& parent, std::string_view key);
  const json::object* optional_object(const json::object& parent, const std::string& parent_path, std::string_view key);
  const json::array* optional_array(const json::object& parent, const std::string& parent_path, std::string_view key);
  std::optional<std::string_view> optional_text(const json::object& parent, const std::string& parent_path,
                                                std::string_view key, bool free_text = true);
  void check_text_list(const json::object& parent, const std::string& parent_path, std::string_view key);
  void check_frequency(const json::object& owner, const std::string& path);
  void check_narrative(const json::object& root);
  void check_national_strategy(const json::object& strategy, const std::string& path);
  void check_approval(const json::object& approval, const std::string& path);

  const plugin::plan_context& ctx_;
  finding_list findings_;
  std::optional<int> first_year_;  // set only when the span is valid
  std::optional<int> last_year_;
  std::optional<int> fiscal_year_;  // the edition's, when it is a year
  std::string own_code_;            // the plan's province, for other_province
  std::string own_name_;
  std::unordered_map<std::string, std::string> ids_;  // id -> pointer of its first use
};

std::vector<plugin::finding> validator::run(const json::value& content) {
  const auto* root = content.if_object();
  if (!root) {
    findings_.error(codes::invalid_type, "", "เนื้อหาแผนต้องเป็นออบเจ็กต์ JSON", "the plan's content must be a JSON object");
    return findings_.take();
  }
  check_frame(*root);
  check_strategies(*root);
  check_projects_against_indicators(content);
  check_narrative(*root);
  return findings_.take();
}

const json::value* validator::require(const json::object& parent, const std::string& parent_path,
                                      std::string_view key) {
  auto it = parent.find(key);
  if (it != parent.end()) return &it->value();
  findings_.error(codes::missing_field, pointer_append(parent_path, key), fmt::format("ไม่มี \"{}\"", key),
                  fmt::format("\"{}\" is missing", key));
  return nullptr;
}

void validator::invalid_type(const std::string& path, std::string_view key, type_name type) {
  findings_.error(codes::invalid_type, path, fmt::format("\"{}\" ต้องเป็น{}", key, type.th),
                  fmt::format("\"{}\" must be {}", key, type.en));
}

const json::object* validator::require_object(const json::object& parent, const std::string& parent_path,
                                              std::string_view key) {
  const auto* v = require(parent, parent_path, key);
  if (!v) return nullptr;
  if (const auto* o = v->if_object()) return o;
  invalid_type(pointer_append(parent_path, key), key, k_object);
  return nullptr;
}

const json::array* validator::require_array(const json::object& parent, const std::string& parent_path,
                                            std::string_view key) {
  const auto* v = require(parent, parent_path, key);
  if (!v) return nullptr;
  if (const auto* a = v->if_array()) return a;
  invalid_type(pointer_append(parent_path, key), key, k_array);
  return nullptr;
}

std::optional<std::string_view> validator::require_text(const json::object& parent, const std::string& parent_path,
                                                        std::string_view key) {
  const auto* v = require(parent, parent_path, key);
  if (!v) return std::nullopt;
  const auto* s = v->if_string();
  if (!s) {
    invalid_type(pointer_append(parent_path, key), key, k_string);
    return std::nullopt;
  }
  if (trim_spaces(*s).empty()) {
    findings_.error(codes::missing_field, pointer_append(parent_path, key), fmt::format("\"{}\" ว่าง", key),
                    fmt::format("\"{}\" is empty", key));
    return std::nullopt;
  }
  return std::string_view(*s);
}

std::optional<std::int64_t> validator::require_integer(const json::object& parent, const std::string& parent_path,
                                                       std::string_view key) {
  const auto* v = require(parent, parent_path, key);
  if (!v) return std::nullopt;
  auto n = integer_of(*v);
  if (!n) invalid_type(pointer_append(parent_path, key), key, k_integer);
  return n;
}

const json::object* validator::element_object(const json::value& element, const std::string& path) {
  if (const auto* o = element.if_object()) return o;
  findings_.error(codes::invalid_type, path, "รายการนี้ต้องเป็นออบเจ็กต์ JSON", "must be a JSON object");
  return nullptr;
}

void validator::check_frame(const json::object& root) {
  if (const auto* province = require_object(root, "", "province")) {
    auto code = require_text(*province, "/province", "code");
    auto name = require_text(*province, "/province", "name_th");
    own_code_ = !ctx_.province_code.empty() ? ctx_.province_code : std::string(code.value_or(""));
    if (const auto* own = province_by_code(ctx_.provinces, own_code_)) {
      own_name_ = own->name_th;
    } else {
      own_name_ = std::string(name.value_or(""));
    }
    if (code && !ctx_.province_code.empty() && *code != ctx_.province_code) {
      const auto* named = province_by_code(ctx_.provinces, *code);
      findings_.error(
          codes::other_province, "/province/code",
          fmt::format("แผนนี้เป็นของจังหวัด{} แต่เนื้อหาระบุจังหวัด{}", own_name_, named ? named->name_th : std::string(*code)),
          fmt::format("the plan belongs to {} but its content names province {}", ctx_.province_code, *code));
    }
  }

  if (const auto* span = require_object(root, "", "span")) {
    auto first = require_integer(*span, "/span", "first_year");
    auto last = require_integer(*span, "/span", "last_year");
    bool ok = first && last;
    for (auto [key, year] :
         {std::pair{std::string_view("first_year"), first}, std::pair{std::string_view("last_year"), last}}) {
      if (year && (*year < k_min_year || *year > k_max_year)) {
        ok = false;
        findings_.error(codes::invalid_value, pointer_append("/span", key),
                        fmt::format("ปี {} ไม่ใช่ปีพุทธศักราชที่ใช้ได้ ({}–{})", th(*year), th(k_min_year), th(k_max_year)),
                        fmt::format("{} is not a Buddhist-era year ({}–{})", *year, k_min_year, k_max_year));
      }
    }
    if (ok && (*last < *first || *last - *first >= k_max_span_years)) {
      ok = false;
      findings_.error(
          codes::invalid_value, "/span",
          fmt::format("ช่วงปีของแผน {}–{} ไม่ถูกต้อง (ต้องเรียงจากน้อยไปมาก และไม่เกิน {} ปี)", th(*first), th(*last),
                      th(k_max_span_years)),
          fmt::format("the span {}–{} is not valid (in order, at most {} years)", *first, *last, k_max_span_years));
    }
    if (ok) {
      first_year_ = static_cast<int>(*first);
      last_year_ = static_cast<int>(*last);
      // The provincial plans are five-year plans (2566–2570 under the
      // national strategy); another length is allowed but worth a look.
      if (const auto years = *last - *first + 1; years != k_plan_years) {
        findings_.warning(
            codes::span_not_five_years, "/span",
            fmt::format("ช่วงปีของแผน {}–{} มี {} ปี แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม ของจังหวัดเป็นแผน {} ปี: "
                        "ให้ตรวจสอบปีแรกและปีสุดท้าย",
                        th(*first), th(*last), th(years), th(k_plan_years)),
            fmt::format("the span {}–{} covers {} years; the provincial ethics plans are {}-year plans: check the "
                        "first and last year",
                        *first, *last, years, k_plan_years));
      }
    }
  }

  if (auto fiscal_year = require_integer(root, "", "fiscal_year")) {
    if (*fiscal_year >= k_min_year && *fiscal_year <= k_max_year) fiscal_year_ = static_cast<int>(*fiscal_year);
    if (first_year_ && (*fiscal_year < *first_year_ || *fiscal_year > *last_year_)) {
      findings_.error(
          codes::fiscal_year_outside_span, "/fiscal_year",
          fmt::format("ปีงบประมาณ {} อยู่นอกช่วงปีของแผน ({}–{})", th(*fiscal_year), th(*first_year_), th(*last_year_)),
          fmt::format("fiscal year {} lies outside the plan's span ({}–{})", *fiscal_year, *first_year_, *last_year_));
    }
    if (ctx_.fiscal_year != 0 && *fiscal_year != ctx_.fiscal_year) {
      findings_.error(
          codes::fiscal_year_mismatch, "/fiscal_year",
          fmt::format("แผนนี้เป็นของปีงบประมาณ {} แต่เนื้อหาระบุปี {}", th(ctx_.fiscal_year), th(*fiscal_year)),
          fmt::format("the plan is for fiscal year {} but its content says {}", ctx_.fiscal_year, *fiscal_year));
    }
  }

  if (auto title = require_text(root, "", "title")) check_free_text(*title, "/title");
}

void validator::check_strategies(const json::object& root) {
  const auto* strategies = require_array(root, "", "strategies");
  if (!strategies) return;
  std::set<std::int64_t> seen;
  for (std::size_t s = 0; s < strategies->size(); ++s) {
    const std::string path = strategy_pointer(s);
    const auto* strategy = element_object((*strategies)[s], path);
    if (!strategy) continue;
    auto number = require_integer(*strategy, path, "number");
    const master_strategy* master =
        number ? find_master_strategy(static_cast<int>(std::clamp<std::int64_t>(*number, -1, 99))) : nullptr;
    if (number && !master) {
      findings_.error(codes::unknown_strategy, path + "/number",
                      fmt::format("ยุทธศาสตร์ที่ {} ไม่มีในยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ "
                                  "(มีเฉพาะยุทธศาสตร์ที่ ๑–๕)",
                                  th(*number)),
                      fmt::format("strategy {} is not one of the ethics strategy's five (1–5)", *number));
    } else if (master && !seen.insert(*number).second) {
      findings_.error(codes::unknown_strategy, path + "/number",
                      fmt::format("ยุทธศาสตร์ที่ {} ซ้ำ: แต่ละยุทธศาสตร์มีได้ครั้งเดียว", th(*number)),
                      fmt::format("strategy {} appears twice; each strategy appears once", *number));
    }
    if (auto title = require_text(*strategy, path, "title")) {
      if (master && !same_title(*title, master->title_th)) {
        findings_.warning(
            codes::strategy_title_mismatch, path + "/title",
            fmt::format("ชื่อยุทธศาสตร์ที่ {} ไม่ตรงกับยุทธศาสตร์ชาติด้านจริยธรรม: “{}” ควรเป็น “{}”", th(*number), *title,
                        master->title_th),
            fmt::format("the title of strategy {} differs from the ethics strategy's: “{}” should be “{}” "
                        "({})",
                        *number, *title, master->title_th, master->title_en));
      }
      check_province_text(*title, path + "/title");
    }
    const auto* goals = require_array(*strategy, path, "goals");
    if (!goals) continue;
    if (goals->empty() && master) {
      findings_.warning(codes::empty_strategy, path + "/goals",
                        fmt::format("ยุทธศาสตร์ที่ {} ยังไม่มีเป้าหมาย ตัวชี้วัด หรือโครงการ", th(*number)),
                        fmt::format("strategy {} has no goals, indicators or projects yet", *number));
    }
    for (std::size_t g = 0; g < goals->size(); ++g) {
      const std::string goal_path = pointer_append(path + "/goals", g);
      if (const auto* goal = element_object((*goals)[g], goal_path)) check_goal(*goal, goal_path);
    }
  }
  for (const auto& m : master_strategies()) {
    if (seen.count(m.number) != 0) continue;
    findings_.error(codes::strategy_missing, "/strategies",
                    fmt::format("ไม่มียุทธศาสตร์ที่ {} “{}”", th(m.number), m.title_th),
                    fmt::format("strategy {} (“{}”) is missing", m.number, m.title_en));
  }
}

void validator::check_goal(const json::object& goal, const std::string& path) {
  check_id(goal, path);
  if (auto text = require_text(goal, path, "text")) check_free_text(*text, path + "/text");
  const auto* indicators = require_array(goal, path, "indicators");
  if (!indicators) return;
  for (std::size_t i = 0; i < indicators->size(); ++i) {
    const std::string indicator_path = pointer_append(path + "/indicators", i);
    if (const auto* indicator = element_object((*indicators)[i], indicator_path))
      check_indicator(*indicator, indicator_path);
  }
}

void validator::check_indicator(const json::object& indicator, const std::string& path) {
  check_id(indicator, path);
  auto text = require_text(indicator, path, "text");
  if (text) check_free_text(*text, path + "/text");
  auto unit = require_text(indicator, path, "unit");
  if (const auto* targets = require(indicator, path, "targets")) check_targets(*targets, path, unit.value_or(""));
  if (text) {
    check_measure(indicator, path, *text, unit.value_or(""));
    check_baseline(indicator, path, *text);
  }
  const auto* tactics = require_array(indicator, path, "strategies");
  if (!tactics) return;
  for (std::size_t t = 0; t < tactics->size(); ++t) {
    const std::string tactic_path = pointer_append(path + "/strategies", t);
    if (const auto* tactic = element_object((*tactics)[t], tactic_path)) check_tactic(*tactic, tactic_path);
  }
}

void validator::check_tactic(const json::object& tactic, const std::string& path) {
  check_id(tactic, path);
  if (auto title = require_text(tactic, path, "title")) check_free_text(*title, path + "/title");
  const auto* projects = require_array(tactic, path, "projects");
  if (!projects) return;
  for (std::size_t p = 0; p < projects->size(); ++p) {
    const std::string project_path = pointer_append(path + "/projects", p);
    if (const auto* project = element_object((*projects)[p], project_path)) check_project(*project, project_path);
  }
}

void validator::check_project(const json::object& project, const std::string& path) {
  check_id(project, path);
  if (auto title = require_text(project, path, "title")) check_free_text(*title, path + "/title");
  if (auto it = project.find("activities"); it != project.end()) {
    if (const auto* activities = it->value().if_array()) {
      for (std::size_t a = 0; a < activities->size(); ++a) {
        const std::string activity_path = pointer_append(path + "/activities", a);
        const auto* activity = element_object((*activities)[a], activity_path);
        if (!activity) continue;
        check_id(*activity, activity_path);
        if (auto title = require_text(*activity, activity_path, "title"))
          check_free_text(*title, activity_path + "/title");
      }
    } else {
      invalid_type(path + "/activities", "activities", k_array);
    }
  }
  check_agencies(project, path, "main_agencies", true);
  check_agencies(project, path, "supporting_agencies", false);
  check_budget(project, path);
  if (auto it = project.find("budget_source"); it != project.end()) {
    if (const auto* source = it->value().if_string()) {
      check_free_text(*source, path + "/budget_source");
    } else {
      invalid_type(path + "/budget_source", "budget_source", k_string);
    }
  }
  // A project carries a unit and targets of its own only when the document
  // gives it a target row; the unit then comes with them.
  const json::value* unit_value = nullptr;
  if (auto it = project.find("unit"); it != project.end()) unit_value = &it->value();
  std::string_view unit;
  if (unit_value) {
    if (const auto* s = unit_value->if_string())
      unit = *s;
    else
      invalid_type(path + "/unit", "unit", k_string);
  }
  if (auto it = project.find("targets"); it != project.end()) {
    if (!unit_value) {
      require(project, path, "unit");
    } else if (unit_value->is_string() && trim_spaces(unit).empty()) {
      findings_.error(codes::missing_field, path + "/unit", "\"unit\" ว่าง", "\"unit\" is empty");
    }
    check_targets(it->value(), path, unit);
    check_baseline(project, path, {});
  }
  check_unplaced(project, path);
}

void validator::check_agencies(const json::object& project, const std::string& path, std::string_view key,
                               bool required) {
  const auto* list = require_array(project, path, key);
  if (!list) return;
  const std::string list_path = pointer_append(path, key);
  // The shape and the directory link, as in every plan type.
  for (auto& f : plugin::check_agency_refs(*project.if_contains(key), list_path, ctx_)) findings_.add(std::move(f));
  bool any = false;
  for (std::size_t a = 0; a < list->size(); ++a) {
    const auto* ref = (*list)[a].if_object();
    const auto* value = ref ? ref->if_contains("name") : nullptr;
    const auto* name = value ? value->if_string() : nullptr;
    if (!name || trim_spaces(*name).empty()) continue;
    const std::string agency_path = pointer_append(pointer_append(list_path, a), "name");
    any = true;
    check_province_text(*name, agency_path);
    if (is_garbled_agency_name(*name)) {
      findings_.warning(codes::garbled_agency_name, agency_path,
                        fmt::format("ชื่อหน่วยงาน “{}” ไม่ได้ระบุว่าเป็นหน่วยงานใด (ข้อความน่าจะตกหล่น): "
                                    "ให้ระบุชื่อหน่วยงานให้ครบ",
                                    std::string_view(*name)),
                        fmt::format("the agency name “{}” names no particular agency (words seem to be missing): "
                                    "give the agency's full name",
                                    std::string_view(*name)));
    }
  }
  if (required && !any) {
    findings_.error(codes::missing_agency, pointer_append(path, key), "ไม่ได้ระบุหน่วยงานหลักที่รับผิดชอบ",
                    "no main responsible agency is named");
  }
}

void validator::check_budget(const json::object& project, const std::string& path) {
  const std::string budget_path = path + "/budget";
  const auto* budget = require_object(project, path, "budget");
  if (!budget) return;
  std::string_view text;
  if (auto it = budget->find("text"); it != budget->end()) {
    if (const auto* s = it->value().if_string())
      text = *s;
    else
      invalid_type(budget_path + "/text", "text", k_string);
  }
  const auto* kind_value = require(*budget, budget_path, "kind");
  const auto* kind = kind_value ? kind_value->if_string() : nullptr;
  if (kind_value && !kind) {
    invalid_type(budget_path + "/kind", "kind", k_string);
    return;
  }
  if (!kind) return;
  const json::value* baht = nullptr;
  if (auto it = budget->find("baht"); it != budget->end()) baht = &it->value();
  if (*kind == "amount") {
    if (!baht) {
      require(*budget, budget_path, "baht");
      return;
    }
    auto amount = number_of(*baht);
    if (!amount) {
      invalid_type(budget_path + "/baht", "baht", type_name{"ตัวเลข", "a number"});
    } else if (*amount < 0 || *amount > k_max_budget_baht) {
      findings_.error(codes::invalid_value, budget_path + "/baht",
                      fmt::format("งบประมาณ {} บาท ไม่อยู่ในช่วงที่เป็นไปได้", th(number_text(*amount))),
                      fmt::format("a budget of {} baht is out of range", number_text(*amount)));
    }
  } else if (*kind == "none") {
    if (baht && !baht->is_null()) {
      findings_.error(codes::invalid_value, budget_path + "/baht", "ระบุว่าไม่ใช้งบประมาณ แต่มีจำนวนเงิน",
                      "the budget says \"none\" but gives an amount");
    }
  } else if (*kind == "unparsed") {
    if (trim_spaces(text).empty()) {
      findings_.error(codes::unparseable_budget, budget_path,
                      "ไม่ได้ระบุงบประมาณ (ช่องว่าง): ให้ระบุจำนวนเงิน หรือ “-” ถ้าไม่ใช้งบประมาณ",
                      "no budget is stated (the cell is empty): give an amount, or “-” when none is used");
    } else {
      findings_.error(codes::unparseable_budget, budget_path,
                      fmt::format("อ่านงบประมาณไม่ได้: “{}” ให้ระบุเป็นจำนวนบาท หรือ “-” ถ้าไม่ใช้งบประมาณ", text),
                      fmt::format("the budget “{}” cannot be read as an amount of baht or as “none”", text));
    }
  } else {
    findings_.error(codes::invalid_value, budget_path + "/kind",
                    fmt::format("ประเภทงบประมาณ “{}” ไม่รู้จัก (amount, none หรือ unparsed)", std::string_view(*kind)),
                    fmt::format("unknown budget kind “{}” (amount, none or unparsed)", std::string_view(*kind)));
  }
}

void validator::check_unplaced(const json::object& project, const std::string& path) {
  auto it = project.find("unplaced");
  if (it == project.end()) return;
  const auto* list = it->value().if_array();
  if (!list) {
    invalid_type(path + "/unplaced", "unplaced", k_array);
    return;
  }
  std::string budget_text;
  if (const auto* budget = object_at(project, "budget")) budget_text = string_at(*budget, "text");
  for (std::size_t k = 0; k < list->size(); ++k) {
    const std::string entry_path = pointer_append(path + "/unplaced", k);
    const auto* entry = element_object((*list)[k], entry_path);
    if (!entry) continue;
    auto column = require_text(*entry, entry_path, "column");
    std::string_view cell = string_at(*entry, "text");
    auto line = integer_at(*entry, "line").value_or(0);
    std::string where_th = line > 0 ? fmt::format(" (บรรทัด {})", th(line)) : std::string();
    std::string where_en = line > 0 ? fmt::format(" (line {})", line) : std::string();
    if (column == "budget") {
      // Money must be unambiguous before approval: a number in the budget
      // column may be a budget the main row left out or a stray target.
      findings_.error(codes::misplaced_value, entry_path,
                      fmt::format("พบ “{}” ในช่องงบประมาณของแถวต่อเนื่อง{} ขณะที่งบประมาณของโครงการคือ “{}”: "
                                  "น่าจะเป็นค่าเป้าหมายที่พิมพ์ผิดช่อง จึงไม่นับเป็นงบประมาณ ให้ตรวจสอบแล้วลบรายการนี้",
                                  cell, where_th, budget_text),
                      fmt::format("“{}” stands in the budget column of a continuation row{} while the project's budget "
                                  "is “{}”: most likely a target typed into the wrong column, so it is not counted as "
                                  "budget; check the budget and remove this entry",
                                  cell, where_en, budget_text));
    } else if (column == "targets") {
      findings_.warning(codes::misplaced_value, entry_path,
                        fmt::format("แถวต่อเนื่อง{} มีค่าเป้าหมายอีกชุด “{}” ซึ่งไม่ได้ระบุว่าเป็นของตัวชี้วัดหรือโครงการใด "
                                    "จึงไม่ได้นำมาใช้",
                                    where_th, cell),
                        fmt::format("a continuation row{} holds another set of targets “{}” that belongs to no "
                                    "indicator or project the plan names; not used",
                                    where_en, cell));
    } else if (column) {
      findings_.warning(
          codes::misplaced_value, entry_path,
          fmt::format("พบ “{}” ในคอลัมน์ {} ของแถวต่อเนื่อง{} ซึ่งไม่ตรงกับข้อมูลของโครงการ จึงไม่ได้นำมาใช้", cell, *column,
                      where_th),
          fmt::format("“{}” in the {} column of a continuation row{} conflicts with the project; not used", cell,
                      *column, where_en));
    }
  }
}

void validator::check_targets(const json::value& targets_value, const std::string& path, std::string_view unit) {
  const std::string targets_path = path + "/targets";
  const auto* targets = targets_value.if_object();
  if (!targets) {
    invalid_type(targets_path, "targets", k_object);
    return;
  }
  std::vector<int> extra;
  std::vector<std::string> odd_keys;
  for (const auto& member : *targets) {
    const std::string cell_path = pointer_append(targets_path, member.key());
    const auto* cell = member.value().if_object();
    if (!cell) {
      findings_.error(codes::invalid_type, cell_path, "ค่าเป้าหมายแต่ละปีต้องเป็นออบเจ็กต์ {\"value\", \"text\"}",
                      "each year's target must be an object {\"value\", \"text\"}");
    } else {
      if (const auto* value = require(*cell, cell_path, "value"); value && !value->is_null() && !number_of(*value)) {
        invalid_type(cell_path + "/value", "value", k_number_or_null);
      }
      if (auto it = cell->find("text"); it != cell->end() && !it->value().is_string()) {
        invalid_type(cell_path + "/text", "text", k_string);
      }
      if (auto it = cell->find("comparator"); it != cell->end()) {
        const auto* c = it->value().if_string();
        if (!c || (*c != "at_least" && *c != "at_most" && *c != "exactly")) {
          findings_.error(codes::invalid_value, cell_path + "/comparator",
                          "ต้องเป็น \"at_least\" (ไม่น้อยกว่า), \"at_most\" (ไม่เกิน) หรือ \"exactly\" (เท่ากับ)",
                          "must be \"at_least\", \"at_most\" or \"exactly\"");
        }
      }
    }
    if (!first_year_) continue;
    auto year = cell_year(member.key());
    bool four_ascii_digits = member.key().size() == 4 && std::all_of(member.key().begin(), member.key().end(),
                                                                     [](char c) { return c >= '0' && c <= '9'; });
    if (!year || !four_ascii_digits)
      odd_keys.emplace_back(member.key());
    else if (*year < *first_year_ || *year > *last_year_)
      extra.push_back(*year);
  }
  if (!first_year_) return;
  std::vector<int> missing;
  for (int y = *first_year_; y <= *last_year_; ++y) {
    if (!targets->contains(std::to_string(y))) missing.push_back(y);
  }
  if (!missing.empty() || !extra.empty() || !odd_keys.empty()) {
    std::string th_parts, en_parts;
    if (!missing.empty()) {
      th_parts += " ขาดปี " + year_list(missing, true);
      en_parts += " missing " + year_list(missing, false) + ";";
    }
    if (!extra.empty()) {
      th_parts += " มีปีนอกช่วงแผน " + year_list(extra, true);
      en_parts += " outside the span " + year_list(extra, false) + ";";
    }
    for (const auto& key : odd_keys) {
      th_parts += fmt::format(" “{}” ไม่ใช่ปี", key);
      en_parts += fmt::format(" “{}” is not a year;", key);
    }
    if (!en_parts.empty()) en_parts.pop_back();
    findings_.error(
        codes::target_years_mismatch, targets_path,
        fmt::format("ค่าเป้าหมายต้องมีปีละหนึ่งค่าตามช่วงปีของแผน ({}–{}):{}", th(*first_year_), th(*last_year_), th_parts),
        fmt::format("targets need one value per year of the span ({}–{}):{}", *first_year_, *last_year_, en_parts));
  }
  check_series(*targets, targets_path, unit);
}

void validator::check_series(const json::object& targets, const std::string& path, std::string_view unit) {
  std::vector<int> null_years;
  std::vector<std::string> null_texts;
  std::vector<int> years;
  std::vector<double> values;
  for (int y = *first_year_; y <= *last_year_; ++y) {
    const auto* cell = object_at(targets, std::to_string(y));
    if (!cell) continue;
    auto it = cell->find("value");
    if (it == cell->end()) continue;
    if (it->value().is_null()) {
      null_years.push_back(y);
      null_texts.emplace_back(string_at(*cell, "text"));
      continue;
    }
    auto value = number_of(it->value());
    if (!value) continue;
    years.push_back(y);
    values.push_back(*value);
  }
  if (!null_years.empty()) {
    std::string th_detail, en_detail;
    for (std::size_t k = 0; k < null_years.size(); ++k) {
      th_detail += (k ? ", " : "") + th(null_years[k]);
      en_detail += (k ? ", " : "") + std::to_string(null_years[k]);
      if (!null_texts[k].empty()) {
        th_detail += fmt::format(" (“{}”)", null_texts[k]);
        en_detail += fmt::format(" (“{}”)", null_texts[k]);
      }
    }
    findings_.error(codes::missing_target, path, fmt::format("ไม่มีค่าเป้าหมายที่เป็นตัวเลขของปี {}", th_detail),
                    fmt::format("no numeric target for {}", en_detail));
  }
  std::set<std::size_t> flagged;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const std::string value_path = pointer_append(path, std::to_string(years[k])) + "/value";
    const std::string shown = number_text(values[k]);
    if (values[k] < 0) {
      findings_.error(codes::invalid_value, value_path, fmt::format("ค่าเป้าหมายติดลบ ({})", th(shown)),
                      fmt::format("a negative target ({})", shown));
      flagged.insert(k);
    } else if (is_percentage_unit(unit) && values[k] > 100) {
      findings_.error(codes::percentage_over_100, value_path,
                      fmt::format("ค่าเป้าหมายปี {} เป็นร้อยละ {} ซึ่งเกิน ๑๐๐", th(years[k]), th(shown)),
                      fmt::format("the {} target is {} per cent, above 100", years[k], shown));
      flagged.insert(k);
    } else if (looks_like_year(values[k], *first_year_, *last_year_)) {
      findings_.warning(
          codes::suspicious_target, value_path,
          fmt::format("ค่าเป้าหมายปี {} คือ {} ซึ่งดูเหมือนปี พ.ศ. ที่คัดลอกมาจากหัวตาราง", th(years[k]), th(shown)),
          fmt::format("the {} target {} looks like a year copied from the table header", years[k], shown));
      flagged.insert(k);
    }
  }
  for (auto k : drops_in_rising_series(values)) {
    if (!flagged.insert(k).second) continue;
    findings_.warning(codes::suspicious_target, pointer_append(path, std::to_string(years[k])) + "/value",
                      fmt::format("ค่าเป้าหมายปี {} ({}) ลดลงจากปีก่อน ({}) ในชุดที่เพิ่มขึ้นทุกปี: อาจพิมพ์ผิด", th(years[k]),
                                  th(number_text(values[k])), th(number_text(values[k - 1]))),
                      fmt::format("the {} target ({}) falls below the year before ({}) in a series that otherwise "
                                  "rises: possibly a typing slip",
                                  years[k], number_text(values[k]), number_text(values[k - 1])));
  }
  for (auto k : outliers(values)) {
    if (!flagged.insert(k).second) continue;
    findings_.warning(
        codes::suspicious_target, pointer_append(path, std::to_string(years[k])) + "/value",
        fmt::format("ค่าเป้าหมายปี {} ({}) ต่างจากปีอื่นมาก: อาจพิมพ์ผิด", th(years[k]), th(number_text(values[k]))),
        fmt::format("the {} target ({}) is far from the other years': possibly a typing slip", years[k],
                    number_text(values[k])));
  }
}

void validator::check_id(const json::object& node, const std::string& path) {
  auto id = require_text(node, path, "id");
  if (!id) return;
  auto [it, inserted] = ids_.emplace(std::string(*id), path);
  if (inserted) return;
  findings_.error(codes::duplicate_id, path + "/id", fmt::format("รหัส “{}” ซ้ำกับที่ใช้แล้วที่ {}", *id, it->second),
                  fmt::format("id “{}” is already used at {}", *id, it->second));
}

void validator::check_province_text(std::string_view text, const std::string& path) {
  if (own_code_.empty() && own_name_.empty()) return;  // nothing to compare with
  for (const auto* named : provinces_named(text, ctx_.provinces)) {
    if (named->code == own_code_ || (own_code_.empty() && named->name_th == own_name_)) continue;
    findings_.error(codes::other_province, path, fmt::format("ระบุจังหวัด{} ในแผนของจังหวัด{}", named->name_th, own_name_),
                    fmt::format("names {} ({}) in the plan of another province ({})", named->name_en, named->name_th,
                                own_code_.empty() ? own_name_ : own_code_));
  }
}

// --- Consistency ---------------------------------------------------------------

// Every free text of the plan (titles, goals, indicators, activities, budget
// sources) is read for another province, a year outside the span and the
// national template's wording; the fixed strategy titles and agencies are not
// free text.
void validator::check_free_text(std::string_view text, const std::string& path) {
  check_province_text(text, path);
  check_years_of_work(text, path);
  check_template_text(text, path);
}

// A year given as the time of the work ("ประจำปี พ.ศ. ๒๕๖๕") outside the
// plan's span is usually a row copied from an earlier plan: the officer
// should look, but the plan stays valid (the year may be a deliberate
// reference the wording does not show).
void validator::check_years_of_work(std::string_view text, const std::string& path) {
  if (!first_year_) return;
  std::vector<int> outside;
  for (const auto& named : years_of_work(text)) {
    if (named.year < *first_year_ || named.year > *last_year_) outside.push_back(named.year);
  }
  if (outside.empty()) return;
  findings_.warning(
      codes::year_outside_span, path,
      fmt::format("ข้อความระบุปี พ.ศ. {} ซึ่งอยู่นอกช่วงปีของแผน ({}–{}): อาจคัดลอกมาจากแผนฉบับก่อน ให้ตรวจสอบปี",
                  year_list(outside, true), th(*first_year_), th(*last_year_)),
      fmt::format("the text gives the year {} BE, outside the plan's span ({}–{}): possibly copied from an "
                  "earlier plan; check the year",
                  year_list(outside, false), *first_year_, *last_year_));
}

// A provincial plan that counts every province ("๗๖ จังหวัด", "จังหวัดละ
// ๑๐๐ คน") has kept the national template's text instead of the province's
// own targets and area.
void validator::check_template_text(std::string_view text, const std::string& path) {
  auto phrase = national_template_phrase(text);
  if (!phrase) return;
  findings_.warning(codes::national_template_text, path,
                    fmt::format("ข้อความ “{}” เป็นถ้อยคำของแผนระดับชาติสำหรับทุกจังหวัด ไม่ใช่ของจังหวัด{}: "
                                "ให้ปรับเป็นเป้าหมายและพื้นที่ของจังหวัด",
                                *phrase, own_name_),
                    fmt::format("“{}” is the national template's wording for every province, not this "
                                "province's: restate the target and area for the province",
                                *phrase));
}

// An indicator must name what is measured; when it does, its unit must be
// that measure.
void validator::check_measure(const json::object& indicator, const std::string& path, std::string_view text,
                              std::string_view unit) {
  if (names_a_measure(text)) {
    check_unit_against_text(path, text, unit);
    return;
  }
  // The seed's line 195 repeats its strategy (กลยุทธ์) in the indicator
  // column; saying so tells the officer where the text came from.
  bool copied = false;
  if (const auto* tactics = array_at(indicator, "strategies")) {
    copied = std::any_of(tactics->begin(), tactics->end(), [&](const json::value& tactic) {
      const auto* o = tactic.if_object();
      return o && without_spaces(string_at(*o, "title")) == without_spaces(text);
    });
  }
  findings_.warning(codes::indicator_not_measurable, path + "/text",
                    fmt::format("ตัวชี้วัด “{}” ไม่ได้ระบุสิ่งที่วัด (ร้อยละ ระดับ หรือจำนวนของสิ่งใด){} "
                                "จึงวัดผลตามค่าเป้าหมายไม่ได้",
                                text, copied ? " และซ้ำกับข้อความของกลยุทธ์" : ""),
                    fmt::format("the indicator “{}” names nothing to measure (a percentage, a level, or a count "
                                "of something){}, so its targets cannot be measured",
                                text, copied ? " and repeats its strategy's text" : ""));
}

// Different kinds of measure (a percentage against a level) contradict each
// other: the targets cannot mean both, an error. Counts of different things
// (projects against times, line 214) may be one activity counted another
// way: the officer should look, a warning.
void validator::check_unit_against_text(const std::string& path, std::string_view text, std::string_view unit) {
  const measure stated = indicator_measure(text);
  const measure given = unit_measure(unit);
  if (!measures_contradict(stated, given)) return;
  const std::string th_message = fmt::format("หน่วยนับ “{}” ไม่ตรงกับตัวชี้วัด “{}”: ค่าเป้าหมายต้องวัดสิ่งที่ตัวชี้วัดระบุ", unit, text);
  const std::string en_message = fmt::format(
      "the unit “{}” contradicts the indicator “{}”: the targets must measure what the indicator names", unit, text);
  if (stated.kind != given.kind)
    findings_.error(codes::unit_contradicts_indicator, path + "/unit", th_message, en_message);
  else
    findings_.warning(codes::unit_contradicts_indicator, path + "/unit", th_message, en_message);
}

// A target worded as a change ("เพิ่มขึ้นร้อยละ ๑๐") is measurable only
// against a baseline; the content has no baseline field yet, so the text
// must name one ("จากปี ๒๕๖๕", "เทียบกับ…").
void validator::check_baseline(const json::object& owner, const std::string& path, std::string_view text) {
  std::string relative_path;
  if (!text.empty() && is_relative_target(text)) relative_path = path + "/text";
  bool baseline = !text.empty() && names_baseline(text);
  if (const auto* targets = object_at(owner, "targets")) {
    for (const auto& member : *targets) {
      const auto* cell = member.value().if_object();
      if (!cell) continue;
      std::string_view cell_text = string_at(*cell, "text");
      if (relative_path.empty() && is_relative_target(cell_text))
        relative_path = pointer_append(path + "/targets", member.key()) + "/text";
      baseline = baseline || names_baseline(cell_text);
    }
  }
  if (relative_path.empty() || baseline) return;
  findings_.warning(codes::relative_target_without_baseline, relative_path,
                    "ค่าเป้าหมายระบุเป็นการเพิ่มขึ้นหรือลดลง แต่ไม่ได้ระบุค่าฐานหรือปีฐานที่ใช้เทียบ จึงวัดผลไม่ได้",
                    "the target is an increase or a decrease but no baseline or base year is given to measure it "
                    "from");
}

// A project's own percentage or level below its indicator's for the same year
// cannot bring the indicator to its target. Counts are not compared: several
// projects add up to an indicator's count.
void validator::check_projects_against_indicators(const json::value& content) {
  if (!first_year_) return;
  for_each_project(content, [&](const project_view& view) {
    const auto* own = object_at(*view.project, "targets");
    const auto* theirs = object_at(*view.indicator, "targets");
    if (!own || !theirs) return;
    const measure own_measure = unit_measure(string_at(*view.project, "unit"));
    const measure their_measure = unit_measure(string_at(*view.indicator, "unit"));
    if (own_measure.kind != their_measure.kind || own_measure.kind == measure_kind::count ||
        own_measure.kind == measure_kind::unknown)
      return;
    std::string th_years, en_years;
    for (int y = *first_year_; y <= *last_year_; ++y) {
      auto mine = target_of(own, y);
      auto target = target_of(theirs, y);
      if (!mine || !target || *mine >= *target) continue;
      th_years += fmt::format("{}{} ({} ต่ำกว่า {})", th_years.empty() ? "" : ", ", th(y), th(number_text(*mine)),
                              th(number_text(*target)));
      en_years +=
          fmt::format("{}{} ({} below {})", en_years.empty() ? "" : ", ", y, number_text(*mine), number_text(*target));
    }
    if (th_years.empty()) return;
    findings_.warning(codes::target_below_indicator,
                      project_pointer(view.s, view.g, view.i, view.t, view.p) + "/targets",
                      fmt::format("ค่าเป้าหมายของโครงการต่ำกว่าค่าเป้าหมายของตัวชี้วัดที่สังกัด ปี {}: "
                                  "โครงการไม่อาจทำให้ตัวชี้วัดบรรลุเป้าหมาย ให้ตรวจสอบค่าเป้าหมาย",
                                  th_years),
                      fmt::format("the project's targets are below its indicator's in {}: the project cannot bring "
                                  "the indicator to its target; check the targets",
                                  en_years));
  });
}

// --- Narrative, linkage and approval --------------------------------------------

const json::value* validator::optional(const json::object& parent, std::string_view key) {
  auto it = parent.find(key);
  return it == parent.end() ? nullptr : &it->value();
}

const json::object* validator::optional_object(const json::object& parent, const std::string& parent_path,
                                               std::string_view key) {
  const auto* v = optional(parent, key);
  if (!v) return nullptr;
  if (const auto* o = v->if_object()) return o;
  invalid_type(pointer_append(parent_path, key), key, k_object);
  return nullptr;
}

const json::array* validator::optional_array(const json::object& parent, const std::string& parent_path,
                                             std::string_view key) {
  const auto* v = optional(parent, key);
  if (!v) return nullptr;
  if (const auto* a = v->if_array()) return a;
  invalid_type(pointer_append(parent_path, key), key, k_array);
  return nullptr;
}

// An optional text: absent or empty says nothing; a text is read as every
// other free text of the plan (another province, a year of work outside the
// span, the national template's wording).
std::optional<std::string_view> validator::optional_text(const json::object& parent, const std::string& parent_path,
                                                         std::string_view key, bool free_text) {
  const auto* v = optional(parent, key);
  if (!v) return std::nullopt;
  const auto* s = v->if_string();
  if (!s) {
    invalid_type(pointer_append(parent_path, key), key, k_string);
    return std::nullopt;
  }
  if (free_text && !trim_spaces(*s).empty()) check_free_text(*s, pointer_append(parent_path, key));
  return std::string_view(*s);
}

// A list of texts (missions, goals, budget sources): an entry must say
// something, as every goal and indicator must.
void validator::check_text_list(const json::object& parent, const std::string& parent_path, std::string_view key) {
  const auto* list = optional_array(parent, parent_path, key);
  if (!list) return;
  const std::string path = pointer_append(parent_path, key);
  for (std::size_t k = 0; k < list->size(); ++k) {
    const std::string item_path = pointer_append(path, k);
    const auto* s = (*list)[k].if_string();
    if (!s) {
      findings_.error(codes::invalid_type, item_path, fmt::format("รายการของ \"{}\" ต้องเป็นข้อความ", key),
                      fmt::format("the entries of \"{}\" must be strings", key));
    } else if (trim_spaces(*s).empty()) {
      findings_.error(codes::missing_field, item_path, fmt::format("รายการที่ {} ของ \"{}\" ว่าง", th(k + 1), key),
                      fmt::format("entry {} of \"{}\" is empty", k + 1, key));
    } else {
      check_free_text(*s, item_path);
    }
  }
}

// "frequency" (the words) and "every_months" (1..60) of monitoring and of a
// reporting duty.
void validator::check_frequency(const json::object& owner, const std::string& path) {
  optional_text(owner, path, "frequency", false);
  const auto* v = optional(owner, "every_months");
  if (!v) return;
  auto months = integer_of(*v);
  if (!months) {
    invalid_type(path + "/every_months", "every_months", k_integer);
  } else if (*months < 1 || *months > 60) {
    findings_.error(codes::invalid_value, path + "/every_months",
                    fmt::format("ความถี่ทุก {} เดือนใช้ไม่ได้ (๑–๖๐ เดือน)", th(*months)),
                    fmt::format("every {} months is not a frequency (1–60 months)", *months));
  }
}

void validator::check_narrative(const json::object& root) {
  if (const auto* strategy = optional_object(root, "", "national_strategy"))
    check_national_strategy(*strategy, "/national_strategy");

  if (const auto* standards = optional_array(root, "", "ethical_standards")) {
    for (std::size_t k = 0; k < standards->size(); ++k) {
      const std::string path = pointer_append("/ethical_standards", k);
      const auto* standard = element_object((*standards)[k], path);
      if (!standard) continue;
      if (auto number = require_integer(*standard, path, "number"); number && *number < 1) {
        findings_.error(codes::invalid_value, path + "/number",
                        fmt::format("ลำดับของมาตรฐานทางจริยธรรมต้องเริ่มที่ ๑ ไม่ใช่ {}", th(*number)),
                        fmt::format("an ethical standard is numbered from 1, not {}", *number));
      }
      if (auto text = require_text(*standard, path, "text")) check_free_text(*text, path + "/text");
      check_text_list(*standard, path, "national_strategy_alignment");
    }
  }
  optional_text(root, "", "vision");
  check_text_list(root, "", "missions");
  check_text_list(root, "", "plan_goals");

  if (const auto* implementation = optional_object(root, "", "implementation"))
    optional_text(*implementation, "/implementation", "text");
  if (const auto* monitoring = optional_object(root, "", "monitoring")) {
    optional_text(*monitoring, "/monitoring", "text");
    check_frequency(*monitoring, "/monitoring");
  }
  if (const auto* committee = optional_object(root, "", "committee")) {
    if (auto name = optional_text(*committee, "/committee", "name", false))
      check_province_text(*name, "/committee/name");
    if (const auto* mandate = optional_object(*committee, "/committee", "mandate"))
      optional_text(*mandate, "/committee/mandate", "text");
    if (const auto* reporting = optional_array(*committee, "/committee", "reporting")) {
      for (std::size_t k = 0; k < reporting->size(); ++k) {
        const std::string path = pointer_append("/committee/reporting", k);
        const auto* duty = element_object((*reporting)[k], path);
        if (!duty) continue;
        if (auto text = require_text(*duty, path, "text")) check_free_text(*text, path + "/text");
        check_frequency(*duty, path);
      }
    }
  }
  check_text_list(root, "", "budget_sources");
  if (const auto* approval = optional_object(root, "", "approval")) check_approval(*approval, "/approval");
}

void validator::check_national_strategy(const json::object& strategy, const std::string& path) {
  if (auto title = require_text(strategy, path, "title")) check_province_text(*title, path + "/title");
  optional_text(strategy, path, "text", false);
  std::optional<std::int64_t> years[2];
  const std::string_view keys[2] = {"first_year", "last_year"};
  bool ok = true;
  for (int k = 0; k < 2; ++k) {
    const auto* v = optional(strategy, keys[k]);
    if (!v) {
      ok = false;
      continue;
    }
    years[k] = integer_of(*v);
    if (!years[k]) {
      ok = false;
      invalid_type(pointer_append(path, keys[k]), keys[k], k_integer);
    } else if (*years[k] < k_min_year || *years[k] > k_max_year) {
      ok = false;
      findings_.error(codes::invalid_value, pointer_append(path, keys[k]),
                      fmt::format("ปี {} ไม่ใช่ปีพุทธศักราชที่ใช้ได้ ({}–{})", th(*years[k]), th(k_min_year), th(k_max_year)),
                      fmt::format("{} is not a Buddhist-era year ({}–{})", *years[k], k_min_year, k_max_year));
    }
  }
  if (!ok) return;
  const auto first = *years[0], last = *years[1];
  if (last < first) {
    findings_.error(codes::invalid_value, path,
                    fmt::format("ช่วงปีของยุทธศาสตร์ {}–{} ไม่ถูกต้อง (ต้องเรียงจากน้อยไปมาก)", th(first), th(last)),
                    fmt::format("the strategy's years {}–{} are not in order", first, last));
    return;
  }
  // A plan written under the strategy lies within its years (seed: 2566–2570
  // under 2565–2570).
  if (first_year_ && (*first_year_ < first || *last_year_ > last)) {
    findings_.warning(
        codes::span_outside_national_strategy, "/span",
        fmt::format("ช่วงปีของแผน {}–{} อยู่นอกช่วงปีของยุทธศาสตร์ที่แผนอยู่ภายใต้ ({}–{}): ให้ตรวจสอบปีของแผนหรือของยุทธศาสตร์",
                    th(*first_year_), th(*last_year_), th(first), th(last)),
        fmt::format("the plan's span {}–{} lies outside the years of the strategy it is written under ({}–{}): "
                    "check either",
                    *first_year_, *last_year_, first, last));
  }
}

// The document's own approval. The date is ISO 8601 in the Common Era; a
// Buddhist-era year typed into it ("2568-10-15") is a date 543 years late.
void validator::check_approval(const json::object& approval, const std::string& path) {
  optional_text(approval, path, "body", false);
  optional_text(approval, path, "meeting", false);
  optional_text(approval, path, "resolution");
  optional_text(approval, path, "text");
  auto date = optional_text(approval, path, "date", false);
  if (!date || trim_spaces(*date).empty()) return;
  auto parsed = text::parse_iso_date(trim_spaces(*date));
  if (!parsed) {
    findings_.warning(codes::invalid_date, path + "/date",
                      fmt::format("วันที่ “{}” ไม่ใช่วันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2025-10-15", *date),
                      fmt::format("“{}” is not a date in the form YYYY-MM-DD (Common Era), e.g. 2025-10-15", *date));
    return;
  }
  const int year = static_cast<int>(parsed->year());
  if (year >= k_min_year) {
    findings_.warning(codes::invalid_date, path + "/date",
                      fmt::format("ปี {} ของวันที่ “{}” เป็นปีพุทธศักราช: วันที่ต้องเป็นปีคริสต์ศักราช (ปี พ.ศ. ลบ ๕๔๓ คือ {})", th(year),
                                  *date, th(year - 543)),
                      fmt::format("the year {} of “{}” is a Buddhist-era year: the date is Common Era (BE − 543 = {})",
                                  year, *date, year - 543));
    return;
  }
  // An annual edition approved once its fiscal year is over plans nothing.
  if (fiscal_year_ && text::fiscal_year_of(*parsed) > *fiscal_year_) {
    const std::string thai_date = text::format_thai_date(*parsed, false, true);
    findings_.warning(codes::approved_after_fiscal_year, path + "/date",
                      fmt::format("แผนได้รับความเห็นชอบเมื่อ {} หลังสิ้นปีงบประมาณ {} ของแผนแล้ว (๓๐ กันยายน {}): "
                                  "ให้ตรวจสอบวันที่หรือปีงบประมาณ",
                                  thai_date, th(*fiscal_year_), th(*fiscal_year_)),
                      fmt::format("approved on {}, after the plan's fiscal year {} ended (30 September {} CE): check "
                                  "the date or the fiscal year",
                                  *date, *fiscal_year_, text::be_to_ce(*fiscal_year_)));
  }
}

}  // namespace

std::vector<plugin::finding> validate_content(const json::value& content, const plugin::plan_context& ctx) {
  try {
    return validator(ctx).run(content);
  } catch (const std::exception& e) {
    // Nothing above throws by design; should an allocation fail, the host
    // still gets a finding rather than an exception through the plugin ABI.
    return {{"error", std::string(codes::invalid_value), "ตรวจสอบเนื้อหาไม่สำเร็จ",
             std::string("validation failed: ") + e.what(), ""}};
  }
}

}  // namespace planflow::plugins::ethics
