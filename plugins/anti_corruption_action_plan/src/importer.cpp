#include "importer.hpp"

#include "content_model.hpp"
#include "findings.hpp"
#include "schema.hpp"
#include "table_rows.hpp"
#include "text_scan.hpp"
#include "validation.hpp"

#include <planflow/text/thai.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <limits>
#include <map>
#include <unordered_map>
#include <utility>

namespace planflow::plugins::anti_corruption {

namespace {

using std::string_view;

// Headings listed before one table, or before one block of targets; more
// than this is not a plan but a fuzzer, and the lists stop growing.
constexpr std::size_t k_max_block = 64;
// Matching a target to one of several indicators compares their texts; the
// bytes compared per document are bounded so that no input makes it quadratic.
constexpr std::size_t k_similarity_budget = 32 * 1024 * 1024;
constexpr std::size_t k_similarity_text = 2048;
constexpr double k_min_similarity = 0.5;
constexpr std::size_t k_max_title_lines = 8;

constexpr string_view k_goal_word = "เป้าหมายที่";
constexpr string_view k_indicator_word = "ตัวชี้วัดที่";
constexpr string_view k_target_word = "ค่าเป้าหมาย";

// Drops the ":" of "**เป้าหมายที่ ๑ :** …" and the spaces around it.
string_view strip_colon(string_view s) {
  s = scan::trim(s);
  while (!s.empty() && (s.front() == ':' || s.front() == ' ')) s.remove_prefix(1);
  return s;
}

void append_text(std::string& to, string_view more) {
  if (more.empty()) return;
  if (!to.empty()) to.push_back(' ');
  to += more;
}

std::string thai_number(std::int64_t n) { return text::arabic_digits_to_thai(std::to_string(n)); }

measurable_target target_of(const scan::target_reading& reading) {
  measurable_target out;
  out.direction = reading.direction;
  for (const auto& m : reading.measures) out.measures.push_back({m.value, m.unit, m.comparator, {}});
  out.baseline = reading.baseline;
  out.base_year = reading.base_year;
  return out;
}

int small_int(string_view ascii_digits) {
  int value = 0;
  auto [end, ec] = std::from_chars(ascii_digits.data(), ascii_digits.data() + ascii_digits.size(), value);
  return ec == std::errc{} ? value : 0;
}

// Lines of the page header repeated on every page, which never carry content.
bool is_page_header_line(string_view t) {
  return t.starts_with("แผนปฏิบัติการ") || t.starts_with("ภายใต้การดำเนินงาน") || t.starts_with("ตามแผนแม่บท") ||
         !scan::standalone_province_name(t).empty();
}

struct indicator_ref {
  std::size_t goal;
  std::size_t indicator;
  friend bool operator==(const indicator_ref&, const indicator_ref&) = default;
};

struct project_ref {
  std::size_t project;  // in the table indicator's projects
};

struct activity_ref {
  std::size_t project;
  std::size_t activity;
};

// What the importer keeps about an activity until finish() parses it.
struct activity_extra {
  std::string agency_raw;     // cells with their <p> tags, which separate agencies
  bool shares_title = false;  // the project's own row: a title continued on the next page extends both
};

class importer {
 public:
  explicit importer(const plugin::plan_context& ctx) : ctx_(ctx) {}

  plugin::import_result run(string_view document);

 private:
  void detect_province_and_year(const std::vector<string_view>& lines);
  void text_line(string_view raw, int line);
  void table_line(string_view raw, int line);
  void check_line_provinces(string_view clean, int line);

  void goal_heading(string_view rest);
  void indicator_heading(string_view rest, int line);
  void target_statement(string_view text, int line);
  void assign_target(string_view text, int line);
  void apply_target(indicator_ref ref, string_view text, int line);
  void paragraph(string_view text, int line);
  void on_heading();
  void stop_waiting();

  std::size_t goal_index(int number);
  indicator_ref indicator_index(std::size_t goal, const std::string& number);
  void set_current_goal(std::size_t goal);
  void set_current_indicator(indicator_ref ref);
  void reset_table();

  void report_shift(const row_cells& row, const std::optional<activity_ref>& touched, int line);
  void check_line_years(string_view clean, int line);
  void ensure_table_indicator(int line);
  void work_item_cell(const row_cells& row);
  void join_fragments(row_cells& row, int line);
  void place_unnumbered_row(const row_cells& row, int line);
  void report_unplaced(string_view cell, int line, std::string_view where_th, std::string_view where_en);
  void report_total_cells(const row_cells& row, const total_row& t, int line);
  void start_work_item(std::string number, std::string text);
  void start_project(std::string number, std::string title);
  activity_ref add_activity(std::string number, std::string title, bool shares_title);
  void fill_activity(activity_ref ref, const row_cells& row);
  void continue_title(string_view more);
  void total(const total_row& t);

  void finish();
  void finish_activity(activity& a);
  void assign_agencies(activity& a, string_view cell) const;

  indicator& indicator_at(indicator_ref r) { return plan_.goals[r.goal].indicators[r.indicator]; }
  indicator& table_indicator() { return indicator_at(*table_indicator_); }
  project& project_at(project_ref r) { return table_indicator().projects[r.project]; }
  activity& activity_at(activity_ref r) { return project_at({r.project}).activities[r.activity]; }
  std::string indicator_path(indicator_ref r) const {
    return fmt::format("/goals/{}/indicators/{}", r.goal, r.indicator);
  }
  std::string activity_path(activity_ref r) const {
    return fmt::format("{}/projects/{}/activities/{}", indicator_path(*table_indicator_), r.project, r.activity);
  }
  activity_extra* extra_of(const activity& a);

