#include "validation.hpp"

#include "content_model.hpp"
#include "findings.hpp"
#include "text_scan.hpp"
#include "totals.hpp"

#include <planflow/text/thai.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace planflow::plugins::anti_corruption {

namespace json = boost::json;

namespace {

std::string thai_count(std::int64_t n) { return text::arabic_digits_to_thai(std::to_string(n)); }
std::string thai_baht(std::int64_t satang) { return text::arabic_digits_to_thai(text::format_baht(satang)); }

bool is_percent_unit(std::string_view unit) {
  unit = scan::trim(unit);
  return unit == "ร้อยละ" || unit == "%" || unit == "เปอร์เซ็นต์";
}

// A measure without a unit of its own is in its indicator's ("ร้อยละ").
bool in_percent(const measure& m, std::string_view owner_unit) {
  return is_percent_unit(m.unit.empty() ? owner_unit : std::string_view(m.unit));
}

// The first measure, when it has a value and is a share: what a level of
// one target is compared with another's by.
std::optional<double> first_share(const measurable_target& t, std::string_view owner_unit) {
  if (t.direction != "level" || t.measures.empty() || !in_percent(t.measures.front(), owner_unit)) return std::nullopt;
  return t.measures.front().value;
}

class checker {
 public:
  checker(const plan& p, const plugin::plan_context& ctx, finding_list& out) : plan_(p), ctx_(ctx), out_(out) {}

  void run(const json::value& content);

 private:
  void check_province(const json::value& content);
  void check_fiscal_year(const json::value& content);
  void check_ids();
  void check_goal(const goal& g);
  void check_indicator(const goal& g, const indicator& ind);
  void check_activity(const indicator& ind, const project& pr, const activity& a);
  void check_activity_target(const indicator& ind, const activity& a);
  void check_relative_target(const indicator& ind);
  void check_measures(const measurable_target& target, std::string_view owner_unit, std::string_view text);
  void check_budget(const activity& a);
  void check_agencies(const activity& a);
  void check_period(const activity& a);
  void check_totals();
  void check_budget_total(const std::string& path, std::string_view what_th, std::string_view what_en,
                          std::int64_t stated, const scope_totals& computed);
  void check_total(const std::string& path, std::string_view key, std::string_view what_th, std::string_view what_en,
                   std::int64_t stated, std::int64_t computed, bool money);
  // An error for each other province named in `text` (a title, a header or an agency).
  void check_other_province(const std::string& path, std::string_view text, std::string_view what_th,
                            std::string_view what_en);
  // Free text a person wrote (titles, methods, indicator cells): the checks
  // below, which read it as the officer would, not as structure.
  void check_free_text(const std::string& path, std::string_view text, std::string_view what_th,
                       std::string_view what_en);
  // A warning when `text` says a year ("ประจำปี พ.ศ.๒๕๖๕") other than the plan's fiscal year.
  void check_year_mentions(const std::string& path, std::string_view text, std::string_view what_th,
                           std::string_view what_en);
  // A warning when `text` carries the national plan's wording ("จังหวัดละ ๑๐๐ คน").
  void check_national_scope(const std::string& path, std::string_view text, std::string_view what_th,
                            std::string_view what_en);
  void missing_value(const std::string& path, std::string_view what_th, std::string_view what_en) {
    out_.error(path, "missing_value", fmt::format("ยังไม่ได้ระบุ{}", what_th), fmt::format("{} is empty", what_en));
  }

  const plan& plan_;
  const plugin::plan_context& ctx_;
  finding_list& out_;
  const plugin::province_name* own_province_ = nullptr;  // from ctx_.provinces
  std::string own_province_th_;                          // "" when unknown: other_province is then not checked
  int fiscal_year_ = 0;
};

void checker::run(const json::value& content) {
  check_province(content);
  check_fiscal_year(content);
  if (plan_.title.empty() && content.is_object() && content.as_object().contains("title")) {
    out_.warning("/title", "empty_text", "ยังไม่ได้ระบุชื่อแผน", "the plan has no title");
  }
  check_other_province("/title", plan_.title, "ชื่อแผน", "the plan title");
  check_free_text("/title", plan_.title, "ชื่อแผน", "the plan title");
  check_ids();

  std::map<int, std::string> goal_numbers;
  for (const auto& g : plan_.goals) {
    if (g.number > 0) {
      auto [it, fresh] = goal_numbers.emplace(g.number, g.path);
      if (!fresh) {
        out_.warning(pointer_append(g.path, "number"), "duplicate_number",
                     fmt::format("{} ซ้ำกับเป้าหมายที่ {}", goal_label(g.number), it->second),
                     fmt::format("goal number {} repeats the goal at {}", g.number, it->second));
      }
    }
    check_goal(g);
  }
  check_totals();
}

void checker::check_province(const json::value& content) {
  const auto& code = plan_.province.code;
  const plugin::province_name* by_code = nullptr;
  for (const auto& p : ctx_.provinces) {
    if (!code.empty() && p.code == code) by_code = &p;
  }
  const plugin::province_name* from_ctx = ctx_.province_code.empty() ? nullptr : ctx_.province();
  bool have_province_object =
      content.is_object() && content.as_object().contains("province") && content.as_object().at("province").is_object();

  if (have_province_object && code.empty() && plan_.province.name_th.empty()) {
    missing_value("/province", "จังหวัดของแผน", "the plan's province");
  }
  if (!code.empty() && !ctx_.provinces.empty() && !by_code) {
    out_.error("/province/code", "unknown_province", fmt::format("ไม่รู้จักรหัสจังหวัด \"{}\"", excerpt(code)),
               fmt::format("\"{}\" is not an ISO 3166-2:TH province code", excerpt(code)));
  }
  if (!code.empty() && !ctx_.province_code.empty() && code != ctx_.province_code) {
    out_.error(
        "/province/code", "province_mismatch",
        fmt::format("แผนระบุจังหวัดรหัส {} แต่แผนนี้เป็นของจังหวัดรหัส {}", excerpt(code), ctx_.province_code),
        fmt::format("the content names province {} but the plan belongs to {}", excerpt(code), ctx_.province_code));
  }
  if (by_code && !plan_.province.name_th.empty() && plan_.province.name_th != by_code->name_th) {
    out_.error(
        "/province/name_th", "province_mismatch",
        fmt::format("ชื่อจังหวัด \"{}\" ไม่ตรงกับรหัส {} (จังหวัด{})", excerpt(plan_.province.name_th), code, by_code->name_th),
        fmt::format("the name \"{}\" does not match the code {} ({})", excerpt(plan_.province.name_th), code,
                    by_code->name_en));
  }

  own_province_ = from_ctx ? from_ctx : by_code;
  own_province_th_ = own_province_ ? own_province_->name_th : plan_.province.name_th;
}

void checker::check_fiscal_year(const json::value& content) {
  fiscal_year_ = plan_.fiscal_year != 0 ? plan_.fiscal_year : ctx_.fiscal_year;
  const auto* root = content.if_object();
  const auto* year = root ? root->if_contains("fiscal_year") : nullptr;
  bool stated_zero =
      year && ((year->is_int64() && year->get_int64() == 0) || (year->is_uint64() && year->get_uint64() == 0) ||
               (year->is_double() && year->get_double() == 0.0));
  if (stated_zero) missing_value("/fiscal_year", "ปีงบประมาณ", "the fiscal year");
  if (plan_.fiscal_year != 0 && ctx_.fiscal_year != 0 && plan_.fiscal_year != ctx_.fiscal_year) {
    out_.error(
        "/fiscal_year", "fiscal_year_mismatch",
        fmt::format("แผนระบุปีงบประมาณ {} แต่แผนนี้เป็นของปีงบประมาณ {}", thai_count(plan_.fiscal_year),
                    thai_count(ctx_.fiscal_year)),
        fmt::format("the content states fiscal year {} but the plan is for {}", plan_.fiscal_year, ctx_.fiscal_year));
  }
}

void checker::check_ids() {
  std::unordered_map<std::string_view, std::string_view> seen;  // id → path of its first use
  auto use = [&](const std::string& id, const std::string& path) {
    if (id.empty()) return;
    auto [it, fresh] = seen.emplace(id, path);
    if (fresh) return;
    out_.error(pointer_append(path, "id"), "duplicate_id",
               fmt::format("รหัส \"{}\" ซ้ำกับที่ใช้แล้วที่ {}", excerpt(id), it->second),
               fmt::format("the id \"{}\" is already used at {}", excerpt(id), it->second));
  };
  for (const auto& g : plan_.goals) {
    use(g.id, g.path);
    for (const auto& ind : g.indicators) {
      use(ind.id, ind.path);
      for (const auto& item : ind.key_work_items) use(item.id, item.path);
      for (const auto& pr : ind.projects) {
        use(pr.id, pr.path);
        for (const auto& a : pr.activities) use(a.id, a.path);
      }
    }
  }
}

void checker::check_goal(const goal& g) {
  if (g.title.empty()) missing_value(pointer_append(g.path, "title"), "ชื่อเป้าหมาย", "the goal title");
  check_other_province(pointer_append(g.path, "title"), g.title, "ชื่อเป้าหมาย", "the goal title");
  check_free_text(pointer_append(g.path, "title"), g.title, "ชื่อเป้าหมาย", "the goal title");

  std::map<std::string, std::string> project_numbers;  // numbering runs through the goal's tables
  for (const auto& ind : g.indicators) {
    check_indicator(g, ind);
    for (const auto& pr : ind.projects) {
      if (pr.number.empty()) continue;
      auto [it, fresh] = project_numbers.emplace(pr.number, pr.path);
      if (fresh) continue;
      out_.warning(pointer_append(pr.path, "number"), "duplicate_number",
                   fmt::format("ลำดับโครงการ/กิจกรรม {} ซ้ำในเป้าหมายเดียวกัน (ครั้งแรกที่ {})",
                               text::arabic_digits_to_thai(pr.number), it->second),
                   fmt::format("project number {} is used twice in the goal (first at {})", pr.number, it->second));
    }
  }
}

void checker::check_indicator(const goal& g, const indicator& ind) {
  // An empty or malformed number was reported by read_plan.
  if (!ind.number.empty() && g.number > 0 && ind.number.substr(0, ind.number.find('.')) != std::to_string(g.number)) {
    out_.warning(pointer_append(ind.path, "number"), "number_mismatch",
                 fmt::format("{} อยู่ใต้{}", indicator_label(ind.number), goal_label(g.number)),
                 fmt::format("indicator {} sits under goal {}", ind.number, g.number));
  }
  if (ind.text.empty()) missing_value(pointer_append(ind.path, "text"), "ข้อความตัวชี้วัด", "the indicator text");
  check_other_province(pointer_append(ind.path, "text"), ind.text, "ตัวชี้วัด", "the indicator");
  check_free_text(pointer_append(ind.path, "text"), ind.text, "ตัวชี้วัด", "the indicator");
  check_free_text(pointer_append(ind.path, "target_text"), ind.target_text, "ค่าเป้าหมาย", "the target");
  check_measures(ind.target, ind.unit, ind.target_text);
  check_relative_target(ind);
  if (ind.target.baseline && is_percent_unit(ind.unit) && *ind.target.baseline > 100) {
    out_.error(pointer_append(ind.target.path, "baseline"), "percentage_over_100", "ค่าฐานเป็นร้อยละเกิน ๑๐๐",
               "the baseline is a percentage above 100");
  }

  if (!ind.served_by.empty()) {
    const indicator* target = nullptr;
    for (const auto& other : g.indicators) {
      if (other.id == ind.served_by && &other != &ind) target = &other;
    }
    if (!target || !target->served_by.empty()) {
      out_.error(pointer_append(ind.path, "served_by"), "invalid_reference",
                 fmt::format("\"{}\" ไม่ใช่รหัสของตัวชี้วัดอื่นในเป้าหมายเดียวกันที่มีงานของตนเอง", excerpt(ind.served_by)),
                 fmt::format("\"{}\" is not another indicator of this goal with work items of its own",
                             excerpt(ind.served_by)));
    }
  }

  std::size_t activities = 0;
  std::set<std::string_view> served;  // the key work items some project serves
  for (const auto& pr : ind.projects) {
    if (pr.title.empty()) missing_value(pointer_append(pr.path, "title"), "ชื่อโครงการ/กิจกรรม", "the project title");
    check_other_province(pointer_append(pr.path, "title"), pr.title, "ชื่อโครงการ/กิจกรรม", "the project title");
    check_free_text(pointer_append(pr.path, "title"), pr.title, "ชื่อโครงการ/กิจกรรม", "the project title");
    for (std::size_t k = 0; k < pr.key_work_items.size(); ++k) {
      const auto& id = pr.key_work_items[k];
      bool known = std::any_of(ind.key_work_items.begin(), ind.key_work_items.end(),
                               [&](const key_work_item& item) { return !item.id.empty() && item.id == id; });
      if (known) {
        served.insert(id);
        continue;
      }
      out_.error(pointer_append(pointer_append(pr.path, "key_work_items"), k), "unknown_key_work_item",
                 fmt::format("\"{}\" ไม่ใช่รหัสลักษณะสำคัญของงานของ{}", excerpt(id), indicator_label(ind.number)),
                 fmt::format("\"{}\" is not a key work item of indicator {}", excerpt(id), ind.number));
    }
    if (pr.activities.empty()) {
      out_.warning(pr.path, "project_without_activities", "โครงการ/กิจกรรมนี้ไม่มีรายการกิจกรรม งบประมาณ หรือหน่วยงาน",
                   "the project has no activity rows (budget, period, agencies)");
    }
    for (const auto& a : pr.activities) check_activity(ind, pr, a);
    activities += pr.activities.size();
  }
  for (const auto& item : ind.key_work_items) {
    if (item.text.empty()) {
      out_.warning(pointer_append(item.path, "text"), "empty_text", "ยังไม่ได้ระบุลักษณะสำคัญของงาน",
                   "the key work item has no text");
    }
    check_free_text(pointer_append(item.path, "text"), item.text, "ลักษณะสำคัญของงาน", "the key work item");
    if (!item.id.empty() && !served.contains(item.id)) {
      out_.warning(item.path, "key_work_item_without_project",
                   fmt::format("ลักษณะสำคัญของงาน{} ไม่มีโครงการ/กิจกรรมใดรองรับ",
                               item.number.empty() ? "" : " ข้อ " + text::arabic_digits_to_thai(item.number)),
                   fmt::format("no project serves key work item{}", item.number.empty() ? "" : " " + item.number));
    }
  }
  if (activities == 0 && ind.served_by.empty()) {
    out_.warning(ind.path, "indicator_without_activities",
                 fmt::format("{} ไม่มีโครงการ/กิจกรรมรองรับ", indicator_label(ind.number)),
                 fmt::format("indicator {} has no projects or activities", ind.number));
  }
}

void checker::check_activity(const indicator& ind, const project& pr, const activity& a) {
  if (a.title.empty()) missing_value(pointer_append(a.path, "title"), "ชื่อกิจกรรม", "the activity title");
  check_other_province(pointer_append(a.path, "title"), a.title, "ชื่อกิจกรรม", "the activity title");
  // A project's own row repeats the project's title, which was checked already.
  if (a.title != pr.title) check_free_text(pointer_append(a.path, "title"), a.title, "ชื่อกิจกรรม", "the activity title");
  if (a.method.empty()) {
    out_.warning(pointer_append(a.path, "method"), "empty_text", "ยังไม่ได้ระบุวิธีการดำเนินงาน",
                 "the activity has no method");
  }
  check_free_text(pointer_append(a.path, "method"), a.method, "วิธีการดำเนินงาน", "the method");
  check_free_text(pointer_append(a.path, "indicator_text"), a.indicator_text, "ตัวชี้วัดของกิจกรรม",
                  "the activity's indicator");
  check_measures(a.target, "", a.target_text);
  check_activity_target(ind, a);
  check_budget(a);
  check_period(a);

  check_agencies(a);
}

// Every agency named, main or supporting: in this province, and linked to
// its directory (the directory's findings come from the SDK, as in every
// plan type). An activity needs a main agency: it is the one that reports.
void checker::check_agencies(const activity& a) {
  bool any = false;
  for (auto [key, refs] :
       {std::pair{"main_agencies", &a.main_agencies}, std::pair{"supporting_agencies", &a.supporting_agencies}}) {
    const std::string list_path = pointer_append(a.path, key);
    for (std::size_t i = 0; i < refs->size(); ++i) {
      const auto& ref = (*refs)[i];
      if (scan::trim(ref.name).empty()) continue;
      if (refs == &a.main_agencies) any = true;
      const std::string at = pointer_append(list_path, i);
      check_other_province(pointer_append(at, "name"), ref.name, "หน่วยงานรับผิดชอบ", "the agency");
      if (auto f = plugin::check_link(ref, at, ctx_)) out_.add(std::move(*f));
    }
  }
  if (!any) {
    out_.error(pointer_append(a.path, "main_agencies"), "missing_agency", "ยังไม่ได้ระบุหน่วยงานรับผิดชอบหลัก",
               "no main responsible agency is named");
  }
}

void checker::check_budget(const activity& a) {
  std::string path = pointer_append(a.path, "budget");
  const auto& b = a.budget;
  if (b.kind == k_budget_unparsed) {
    if (scan::trim(b.text).empty()) {
      out_.error(path, "missing_budget", "ยังไม่ได้ระบุงบประมาณ (หากไม่ใช้งบประมาณให้ระบุว่า \"ไม่ใช้งบประมาณ\")",
                 "the budget is empty (write \"ไม่ใช้งบประมาณ\" when there is none)");
    } else {
      out_.error(path, "unparseable_budget",
                 fmt::format("อ่านจำนวนเงินจาก \"{}\" ไม่ได้ จึงไม่ได้นับรวมในงบประมาณรวม", excerpt(b.text)),
                 fmt::format("\"{}\" is not an amount of baht or \"no budget\"; it is left out of the budget totals",
                             excerpt(b.text)));
    }
    return;
  }
  if (b.kind != k_budget_amount || !b.satang) return;
  if (*b.satang == 0) {
    out_.warning(pointer_append(path, "baht"), "zero_budget", "งบประมาณเป็น ๐ บาท (หากไม่ใช้งบประมาณให้ระบุชนิดเป็น none)",
                 "the budget is 0 baht (use the kind \"none\" for no budget)");
  }
  if (!b.text.empty()) {
    auto written = text::parse_baht(b.text);
    if (written && *written != *b.satang) {
      out_.warning(path, "budget_text_mismatch",
                   fmt::format("จำนวนเงิน {} บาท ไม่ตรงกับข้อความ \"{}\"", thai_baht(*b.satang), excerpt(b.text)),
                   fmt::format("the amount {} baht differs from the text \"{}\"", text::format_baht(*b.satang),
                               excerpt(b.text)));
    }
  }
}

void checker::check_period(const activity& a) {
  std::string path = pointer_append(a.path, "period");
  const auto& period = a.period;
  bool has_months = period.first_month && period.last_month;
  if (scan::trim(period.text).empty()) {
    if (!has_months) {
      out_.warning(path, "missing_period", "ยังไม่ได้ระบุระยะเวลาดำเนินการ", "the activity has no period");
    }
    return;
  }
  std::optional<text::month_span> months;
  if (auto dated = text::parse_dated_period(period.text)) {
    if (fiscal_year_ != 0 &&
        (text::fiscal_year_of(dated->first) != fiscal_year_ || text::fiscal_year_of(dated->last) != fiscal_year_)) {
      out_.error(path, "period_outside_fiscal_year",
                 fmt::format("ระยะเวลา \"{}\" อยู่นอกปีงบประมาณ {} (ตุลาคม {} – กันยายน {})", excerpt(period.text),
                             thai_count(fiscal_year_), thai_count(fiscal_year_ - 1), thai_count(fiscal_year_)),
                 fmt::format("the period \"{}\" lies outside fiscal year {} (October {} – September {})",
                             excerpt(period.text), fiscal_year_, fiscal_year_ - 1, fiscal_year_));
      return;
    }
    months = text::fiscal_month_span(*dated);
  } else {
    months = text::parse_period(period.text);
  }
  if (!months) {
    if (!has_months) {
      out_.warning(path, "unparsed_period", fmt::format("อ่านช่วงเดือนจาก \"{}\" ไม่ได้", excerpt(period.text)),
                   fmt::format("\"{}\" is not a recognised period", excerpt(period.text)));
    }
    return;
  }
  if (!has_months) {
    out_.warning(path, "unparsed_period", "ยังไม่ได้ระบุเดือนแรกและเดือนสุดท้ายของช่วงเวลา",
                 "first_month and last_month are not set");
  } else if (*period.first_month != months->first_month_index || *period.last_month != months->last_month_index) {
    out_.warning(path, "period_text_mismatch", fmt::format("เดือนที่ระบุไม่ตรงกับข้อความ \"{}\"", excerpt(period.text)),
                 fmt::format("first_month/last_month differ from the text \"{}\"", excerpt(period.text)));
  }
}

void checker::check_measures(const measurable_target& target, std::string_view owner_unit, std::string_view text) {
  auto over_100 = [&](const std::string& path, double percent) {
    out_.error(path, "percentage_over_100",
               fmt::format("ค่าเป้าหมายร้อยละ {} เกิน ๑๐๐", text::arabic_digits_to_thai(fmt::format("{:g}", percent))),
               fmt::format("the target {:g} per cent is above 100", percent));
  };
  // An increase may well be more than double ("เพิ่มขึ้นร้อยละ ๑๕๐").
  if (target.direction == "increase") return;
  for (const auto& m : target.measures) {
    if (m.value && in_percent(m, owner_unit) && *m.value > 100) over_100(pointer_append(m.path, "value"), *m.value);
  }
  if (!target.measures.empty() || text.empty()) return;
  // A target written only as text ("ร้อยละ ๑๒๐") is checked too.
  auto written = scan::find_target(text);
  if (written.value && written.unit == "ร้อยละ" && *written.value > 100) {
    over_100(pointer_append(target.path, "measures"), *written.value);
  }
}

void checker::check_activity_target(const indicator& ind, const activity& a) {
  std::string path = pointer_append(a.target.path, "measures");
  if (!first_value(a.target)) {
    // Quarterly progress is reported against the first measure: without
    // one the activity can be reported on but never judged met or not met.
    if (scan::trim(a.indicator_text).empty()) {
      out_.warning(path, "unmeasurable_target", "กิจกรรมนี้ยังไม่มีตัวชี้วัดและค่าเป้าหมายที่วัดได้",
                   "the activity has no indicator and no measurable target");
    } else {
      out_.warning(
          path, "unmeasurable_target", fmt::format("ตัวชี้วัด \"{}\" ไม่มีค่าเป้าหมายเป็นตัวเลขที่วัดได้", excerpt(a.indicator_text)),
          fmt::format("the indicator \"{}\" states no measurable target (no number)", excerpt(a.indicator_text)));
    }
    return;
  }
  // Only shares are compared: a share of units that must pass (ร้อยละ ๑๐๐)
  // cannot be served by an activity that aims at fewer (ร้อยละ ๘๒), while
  // counts of an activity are parts of the indicator's and may well be smaller.
  // A change ("ลดลงร้อยละ ๑๐") or a ceiling ("ไม่เกินร้อยละ ๕") is not a level to reach.
  auto wanted = first_share(ind.target, ind.unit);
  auto aimed = first_share(a.target, "");
  if (!wanted || !aimed || ind.target.measures.front().comparator == "at_most") return;
  if (*aimed >= *wanted) return;
  auto th = [](double v) { return text::arabic_digits_to_thai(fmt::format("{:g}", v)); };
  out_.warning(pointer_append(a.target.measures.front().path, "value"), "target_below_indicator",
               fmt::format("ค่าเป้าหมายของกิจกรรม ร้อยละ {} ต่ำกว่าค่าเป้าหมายของ{} ร้อยละ {}", th(*aimed),
                           indicator_label(ind.number), th(*wanted)),
               fmt::format("the activity aims at {:g} per cent, below the {:g} per cent of indicator {}", *aimed,
                           *wanted, ind.number));
}

void checker::check_relative_target(const indicator& ind) {
  if (ind.target.baseline || !first_value(ind.target) || ind.target.direction == "level") return;
  // "ลดลงร้อยละ ๑๐" is measured against a starting value; without it the
  // result at year end cannot be judged.
  out_.warning(
      pointer_append(ind.target.path, "baseline"), "relative_target_without_baseline",
      fmt::format("ค่าเป้าหมาย \"{}\" เป็นการเปลี่ยนแปลงจากค่าฐาน แต่ยังไม่ได้ระบุค่าฐาน จึงวัดผลไม่ได้", excerpt(ind.target_text)),
      fmt::format("the target \"{}\" is a change from a baseline, but no baseline is given, so it "
                  "cannot be measured",
                  excerpt(ind.target_text)));
}

void checker::check_free_text(const std::string& path, std::string_view text, std::string_view what_th,
                              std::string_view what_en) {
  if (text.empty()) return;
  check_year_mentions(path, text, what_th, what_en);
  check_national_scope(path, text, what_th, what_en);
}

void checker::check_year_mentions(const std::string& path, std::string_view text, std::string_view what_th,
                                  std::string_view what_en) {
  if (fiscal_year_ == 0) return;
  for (auto at = scan::find_year_mention(text, 0); at; at = scan::find_year_mention(text, at->end)) {
    if (at->year == fiscal_year_) continue;  // numbers, not digits: "2566" is "๒๕๖๖"
    auto phrase = excerpt(text.substr(at->start, at->end - at->start));
    out_.warning(path, "year_outside_fiscal_year",
                 fmt::format("{}ระบุ \"{}\" (ปี {}) ซึ่งไม่ใช่ปีงบประมาณของแผน ({})", what_th, phrase, thai_count(at->year),
                             thai_count(fiscal_year_)),
                 fmt::format("{} states the year {} (\"{}\"), not the plan's fiscal year {}", what_en, at->year, phrase,
                             fiscal_year_));
    return;  // one finding per field is enough to point at it
  }
}

void checker::check_national_scope(const std::string& path, std::string_view text, std::string_view what_th,
                                   std::string_view what_en) {
  auto at = scan::find_national_scope(text);
  if (!at) return;
  auto quoted = excerpt(text.substr(*at), 90);
  out_.warning(path, "national_template_text",
               fmt::format("{}มีข้อความของแผนระดับประเทศ \"{}\" โปรดระบุขอบเขตและจำนวนของจังหวัดเอง", what_th, quoted),
               fmt::format("{} carries the national plan's wording \"{}\": a provincial plan states its own "
                           "scope and numbers",
                           what_en, quoted));
}

void checker::check_other_province(const std::string& path, std::string_view text, std::string_view what_th,
                                   std::string_view what_en) {
  if (own_province_th_.empty() || ctx_.provinces.empty() || text.empty()) return;
  for (const auto& mention : scan::find_province_mentions(text, ctx_.provinces)) {
    const auto& other = ctx_.provinces[mention.province];
    if (other.name_th == own_province_th_) continue;
    std::string own_en = own_province_ ? own_province_->name_en : own_province_th_;
    out_.error(path, "other_province",
               fmt::format("{}ระบุจังหวัด{} ซึ่งไม่ใช่จังหวัดของแผน (จังหวัด{})", what_th, other.name_th, own_province_th_),
               fmt::format("{} names {} ({}), not the plan's province {}", what_en, other.name_en,
                           "จังหวัด" + other.name_th, own_en));
    return;  // one finding per field is enough to point at it
  }
}

void checker::check_total(const std::string& path, std::string_view key, std::string_view what_th,
                          std::string_view what_en, std::int64_t stated, std::int64_t computed, bool money) {
  if (stated == computed) return;
  auto th = [&](std::int64_t v) { return money ? thai_baht(v) + " บาท" : thai_count(v); };
  auto en = [&](std::int64_t v) { return money ? text::format_baht(v) + " baht" : std::to_string(v); };
  out_.error(pointer_append(path, key), "total_mismatch",
             fmt::format("{}ที่ระบุไว้ {} ไม่ตรงกับที่คำนวณได้ {}", what_th, th(stated), th(computed)),
             fmt::format("{}: expected {} (computed from the content) but the plan states {}", what_en, en(computed),
                         en(stated)));
}

void checker::check_budget_total(const std::string& path, std::string_view what_th, std::string_view what_en,
                                 std::int64_t stated, const scope_totals& computed) {
  if (computed.unparsed_budgets == 0) {
    check_total(path, "budget_baht", what_th, what_en, stated, computed.budget_satang, true);
    return;
  }
  // Some budgets are not in the sum, and each is reported at its own cell
  // (unparseable_budget, missing_budget, invalid_value). A sum short of the
  // stated total then says nothing against the total: the unread cells may
  // make up the difference. Only a sum already above it contradicts it, as no
  // budget is negative.
  if (computed.budget_satang <= stated) return;
  out_.error(pointer_append(path, "budget_baht"), "total_mismatch",
             fmt::format("{}ที่ระบุไว้ {} บาท น้อยกว่างบประมาณที่อ่านได้ {} บาท (ยังมีงบประมาณที่อ่านไม่ได้ {} รายการ)", what_th,
                         thai_baht(stated), thai_baht(computed.budget_satang), thai_count(computed.unparsed_budgets)),
             fmt::format("{}: the readable budgets alone come to {} baht, more than the {} baht the plan states "
                         "({} more could not be read)",
                         what_en, text::format_baht(computed.budget_satang), text::format_baht(stated),
                         computed.unparsed_budgets));
}

void checker::check_totals() {
  auto totals = sum_plan(plan_);
  for (std::size_t i = 0; i < plan_.goals.size() && i < totals.goals.size(); ++i) {
    const auto& g = plan_.goals[i];
    const auto& t = totals.goals[i];
    if (t.activities == 0 && totals.overall.activities > 0) {
      out_.warning(g.path, "goal_without_activities", fmt::format("{} ไม่มีกิจกรรม", goal_label(g.number)),
                   fmt::format("goal {} has no activities", g.number));
    }
    if (!g.stated) continue;
    std::string label_th = goal_label(g.number);
    if (g.stated->projects) {
      check_total(g.stated->path, "projects", "จำนวนโครงการ/กิจกรรมของ" + label_th,
                  fmt::format("number of projects of goal {}", g.number), *g.stated->projects, t.projects, false);
    }
    if (g.stated->activities) {
      check_total(g.stated->path, "activities", "จำนวนกิจกรรมของ" + label_th,
                  fmt::format("number of activities of goal {}", g.number), *g.stated->activities, t.activities, false);
    }
    if (g.stated->budget_satang) {
      check_budget_total(g.stated->path, "งบประมาณรวมของ" + label_th, fmt::format("budget of goal {}", g.number),
                         *g.stated->budget_satang, t);
    }
  }
  if (plan_.stated) {
    const auto& s = *plan_.stated;
    const auto& t = totals.overall;
    if (s.goals)
      check_total(s.path, "goals", "จำนวนเป้าหมาย", "number of goals", *s.goals, std::int64_t(plan_.goals.size()),
                  false);
    if (s.projects)
      check_total(s.path, "projects", "จำนวนโครงการ/กิจกรรมทั้งแผน", "number of projects", *s.projects, t.projects, false);
    if (s.activities)
      check_total(s.path, "activities", "จำนวนกิจกรรมทั้งแผน", "number of activities", *s.activities, t.activities, false);
    if (s.budget_satang) check_budget_total(s.path, "งบประมาณรวมทั้งแผน", "budget of the plan", *s.budget_satang, t);
  }
  if (totals.overall.activities == 0) {
    out_.error("/goals", "empty_plan", "แผนยังไม่มีกิจกรรม: ต้องมีอย่างน้อยหนึ่งเป้าหมายที่มีกิจกรรม",
               "the plan has no activities: at least one goal needs an activity");
  }
}

}  // namespace

std::vector<plugin::finding> validate_content(const json::value& content, const plugin::plan_context& ctx) {
  finding_list out;
  try {
    plan p = read_plan(content, &out);
    checker(p, ctx, out).run(content);
  } catch (const std::exception& e) {
    // Nothing above should throw but allocation; report rather than propagate.
    out.error("", "internal_error", fmt::format("ตรวจแผนไม่สำเร็จ: {}", e.what()),
              fmt::format("the plan could not be checked: {}", e.what()));
  }
  return std::move(out).take();
}

}  // namespace planflow::plugins::anti_corruption