  const plugin::plan_context& ctx_;
  plan plan_;
  finding_list findings_;

  std::string province_code_;  // as detected, or the context's when the document names none
  std::string province_th_;
  int fiscal_year_ = 0;

  std::map<int, std::size_t> goals_by_number_;
  std::unordered_map<std::string, indicator_ref> indicators_by_number_;
  int next_goal_id_ = 1;
  int next_indicator_id_ = 1;
  int next_work_item_id_ = 1;
  int next_project_id_ = 1;
  std::vector<activity_extra> extras_;  // activity "a-<n>" has extras_[n - 1]

  enum class title_state { before, reading, done };
  title_state title_state_ = title_state::before;
  std::vector<std::string> title_lines_;
  narrative_reader narrative_;  // the paragraphs before the first goal

  std::optional<std::size_t> goal_;
  std::optional<indicator_ref> indicator_;
  // Indicator headings since the last table row: a table under several of
  // them serves them all (seed 000 lines 196–204, goal 2).
  std::vector<indicator_ref> block_;
  // Indicator headings since the last target statement: the summary pages
  // list all indicators, then all targets (seed 000 lines 41–95).
  std::vector<indicator_ref> pending_targets_;
  bool after_target_ = false;
  std::optional<std::size_t> awaiting_goal_title_;
  std::optional<indicator_ref> awaiting_indicator_text_;
  bool awaiting_target_ = false;
  std::optional<indicator_ref> awaiting_target_for_;
  std::size_t similarity_budget_ = k_similarity_budget;

  header_layout layout_;
  std::optional<indicator_ref> table_indicator_;
  std::optional<std::size_t> work_item_;
  // The project new activity rows join (an unnumbered row may join an
  // earlier one, see place_unnumbered_row).
  std::optional<project_ref> project_;
  std::optional<activity_ref> activity_;  // the row a continued cell belongs to
  // A header row repeated since the last data row: the next row is the first
  // of a page, where a cell cut at the foot of the previous page goes on.
  bool after_page_break_ = false;
};

plugin::import_result importer::run(string_view document) {
  plugin::import_result result;
  try {
    if (document.size() > k_max_document_bytes) {
      findings_.warning(
          "", "document_truncated", fmt::format("เอกสารยาวเกิน {} ไบต์ อ่านเฉพาะส่วนต้น", thai_number(k_max_document_bytes)),
          fmt::format("the document is longer than {} bytes; only its beginning was read", k_max_document_bytes));
      document = document.substr(0, k_max_document_bytes);
    }
    std::vector<string_view> lines;
    for (std::size_t start = 0; start <= document.size();) {
      auto end = document.find('\n', start);
      if (end == string_view::npos) end = document.size();
      auto line = document.substr(start, end - start);
      if (line.ends_with('\r')) line.remove_suffix(1);
      lines.push_back(line);
      start = end + 1;
    }
    detect_province_and_year(lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      int line = int(std::min<std::size_t>(i + 1, std::size_t(std::numeric_limits<int>::max())));
      if (lines[i].find('\t') != string_view::npos)
        table_line(lines[i], line);
      else
        text_line(lines[i], line);
    }
    finish();
  } catch (const std::exception& e) {
    // Nothing above throws on purpose; whatever did, the user gets what was read.
    findings_.error("", "import_failed", fmt::format("นำเข้าเอกสารไม่สำเร็จทั้งหมด: {}", e.what()),
                    fmt::format("the document could not be fully imported: {}", e.what()));
  }
  try {
    plan_.narrative = std::move(narrative_.result());
    result.content = to_json(plan_);
    plugin::plan_context checked = ctx_;
    if (checked.province_code.empty()) checked.province_code = province_code_;
    if (checked.fiscal_year == 0) checked.fiscal_year = fiscal_year_;
    findings_.append(validate_content(result.content, checked));
  } catch (const std::exception&) {
    result.content = {};
  }
  result.title = plan_.title;
  result.province_code = province_code_;
  result.fiscal_year = fiscal_year_;
  result.findings = std::move(findings_).take();
  return result;
}

void importer::detect_province_and_year(const std::vector<string_view>& lines) {
  // The plan's province is the one its title and page headers name most often
  // (seed 000: นราธิวาส six times, นครราชสีมา on two stray page headers).
  struct tally {
    int count = 0;
    std::size_t first = 0;
  };
  std::map<std::string, tally> provinces;
  std::map<int, tally> years;
  std::map<int, tally> table_years;
  std::size_t order = 0;
  auto count = [&](auto& map, const auto& key) {
    auto& t = map[key];
    if (t.count++ == 0) t.first = order++;
  };
  for (auto raw : lines) {
    bool table = raw.find('\t') != string_view::npos;
    auto t = text::clean_cell(raw);
    if (t.empty()) continue;
    for (auto at = scan::find_fiscal_year(t, 0); at; at = scan::find_fiscal_year(t, at->end)) {
      count(table ? table_years : years, at->year);
    }
    if (table) continue;
    if (!ctx_.provinces.empty()) {
      for (const auto& m : scan::find_province_mentions(t, ctx_.provinces))
        count(provinces, ctx_.provinces[m.province].name_th);
    } else if (auto name = scan::standalone_province_name(t); !name.empty()) {
      count(provinces, name);
    }
  }
  auto best = [](const auto& map) {
    auto chosen = map.end();
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (chosen == map.end() || it->second.count > chosen->second.count ||
          (it->second.count == chosen->second.count && it->second.first < chosen->second.first)) {
        chosen = it;
      }
    }
    return chosen;
  };
  if (auto it = best(provinces); it != provinces.end()) {
    province_th_ = it->first;
    for (const auto& p : ctx_.provinces) {
      if (p.name_th == province_th_) province_code_ = p.code;
    }
  } else if (const auto* p = ctx_.province_code.empty() ? nullptr : ctx_.province()) {
    province_code_ = p->code;
    province_th_ = p->name_th;
  }
  if (auto it = best(years); it != years.end())
    fiscal_year_ = it->first;
  else if (auto table_it = best(table_years); table_it != table_years.end())
    fiscal_year_ = table_it->first;
  else
    fiscal_year_ = ctx_.fiscal_year;
}

void importer::check_line_provinces(string_view clean, int line) {
  // The national template's blank, "จังหวัด..." (seed 000:12), left unfilled.
  for (auto at = clean.find("จังหวัด"); at != string_view::npos; at = clean.find("จังหวัด", at + 1)) {
    auto after = clean.substr(at + string_view("จังหวัด").size());
    if (after.starts_with("..") || after.starts_with("…")) {
      findings_.warning("", "placeholder_text",
                        fmt::format("บรรทัด {}: ยังไม่ได้กรอกชื่อจังหวัดในข้อความ \"จังหวัด...\" ของแบบฟอร์ม", thai_number(line)),
                        fmt::format("line {}: the template's blank \"จังหวัด...\" was left unfilled", line));
      break;
    }
  }
  if (province_th_.empty()) return;
  std::string own_en = province_th_;
  for (const auto& p : ctx_.provinces) {
    if (p.name_th == province_th_) own_en = p.name_en;
  }
  auto report = [&](const std::string& name_th, const std::string& name_en) {
    findings_.error(
        "", "other_province",
        fmt::format("บรรทัด {} ของเอกสารระบุจังหวัด{} แต่แผนนี้เป็นของจังหวัด{}", thai_number(line), name_th, province_th_),
        fmt::format("line {} of the document names {} (จังหวัด{}) but the plan is for {}", line, name_en, name_th,
                    own_en));
  };
  if (!ctx_.provinces.empty()) {
    for (const auto& m : scan::find_province_mentions(clean, ctx_.provinces)) {
      const auto& p = ctx_.provinces[m.province];
      if (p.name_th == province_th_) continue;
      report(p.name_th, p.name_en);
      return;  // one finding per line
    }
  } else if (auto name = scan::standalone_province_name(clean); !name.empty() && name != province_th_) {
    report(name, name);
  }
}

void importer::check_line_years(string_view clean, int line) {
  // Lines the content keeps (titles, headings, targets) are checked by
  // validate() with a JSON Pointer; these are the page headers and the
  // narrative, where a year copied from last year's plan would go unseen.
  if (fiscal_year_ == 0) return;
  for (auto at = scan::find_year_mention(clean, 0); at; at = scan::find_year_mention(clean, at->end)) {
    if (at->year == fiscal_year_) continue;
    auto phrase = excerpt(clean.substr(at->start, at->end - at->start));
    findings_.warning("", "year_outside_fiscal_year",
                      fmt::format("บรรทัด {}: ข้อความระบุ \"{}\" (ปี {}) ซึ่งไม่ใช่ปีงบประมาณของแผน ({})", thai_number(line),
                                  phrase, thai_number(at->year), thai_number(fiscal_year_)),
                      fmt::format("line {} states the year {} (\"{}\"), not the plan's fiscal year {}", line, at->year,
                                  phrase, fiscal_year_));
    return;  // one finding per line
  }
}

void importer::text_line(string_view raw, int line) {
  auto t = text::clean_cell(raw);
  if (t.empty()) {
    if (title_state_ == title_state::reading) title_state_ = title_state::done;
    return;
  }
  check_line_provinces(t, line);
  string_view s = t;

  bool heading = s.starts_with(k_goal_word) || s.starts_with(k_indicator_word) || s.starts_with(k_target_word);
  if (title_state_ == title_state::before && s.starts_with("แผนปฏิบัติการ")) {
    title_state_ = title_state::reading;
    title_lines_.push_back(t);
    return;
  }
  if (title_state_ == title_state::reading) {
    if (!heading && title_lines_.size() < k_max_title_lines) {
      title_lines_.push_back(t);
      return;
    }
    title_state_ = title_state::done;
  }

  if (s.starts_with(k_goal_word)) return goal_heading(s.substr(k_goal_word.size()));
  if (s.starts_with(k_indicator_word)) return indicator_heading(s.substr(k_indicator_word.size()), line);
  if (auto dotted = scan::read_dotted_number(s);
      dotted && dotted->components >= 2 && dotted->length < s.size() && s[dotted->length] == ' ') {
    // "๒.๒.๑ จำนวนข้อร้องเรียน… **ค่าเป้าหมาย :** …" (seed 000:200) has no "ตัวชี้วัดที่".
    return indicator_heading(s, line);
  }
  if (s.starts_with(k_target_word)) return target_statement(strip_colon(s.substr(k_target_word.size())), line);
  if (is_page_header_line(s)) {
    // The plan headings before the first goal name the plans this one
    // serves (seed 000 lines 24–30); later they head the pages.
    if (plan_.goals.empty() && linked_plan_in(s)) narrative_.take(s);
    return check_line_years(s, line);
  }
  paragraph(s, line);
}

void importer::stop_waiting() {
  awaiting_goal_title_.reset();
  awaiting_indicator_text_.reset();
  awaiting_target_ = false;
  awaiting_target_for_.reset();
}

void importer::on_heading() {
  stop_waiting();
  if (after_target_) {
    pending_targets_.clear();
    after_target_ = false;
  }
}

std::size_t importer::goal_index(int number) {
  if (auto it = goals_by_number_.find(number); it != goals_by_number_.end()) return it->second;
  goal g;
  g.id = fmt::format("g-{}", next_goal_id_++);
  g.number = number;
  plan_.goals.push_back(std::move(g));
  goals_by_number_.emplace(number, plan_.goals.size() - 1);
  return plan_.goals.size() - 1;
}

indicator_ref importer::indicator_index(std::size_t goal, const std::string& number) {
  if (auto it = indicators_by_number_.find(number); it != indicators_by_number_.end()) return it->second;
  indicator ind;
  ind.id = fmt::format("i-{}", next_indicator_id_++);
  ind.number = number;
  auto& list = plan_.goals[goal].indicators;
  list.push_back(std::move(ind));
  indicator_ref ref{goal, list.size() - 1};
  if (!number.empty()) indicators_by_number_.emplace(number, ref);
  return ref;
}

void importer::set_current_goal(std::size_t goal) {
  if (goal_ == goal) return;
  goal_ = goal;
  indicator_.reset();
  block_.clear();
  reset_table();
}

void importer::set_current_indicator(indicator_ref ref) {
  // A heading repeated on the next page keeps the table going.
  if (!indicator_ || !(*indicator_ == ref)) {
    indicator_ = ref;
    reset_table();
  }
  if (!block_.empty() && block_.front().goal != ref.goal) block_.clear();
  if (block_.size() < k_max_block && (block_.empty() || !(block_.back() == ref))) block_.push_back(ref);
}

void importer::reset_table() {
  table_indicator_.reset();
  work_item_.reset();
  project_.reset();
  activity_.reset();
  after_page_break_ = false;
}

void importer::goal_heading(string_view rest) {
  rest = scan::trim(rest);
  auto number = scan::read_dotted_number(rest);
  if (!number || number->components != 1) return;
  int n = small_int(number->number);
  if (n < 1) return;
  auto title = strip_colon(rest.substr(number->length));
  on_heading();
  auto g = goal_index(n);
  auto& goal = plan_.goals[g];
  if (goal.title.empty()) {
    goal.title = std::string(title);
    if (title.empty()) awaiting_goal_title_ = g;
  }
  set_current_goal(g);
}

void importer::indicator_heading(string_view rest, int line) {
  rest = scan::trim(rest);
  auto number = scan::read_dotted_number(rest);
  if (!number) return;
  int goal_number = small_int(string_view(number->number).substr(0, number->number.find('.')));
  if (goal_number < 1) return;
  auto text = strip_colon(rest.substr(number->length));
  std::optional<string_view> inline_target;
  if (auto at = text.find(k_target_word); at != string_view::npos) {
    inline_target = strip_colon(text.substr(at + k_target_word.size()));
    text = scan::trim(text.substr(0, at));
  }
  on_heading();
  auto g = goal_index(goal_number);
  auto ref = indicator_index(g, number->number);
  auto& ind = indicator_at(ref);
  if (ind.text.empty()) {
    ind.text = std::string(text);
    if (text.empty()) awaiting_indicator_text_ = ref;
  }
  if (pending_targets_.size() < k_max_block) pending_targets_.push_back(ref);
  set_current_goal(g);
  set_current_indicator(ref);
  if (inline_target) {
    if (inline_target->empty()) {
      awaiting_target_ = true;
      awaiting_target_for_ = ref;
    } else {
      apply_target(ref, *inline_target, line);
      after_target_ = true;
    }
  }
}

void importer::target_statement(string_view text, int line) {
  stop_waiting();
  if (text.empty()) {
    awaiting_target_ = true;  // "ค่าเป้าหมาย" alone, the statement on the next paragraph
    return;
  }
  assign_target(text, line);
}

void importer::assign_target(string_view text, int line) {
  after_target_ = true;
  std::optional<indicator_ref> chosen;
  if (pending_targets_.size() >= 2) {
    // Several headings, then targets: each target goes to the indicator
    // whose words it repeats ("ปี ๒๕๖๖ เด็กและเยาวชนไทย … ร้อยละ ๘๐").
    double best = k_min_similarity;
    auto target = text.substr(0, k_similarity_text);
    for (const auto& ref : pending_targets_) {
      const auto& ind = indicator_at(ref);
      if (!ind.target_text.empty()) continue;
      auto words = string_view(ind.text).substr(0, k_similarity_text);
      if (similarity_budget_ < words.size() + target.size()) break;
      similarity_budget_ -= words.size() + target.size();
      if (double score = scan::similarity(words, target); score >= best) {
        if (!chosen || score > best) chosen = ref;
        best = score;
      }
    }
    bool all_have_targets = true;
    for (const auto& ref : pending_targets_)
      all_have_targets = all_have_targets && !indicator_at(ref).target_text.empty();
    if (!chosen && all_have_targets) chosen = indicator_;
  } else {
    chosen = indicator_;
  }
  if (!chosen) {
    findings_.warning(
        "", "unmatched_target",
        fmt::format("บรรทัด {}: ไม่ทราบว่าค่าเป้าหมาย \"{}\" เป็นของตัวชี้วัดใด", thai_number(line), excerpt(text)),
        fmt::format("line {}: the target \"{}\" could not be matched to an indicator", line, excerpt(text)));
    return;
  }
  apply_target(*chosen, text, line);
}

void importer::apply_target(indicator_ref ref, string_view text, int line) {
  auto& ind = indicator_at(ref);
  auto target = target_of(scan::read_target(text));
  if (ind.target_text.empty()) {
    ind.target_text = std::string(text);
    if (!target.measures.empty() && !target.measures.front().unit.empty()) ind.unit = target.measures.front().unit;
    ind.target = std::move(target);
    return;
  }
  // The summary pages and the indicator's own page both state the target;
  // they should agree.
  if (first_value(ind.target) == first_value(target)) return;
  findings_.warning(indicator_path(ref) + "/target_text", "conflicting_target",
                    fmt::format("บรรทัด {}: ค่าเป้าหมาย \"{}\" ต่างจากที่ระบุไว้ก่อนหน้า \"{}\" (ใช้ค่าแรก)", thai_number(line),
                                excerpt(text), excerpt(ind.target_text)),
                    fmt::format("line {}: the target \"{}\" differs from the one stated before, \"{}\" (kept)", line,
                                excerpt(text), excerpt(ind.target_text)));
}

void importer::paragraph(string_view text, int line) {
  if (awaiting_goal_title_) {
    plan_.goals[*awaiting_goal_title_].title = std::string(text);
  } else if (awaiting_indicator_text_) {
    indicator_at(*awaiting_indicator_text_).text = std::string(text);
  } else if (awaiting_target_) {
    auto target_for = awaiting_target_for_;
    stop_waiting();
    if (target_for) {
      apply_target(*target_for, text, line);
      after_target_ = true;
    } else {
      assign_target(text, line);
    }
    return;
  } else {
    // Narrative the content keeps is not validated for years either.
    check_line_years(text, line);
    // What neither the narrative nor the tables keep is listed, so that
    // nothing of the document is lost without the officer knowing.
    if (!(plan_.goals.empty() && narrative_.take(text))) {
      report_unplaced(text, line, "ย่อหน้านอกตาราง", "a paragraph outside the tables");
    }
  }
  stop_waiting();
}

void importer::table_line(string_view raw, int line) {
  stop_waiting();
  if (title_state_ == title_state::reading) title_state_ = title_state::done;
  if (auto layout = read_header_layout(raw)) {
    layout_ = *layout;  // repeated after every page break: the table goes on
    after_page_break_ = true;
    return;
  }
  auto row = map_row(split_cells(raw), layout_);
  if (row.empty()) return;
  bool first_on_page = std::exchange(after_page_break_, false);
  for (const auto& cell : row.extra_texts) {
    report_unplaced(cell, line, "ช่องที่ไม่มีหัวตาราง", "a cell outside the table's columns");
  }
  if (auto t = read_total_row(row)) {
    report_total_cells(row, *t, line);
    return total(*t);
  }

  bool shifted = repair_left_shift(row);
  ensure_table_indicator(line);
  block_.clear();
  work_item_cell(row);
  if (first_on_page) join_fragments(row, line);

  const auto& title = row.text(column::title);
  bool has_data = !row.text(column::method).empty() || !row.text(column::indicator).empty() ||
                  !row.text(column::budget).empty() || !row.text(column::period).empty() ||
                  !row.text(column::agency).empty();
  std::optional<activity_ref> touched;
  if (title.empty()) {
    if (has_data) {
      if (activity_) {
        touched = activity_;  // the cells of the previous row, continued on the next page
      } else if (project_ && project_at(*project_).activities.empty()) {
        auto& p = project_at(*project_);
        touched = add_activity(p.number, p.title, true);
      } else {
        start_project("", "");
        touched = add_activity("", "", true);
      }
      fill_activity(*touched, row);
    }
  } else {
    auto numbered = scan::split_item_number(title);
    bool project_word = numbered.rest.starts_with("โครงการ");
    if (!has_data) {
      if (!numbered.number.empty() || project_word) {
        start_project(numbered.number, numbered.rest);  // a heading row; its activities follow
      } else if (activity_ && !numbered.rest.starts_with("กิจกรรม")) {
        continue_title(title);  // seed 000:142, the end of 139's title
        touched = activity_;
      } else if (project_) {
        touched = add_activity("", numbered.rest, false);
      } else {
        start_project("", numbered.rest);
      }
    } else {
      // Numbers restart and budgeted rows go unnumbered (seed 000:165, 124),
      // so a number or the word โครงการ starts a project and any other title
      // is one more activity of the current project.
      if (!numbered.number.empty() || project_word || !project_) {
        start_project(numbered.number, numbered.rest);
        touched = add_activity(numbered.number, numbered.rest, true);
      } else {
        place_unnumbered_row(row, line);
        touched = add_activity("", numbered.rest, false);
      }
      fill_activity(*touched, row);
    }
  }

  if (shifted) report_shift(row, touched, line);
}

void importer::report_shift(const row_cells& row, const std::optional<activity_ref>& touched, int line) {
  // The content is already right, so this is a warning: what is left to do is
  // to check the move and correct the source document. It says what moved
  // where, as the officer compares it with the printed row.
  std::string moved_th;
  std::string moved_en;
  for (std::size_t c = 1; c < k_columns; ++c) {
    if (row.clean[c].empty()) continue;
    auto from = static_cast<column>(c - 1);
    auto to = static_cast<column>(c);
    auto cell = excerpt(row.clean[c], 60);
    moved_th += fmt::format("{}\"{}\" จากช่อง{}ไปช่อง{}", moved_th.empty() ? "" : "; ", cell, column_title_th(from),
                            column_title_th(to));
    moved_en += fmt::format("{}\"{}\" from {} to {}", moved_en.empty() ? "" : "; ", cell, column_title_en(from),
                            column_title_en(to));
  }
  findings_.warning(touched ? activity_path(*touched) : std::string(), "column_shift",
                    fmt::format("บรรทัด {}: ข้อมูลในแถวเลื่อนไปทางซ้ายหนึ่งช่อง ระบบย้ายกลับตามหัวตารางแล้ว ({}) "
                                "โปรดตรวจสอบและแก้ไขต้นฉบับ",
                                thai_number(line), moved_th),
                    fmt::format("line {}: the row's cells sat one column left of their headers and were moved back "
                                "({}); check the move and correct the source document",
                                line, moved_en));
}

void importer::ensure_table_indicator(int line) {
  if (table_indicator_) return;
  if (!block_.empty()) {
    auto first = block_.front();
    table_indicator_ = first;
    std::string id = indicator_at(first).id;
    for (std::size_t k = 1; k < block_.size(); ++k) {
      auto& other = indicator_at(block_[k]);
      if (block_[k] == first || block_[k].goal != first.goal) continue;
      if (other.key_work_items.empty() && other.projects.empty() && other.served_by.empty()) other.served_by = id;
    }
  } else if (indicator_) {
    table_indicator_ = indicator_;
  } else {
    // Rows before any indicator heading: kept under an unnumbered indicator,
    // which validation reports, rather than dropped.
    auto g = goal_ ? *goal_ : goal_index(goals_by_number_.empty() ? 1 : goals_by_number_.rbegin()->first);
    goal_ = g;
    auto ref = indicator_index(g, "");
    indicator_ = ref;
    table_indicator_ = ref;
    findings_.warning(indicator_path(ref), "rows_without_indicator",
                      fmt::format("บรรทัด {}: ตารางกิจกรรมไม่มีหัวข้อตัวชี้วัดนำหน้า", thai_number(line)),
                      fmt::format("line {}: the activity table comes before any indicator heading", line));
  }
  work_item_.reset();
  project_.reset();
  activity_.reset();
  after_page_break_ = false;
}

void importer::start_work_item(std::string number, std::string text) {
  auto& items = table_indicator().key_work_items;
  key_work_item item;
  item.id = fmt::format("w-{}", next_work_item_id_++);
  item.number = std::move(number);
  item.text = std::move(text);
  items.push_back(std::move(item));
  work_item_ = items.size() - 1;
}

void importer::work_item_cell(const row_cells& row) {
  if (row.text(column::work_item).empty()) return;
  for (auto& piece : scan::split_numbered_pieces(row.raw_text(column::work_item))) {
    auto numbered = scan::split_item_number(piece);
    if (!numbered.number.empty() || !work_item_) {
      start_work_item(std::move(numbered.number), std::move(numbered.rest));
    } else {
      // The item's text continued on the next page (seed 000:129, 171).
      append_text(table_indicator().key_work_items[*work_item_].text, piece);
    }
  }
}

void importer::join_fragments(row_cells& row, int line) {
  // Seed 000 line 133: the first row of a page starts a new activity, yet
  // its method cell opens with the end of the previous page's last method
  // ("…เป็นเครือข่ายจับ" | "ตามองและแจ้งเบาะแส (Watch & Voice) ให้กับสำนักงาน
  // ป.ป.ช."). The word processor put the cut cell's remainder in the next
  // row. Such a fragment is the cell's first paragraph, when the cell has
  // more than one and the first is neither numbered nor a bullet; it is
  // joined to the previous activity's cell and reported for a check.
  if (!activity_ || row.text(column::title).empty()) return;
  for (auto c : {column::method, column::indicator}) {
    auto index = static_cast<std::size_t>(c);
    auto paragraphs = scan::split_paragraphs(row.raw[index]);
    if (paragraphs.size() < 2) continue;
    const auto& first = paragraphs.front();
    if (!scan::split_item_number(first).number.empty() || first.starts_with("-") || first.starts_with("•") ||
        first.starts_with("๑)") || first.starts_with("1)")) {
      continue;
    }
    auto& previous = activity_at(*activity_);
    auto& field = c == column::method ? previous.method : previous.indicator_text;
    if (field.empty()) continue;
    // The halves of a word cut at the page break join without a space.
    field += first;
    std::string rest;
    for (std::size_t k = 1; k < paragraphs.size(); ++k) append_text(rest, paragraphs[k]);
    row.clean[index] = std::move(rest);
    row.raw[index] = row.clean[index];
    findings_.warning(
        activity_path(*activity_) + (c == column::method ? "/method" : "/indicator_text"), "fragment_joined",
        fmt::format("บรรทัด {}: ข้อความต้นช่อง{} \"{}\" เป็นส่วนท้ายของช่องเดียวกันในแถวก่อนขึ้นหน้าใหม่ "
                    "ระบบต่อท้ายให้กิจกรรม \"{}\" แล้ว โปรดตรวจสอบกับต้นฉบับ",
                    thai_number(line), column_title_th(c), excerpt(first, 80), excerpt(previous.title, 80)),
        fmt::format("line {}: the {} cell opens with \"{}\", the end of the same cell of the row before the page "
                    "break; it was joined to the activity \"{}\"; check it against the source",
                    line, column_title_en(c), excerpt(first, 80), excerpt(previous.title, 80)));
  }
}

void importer::place_unnumbered_row(const row_cells& row, int line) {
  // An unnumbered row with data is one more activity of the current project
  // when that project is a heading row (seed 000:123–134, 165–167). After a
  // project stated whole on one row (its own budget and agencies), the row
  // is not its by position: seed 000 line 186 ("กิจกรรมตรวจประเมิน ITA
  // ไตรมาสที่ ๑ - ไตรมาสที่ ๔", สำนักงานสาธารณสุขจังหวัด) follows ๑๖ (OIT,
  // สำนักงานจังหวัด) but is the quarterly MOIT assessment of ๑๔ ("อบรมผู้ตรวจ
  // ประเมิน … (MOIT) … ตรวจสอบประเมินทุก ๔ ไตรมาส", the same agency), and the
  // document's count of 18 projects does not count it. It joins the project
  // of the table that shares one of its agencies and most of its text.
  if (!project_) return;
  auto& current = project_at(*project_);
  if (current.activities.size() != 1) return;
  const auto* own = extra_of(current.activities.front());
  if (!own || !own->shares_title) return;

  auto normalise = [](string_view agency) {
    auto s = scan::without_spaces(agency);
    while (s.starts_with("-")) s.erase(0, 1);
    return s;
  };
  std::vector<std::string> agencies;
  auto own_agencies = string_view(row.raw_text(column::agency)).substr(0, k_similarity_text);
  for (const auto& a : scan::split_agencies(own_agencies)) agencies.push_back(normalise(a));
  if (agencies.empty()) return;
  std::string text = row.text(column::title);
  append_text(text, row.text(column::method));
  auto probe = string_view(text).substr(0, k_similarity_text);

  // The nearest k_max_block projects of the table are candidates, and the
  // bytes compared count against the document's similarity budget: a
  // document of thousands of such rows stays linear.
  auto& projects = table_indicator().projects;
  std::optional<std::size_t> best;
  double best_score = 0;
  std::size_t stop = projects.size() > k_max_block ? projects.size() - k_max_block : 0;
  for (std::size_t k = projects.size(); k-- > stop;) {
    const auto& p = projects[k];
    bool shares_agency = false;
    std::string words = p.title;
    for (const auto& a : p.activities) {
      if (words.size() < 4 * k_similarity_text) {
        append_text(words, a.title);
        append_text(words, a.method);
      }
      const auto* extra = extra_of(a);
      if (!extra || shares_agency) continue;
      auto raw = string_view(extra->agency_raw).substr(0, k_similarity_text);
      if (similarity_budget_ < raw.size()) return;
      similarity_budget_ -= raw.size();
      for (const auto& name : scan::split_agencies(raw)) {
        if (std::find(agencies.begin(), agencies.end(), normalise(name)) != agencies.end()) shares_agency = true;
      }
    }
    if (!shares_agency) continue;
    auto against = string_view(words).substr(0, 4 * k_similarity_text);
    if (similarity_budget_ < probe.size() + against.size()) break;
    similarity_budget_ -= probe.size() + against.size();
    if (double score = scan::similarity(probe, against); score > best_score) {
      best_score = score;
      best = k;
    }
  }
  if (!best || *best == project_->project) return;
  const auto& to = projects[*best];
  project_ = project_ref{*best};
  std::string number_th = to.number.empty() ? std::string() : " " + text::arabic_digits_to_thai(to.number);
  findings_.warning(
      fmt::format("{}/projects/{}", indicator_path(*table_indicator_), *best), "row_placed_by_content",
      fmt::format("บรรทัด {}: แถว \"{}\" ไม่มีลำดับและอยู่ต่อจากโครงการ/กิจกรรม \"{}\" ซึ่งจบในแถวเดียว "
                  "ระบบจัดไว้ใต้โครงการ/กิจกรรม{} \"{}\" ซึ่งมีหน่วยงานเดียวกันและเนื้อความใกล้เคียงที่สุด "
                  "โปรดตรวจสอบกับต้นฉบับ",
                  thai_number(line), excerpt(row.text(column::title), 80), excerpt(current.title, 80), number_th,
                  excerpt(to.title, 80)),
      fmt::format("line {}: the unnumbered row \"{}\" follows \"{}\", a project stated on one row; it was "
                  "placed under project{} \"{}\", which shares its agency and most of its text; check it against "
                  "the source",
                  line, excerpt(row.text(column::title), 80), excerpt(current.title, 80),
                  to.number.empty() ? std::string() : " " + to.number, excerpt(to.title, 80)));
}

void importer::report_unplaced(string_view cell, int line, std::string_view where_th, std::string_view where_en) {
  findings_.warning(
      "", "unplaced_cell",
      fmt::format("บรรทัด {}: ข้อความใน{}ไม่ได้นำเข้า: \"{}\"", thai_number(line), where_th, excerpt(cell, 200)),
      fmt::format("line {}: {} was not imported: \"{}\"", line, where_en, excerpt(cell, 200)));
}

void importer::report_total_cells(const row_cells& row, const total_row& t, int line) {
  // A totals row keeps its label (the counts) and its last cell (the amount);
  // any other text in it has no place in the model.
  std::size_t first = 0;
  while (first < k_columns && row.clean[first].empty()) ++first;
  std::size_t last = k_columns;
  for (std::size_t c = k_columns; c-- > first + 1;) {
    if (!row.clean[c].empty()) {
      last = c;
      break;
    }
  }
  for (std::size_t c = first + 1; c < k_columns; ++c) {
    if (row.clean[c].empty() || (c == last && t.budget_satang)) continue;
    report_unplaced(row.clean[c], line, fmt::format("ช่อง{}ของแถวยอดรวม", column_title_th(static_cast<column>(c))),
                    fmt::format("the {} cell of a totals row", column_title_en(static_cast<column>(c))));
  }
}

void importer::start_project(std::string number, std::string title) {
  // The project's key work items are set in finish(): the work-item column
  // is one merged cell beside all of the table's projects.
  auto& projects = table_indicator().projects;
  project p;
  p.id = fmt::format("p-{}", next_project_id_++);
  p.number = std::move(number);
  p.title = std::move(title);
  projects.push_back(std::move(p));
  project_ = project_ref{projects.size() - 1};
  activity_.reset();
}

activity_ref importer::add_activity(std::string number, std::string title, bool shares_title) {
  if (!project_) start_project(number, title);
  auto& activities = project_at(*project_).activities;
  activity a;
  a.id = fmt::format("a-{}", extras_.size() + 1);
  a.number = std::move(number);
  a.title = std::move(title);
  activities.push_back(std::move(a));
  extras_.push_back({{}, shares_title});
  activity_ = activity_ref{project_->project, activities.size() - 1};
  return *activity_;
}

void importer::fill_activity(activity_ref ref, const row_cells& row) {
  auto& a = activity_at(ref);
  append_text(a.method, row.text(column::method));
  append_text(a.indicator_text, row.text(column::indicator));
  append_text(a.budget.text, row.text(column::budget));
  append_text(a.period.text, row.text(column::period));
  if (auto* extra = extra_of(a); extra && !row.text(column::agency).empty()) {
    append_text(extra->agency_raw, row.raw_text(column::agency));
  }
}

void importer::continue_title(string_view more) {
  auto& a = activity_at(*activity_);
  append_text(a.title, more);
  if (auto* extra = extra_of(a); extra && extra->shares_title) {
    append_text(project_at({activity_->project}).title, more);
  }
}

void importer::total(const total_row& t) {
  std::optional<stated_totals>* into = &plan_.stated;
  if (!t.plan_level) {
    if (table_indicator_)
      into = &plan_.goals[table_indicator_->goal].stated;
    else if (goal_)
      into = &plan_.goals[*goal_].stated;
  }
  if (!*into) *into = stated_totals{};
  auto& s = **into;
  if (into == &plan_.stated && t.goals) s.goals = t.goals;
  if (t.projects) s.projects = t.projects;
  if (t.activities) s.activities = t.activities;
  if (t.budget_satang) s.budget_satang = t.budget_satang;
}

activity_extra* importer::extra_of(const activity& a) {
  string_view id = a.id;
  if (!id.starts_with("a-")) return nullptr;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(id.data() + 2, id.data() + id.size(), n);
  if (ec != std::errc{} || n == 0 || n > extras_.size()) return nullptr;
  return &extras_[n - 1];
}

void importer::finish() {
  if (title_lines_.empty()) {
    plan_.title = standard_title(fiscal_year_, province_th_);
  } else {
    for (const auto& line : title_lines_) append_text(plan_.title, line);
  }
  plan_.province = {province_code_, province_th_};
  plan_.fiscal_year = fiscal_year_ >= 2400 && fiscal_year_ <= 2799 ? fiscal_year_ : 0;
  for (auto& g : plan_.goals) {
    for (auto& ind : g.indicators) {
      if (ind.unit.empty()) {
        if (ind.text.starts_with("ร้อยละ"))
          ind.unit = "ร้อยละ";
        else if (ind.text.starts_with("จำนวน"))
          ind.unit = "จำนวน";
      }
      // The document lists an indicator's key work items in one merged cell
      // beside all of its projects (seed 000 lines 123–145: items ๑–๕ beside
      // projects ๒–๑๐), and states no finer link: each project serves every
      // item of its indicator. An editor may narrow the lists.
      for (auto& p : ind.projects) {
        if (p.key_work_items.empty()) {
          for (const auto& item : ind.key_work_items) p.key_work_items.push_back(item.id);
        }
        for (auto& a : p.activities) finish_activity(a);
      }
    }
  }
}

// The column names the lead agency first, then the ones that support it,
// one per line or several on a line; each is linked to the province's
// directory where it names an agency exactly or by its normalised spelling.
void importer::assign_agencies(activity& a, string_view cell) const {
  std::vector<plugin::agency_ref> refs;
  for (const auto& piece : scan::split_agencies(cell)) {
    for (auto& ref : plugin::agency_refs_of(piece, ctx_)) refs.push_back(std::move(ref));
  }
  a.main_agencies.clear();
  a.supporting_agencies.clear();
  for (auto& ref : refs) (a.main_agencies.empty() ? a.main_agencies : a.supporting_agencies).push_back(std::move(ref));
}

void importer::finish_activity(activity& a) {
  const auto& budget = a.budget.text;
  if (budget.empty()) {
    a.budget.kind = k_budget_unparsed;
  } else if (text::is_no_budget(budget)) {
    a.budget.kind = k_budget_none;
  } else if (auto satang = text::parse_baht(budget); satang && *satang <= k_max_baht * 100) {
    a.budget.kind = k_budget_amount;
    a.budget.satang = satang;
  } else {
    a.budget.kind = k_budget_unparsed;
  }

  std::optional<text::month_span> months;
  if (auto dated = text::parse_dated_period(a.period.text)) {
    // A period in another fiscal year keeps no months: validation reports it.
    if (fiscal_year_ == 0 ||
        (text::fiscal_year_of(dated->first) == fiscal_year_ && text::fiscal_year_of(dated->last) == fiscal_year_)) {
      months = text::fiscal_month_span(*dated);
    }
  } else {
    months = text::parse_period(a.period.text);
  }
  if (months) {
    a.period.first_month = months->first_month_index;
    a.period.last_month = months->last_month_index;
  }

  auto reading = scan::read_target(a.indicator_text);
  if (!reading.measures.empty()) {
    a.target_text = reading.text;
    a.target = target_of(reading);
  }
  if (const auto* extra = extra_of(a)) assign_agencies(a, extra->agency_raw);
}

}  // namespace

plugin::import_result import_plan(string_view document, const plugin::plan_context& ctx) {
  return importer(ctx).run(document);
}

}  // namespace planflow::plugins::anti_corruption
