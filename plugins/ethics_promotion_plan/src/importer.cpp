#include "importer.hpp"

#include "content_model.hpp"
#include "document_scan.hpp"
#include "findings.hpp"
#include "master_plan.hpp"
#include "narrative_scan.hpp"
#include "targets.hpp"
#include "text_util.hpp"
#include "validation.hpp"

#include <planflow/text/thai.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace planflow::plugins::ethics {

namespace {

constexpr std::size_t k_none = static_cast<std::size_t>(-1);

using cells = std::vector<std::string_view>;

std::string th(long long n) { return text::arabic_digits_to_thai(std::to_string(n)); }

std::string cell_text(const cells& row, std::size_t column) {
  return column < row.size() ? text::clean_cell(row[column]) : std::string();
}

std::string_view raw_cell(const cells& row, std::size_t column) {
  return column < row.size() ? row[column] : std::string_view();
}

std::string joined_all(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// Cells quoted in a message: enough to find them, not a copy of a hostile row.
std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  constexpr std::size_t k_shown = 20;
  std::string out;
  for (std::size_t k = 0; k < parts.size() && k < k_shown; ++k) {
    if (k > 0) out += separator;
    out += parts[k];
  }
  if (parts.size() > k_shown) out += fmt::format("{}… (+{})", separator, parts.size() - k_shown);
  return out;
}

std::string year_span_text(const std::vector<int>& years, bool thai) {
  if (years.empty()) return {};
  auto show = [&](int y) { return thai ? th(y) : std::to_string(y); };
  return years.size() == 1 ? show(years.front()) : show(years.front()) + "–" + show(years.back());
}

// --- Cells ---------------------------------------------------------------------

// Agencies of a cell: one per paragraph, numbered item or comma. The block
// tags are marked before clean_cell() turns them into spaces, because in a
// Thai cell a space does not separate names ("สำนักงาน จังหวัด นราธิวาส").
// More agencies than any plan names for one project; beyond it a hostile
// document would only cost time.
constexpr std::size_t k_max_agencies = 100;

void add_agency(std::vector<std::string>& list, std::string name) {
  if (list.size() >= k_max_agencies) return;
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(std::move(name));
}

std::vector<std::string> agencies_of(std::string_view raw) {
  constexpr char k_break = '\x1f';
  constexpr std::array<std::string_view, 8> k_block_tags = {"<p>", "<p ", "</p", "<br", "<li", "</li", "<div", "</div"};
  std::string marked;
  marked.reserve(raw.size());
  for (std::size_t p = 0; p < raw.size(); ++p) {
    if (raw[p] == '<') {
      std::string head;
      for (std::size_t q = p; q < raw.size() && q < p + 5; ++q) {
        head.push_back(static_cast<char>(raw[q] >= 'A' && raw[q] <= 'Z' ? raw[q] - 'A' + 'a' : raw[q]));
      }
      if (std::any_of(k_block_tags.begin(), k_block_tags.end(),
                      [&](std::string_view tag) { return head.starts_with(tag); })) {
        marked.push_back(k_break);
      }
    }
    marked.push_back(raw[p]);
  }
  const std::string cleaned = text::clean_cell(marked);
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cleaned.size() && out.size() < k_max_agencies) {
    std::size_t end = cleaned.find_first_of(std::string_view("\x1f,", 2), start);
    if (end == std::string::npos) end = cleaned.size();
    for (auto& item : split_numbered_items(trim_spaces(std::string_view(cleaned).substr(start, end - start)))) {
      if (item.empty() || text::is_no_budget(item)) continue;  // a lone dash: no agency
      add_agency(out, std::move(item));
    }
    start = end + 1;
  }
  return out;
}

// What is left of a budget cell once its amount is taken: the source, if the
// words name one ("งบประมาณ ๕๐,๐๐๐ บาท" names none; "(งบพัฒนาจังหวัด)" does).
std::string budget_source_of(std::string rest) {
  for (std::string_view word : {"บาท", "(", ")", ":", "/"}) rest = replace_all(rest, word, " ");
  rest = text::collapse_whitespace(rest);
  std::string_view left = rest;
  if (left.starts_with("จำนวน")) left = trim_spaces(left.substr(std::string_view("จำนวน").size()));
  return left == "งบประมาณ" ? std::string() : std::string(left);
}

// The budget cell ("งบประมาณ/แหล่งงบประมาณ"): an amount, "none", or text
// that cannot be read; a source beside the amount goes to `source`.
budget_info read_budget(const std::string& cleaned, std::string& source) {
  budget_info budget;
  budget.text = cleaned;
  if (cleaned.empty()) return budget;  // unparsed and empty: the document says nothing
  if (text::is_no_budget(cleaned)) {
    budget.kind = "none";
    return budget;
  }
  if (auto satang = text::parse_baht(cleaned)) {
    budget.kind = "amount";
    budget.satang = satang;
    return budget;
  }
  // An amount with its source: "๕๐,๐๐๐ บาท (งบจังหวัด)", "งบพัฒนาจังหวัด ๒๐,๐๐๐".
  struct run {
    std::size_t begin, end;
  };
  std::vector<run> runs;
  std::string_view s = cleaned;
  for (std::size_t p = 0; p < s.size();) {
    if (digit_at(s, p).length == 0) {
      ++p;
      continue;
    }
    std::size_t begin = p;
    while (p < s.size()) {
      if (auto d = digit_at(s, p); d.length != 0)
        p += d.length;
      else if ((s[p] == ',' || s[p] == '.') && digit_at(s, p + 1).length != 0)
        ++p;
      else
        break;
    }
    if (s.substr(p).starts_with(".-")) p += 2;
    runs.push_back({begin, p});
    if (runs.size() > 1) break;  // two amounts are already too many
  }
  const bool dash_first = s.starts_with("-") || s.starts_with("\u2013");
  if (runs.empty() && (dash_first || contains(s, "ไม่ใช้งบ") || contains(s, "ไม่มีงบ") || contains(s, "ไม่ได้ใช้งบ"))) {
    budget.kind = "none";
    if (dash_first) source = budget_source_of(std::string(s.substr(s.starts_with("-") ? 1 : 3)));
    return budget;
  }
  if (runs.size() != 1) return budget;  // none, or several amounts: which one?
  auto satang = text::parse_baht(s.substr(runs[0].begin, runs[0].end - runs[0].begin));
  if (!satang) return budget;
  budget.kind = "amount";
  budget.satang = satang;
  source = budget_source_of(std::string(s.substr(0, runs[0].begin)) + " " + std::string(s.substr(runs[0].end)));
  return budget;
}

// --- Tables --------------------------------------------------------------------

struct column_map {
  std::size_t goal = 0;
  std::size_t indicator = 1;
  std::size_t tactic = 2;
  std::size_t project = 3;
  std::size_t main_agency = 4;
  std::size_t supporting_agency = 5;
  std::size_t budget = 6;
  std::size_t unit = 7;
  std::size_t targets = 8;  ///< first target column
};

struct table_header {
  column_map columns;
  std::vector<std::pair<std::size_t, int>> years;  // (column, year) of the year headings, in order
  std::map<std::size_t, int> year_at;              // the same, by column
  std::set<int> heading_years;
  std::size_t label_column = k_none;  // "ประจำปีงบประมาณ พ.ศ." standing in a target column
  bool years_match_span = false;
  std::size_t line = 0;
};

bool is_header_row(const cells& row) {
  bool goal = false, indicator = false, targets = false;
  for (auto raw : row) {
    std::string c = without_spaces(text::clean_cell(raw));
    if (c.starts_with("ค่าเป้าหมาย"))
      targets = true;
    else if (c.starts_with("เป้าหมาย"))
      goal = true;
    else if (contains(c, "ตัวชี้วัด"))
      indicator = true;
  }
  return goal && indicator && targets;
}

column_map map_columns(const cells& header, const cells* sub) {
  std::optional<std::size_t> goal, indicator, tactic, project, agency, budget, unit, targets, main, supporting;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string c = without_spaces(text::clean_cell(header[i]));
    if (c.empty()) continue;
    if (!targets && c.starts_with("ค่าเป้าหมาย"))
      targets = i;
    else if (!goal && c.starts_with("เป้าหมาย"))
      goal = i;
    else if (!indicator && contains(c, "ตัวชี้วัด"))
      indicator = i;
    else if (!tactic && c.starts_with("กลยุทธ์"))
      tactic = i;
    else if (!project && (contains(c, "แผนการดำเนินงาน") || contains(c, "โครงการ") || contains(c, "กิจกรรม")))
      project = i;
    else if (!agency && contains(c, "หน่วยงาน"))
      agency = i;
    else if (!budget && contains(c, "งบ"))
      budget = i;
    else if (!unit && contains(c, "หน่วยนับ"))
      unit = i;
  }
  if (sub) {
    for (std::size_t i = 0; i < sub->size(); ++i) {
      std::string c = without_spaces(text::clean_cell((*sub)[i]));
      if (!main && c == "หลัก")
        main = i;
      else if (!supporting && c == "สนับสนุน")
        supporting = i;
    }
  }
  column_map m;
  if (!goal || !indicator || !targets) return m;
  m.goal = *goal;
  m.indicator = *indicator;
  m.tactic = tactic.value_or(m.indicator + 1);
  m.project = project.value_or(m.tactic + 1);
  m.main_agency = main.value_or(agency.value_or(m.project + 1));
  m.supporting_agency = supporting.value_or(m.main_agency + 1);
  m.budget = budget.value_or(m.supporting_agency + 1);
  m.unit = unit.value_or(m.budget + 1);
  m.targets = *targets;
  // A header that does not read as this plan's table is not trusted: the
  // usual layout is a better guess than columns that overlap.
  std::array<std::size_t, 8> text_columns{m.goal,        m.indicator,         m.tactic, m.project,
                                          m.main_agency, m.supporting_agency, m.budget, m.unit};
  std::set<std::size_t> distinct(text_columns.begin(), text_columns.end());
  bool before_targets = std::all_of(text_columns.begin(), text_columns.end(), [&](auto c) { return c < m.targets; });
  return distinct.size() == text_columns.size() && before_targets ? m : column_map{};
}

bool is_sub_header(const cells& row, const column_map& c) {
  for (auto col : {c.goal, c.indicator, c.tactic, c.project}) {
    if (!cell_text(row, col).empty()) return false;
  }
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::string t = without_spaces(text::clean_cell(row[i]));
    if (t == "หลัก" || t == "สนับสนุน") return true;
    if (i >= c.targets && (cell_year(t) || contains(t, "ปีงบประมาณ"))) return true;
  }
  return false;
}

// What reading one row of targets found, for the findings.
struct target_reading {
  target_series series;
  std::size_t values = 0;  // non-empty target cells
  std::optional<std::string> dropped_label;
  std::vector<std::string> dropped_extra;
  std::vector<std::pair<int, std::string>> header_copies;
  bool off_headings = false;  // values not under their year headings, read in order
};

target_reading read_targets(const cells& row, const table_header& header, const std::vector<int>& years,
                            std::string_view unit) {
  struct value_cell {
    std::size_t column;
    std::string text;
  };
  target_reading out;
  out.series = empty_series(years);
  std::vector<value_cell> cells_read;
  for (std::size_t col = header.columns.targets; col < row.size(); ++col) {
    std::string t = text::clean_cell(row[col]);
    if (!t.empty()) cells_read.push_back({col, std::move(t)});
  }
  out.values = cells_read.size();
  const std::size_t n = years.size();
  // More values than years: the one under the header's label is the stray
  // (seed 002: a sixth column under "ประจำปีงบประมาณ พ.ศ."); then the ones
  // under no year heading; then the last.
  if (cells_read.size() > n && header.label_column != k_none) {
    auto it = std::find_if(cells_read.begin(), cells_read.end(),
                           [&](const value_cell& v) { return v.column == header.label_column; });
    if (it != cells_read.end()) {
      out.dropped_label = it->text;
      cells_read.erase(it);
    }
  }
  auto is_year_column = [&](std::size_t column) { return header.year_at.count(column) != 0; };
  if (cells_read.size() > n) {
    std::size_t excess = cells_read.size() - n;
    std::vector<value_cell> kept;
    kept.reserve(n);
    for (auto& v : cells_read) {
      if (header.years_match_span && excess > 0 && !is_year_column(v.column)) {
        out.dropped_extra.push_back(std::move(v.text));
        --excess;
      } else {
        kept.push_back(std::move(v));
      }
    }
    for (std::size_t k = n; k < kept.size(); ++k) out.dropped_extra.push_back(std::move(kept[k].text));
    kept.resize(std::min(kept.size(), n));
    cells_read = std::move(kept);
  }
  const bool by_column =
      header.years_match_span &&
      std::all_of(cells_read.begin(), cells_read.end(), [&](const value_cell& v) { return is_year_column(v.column); });
  for (std::size_t k = 0; k < cells_read.size(); ++k) {
    std::size_t slot = k;
    if (by_column) {
      const int year = header.year_at.at(cells_read[k].column);
      auto at = std::find_if(out.series.years.begin(), out.series.years.end(),
                             [&](const auto& y) { return y.first == year; });
      slot = static_cast<std::size_t>(at - out.series.years.begin());
    }
    if (slot >= out.series.years.size()) continue;
    out.series.years[slot].second.text = std::move(cells_read[k].text);
  }
  out.off_headings = header.years_match_span && !by_column && !cells_read.empty();

  // The year headings copied into the data ("๒๕๖๖ ๒๕๖๗ …" as targets).
  for (auto& [year, target] : out.series.years) {
    if (target.text.empty()) continue;
    target.value = parse_target(target.text, unit);
    target.comparator = comparator_in(target.text);
    if (!target.value || std::trunc(*target.value) != *target.value) continue;
    const int v = static_cast<int>(std::clamp(*target.value, -1.0, 1e6));
    bool heading = std::find(years.begin(), years.end(), v) != years.end() || header.heading_years.count(v) != 0;
    if (heading) {
      out.header_copies.emplace_back(year, target.text);
      target.value.reset();
    }
  }
  return out;
}

// --- The reader ------------------------------------------------------------------

class plan_reader {
 public:
  explicit plan_reader(const plugin::plan_context& ctx) : ctx_(ctx) {}

  plugin::import_result read(std::string_view document_text);

 private:
  struct cursor {
    std::size_t s = k_none, g = k_none, i = k_none, t = k_none, p = k_none;
  };
  enum class owner_kind { none, indicator, project };
  struct owner_ref {  // what a row's unit and targets belong to
    owner_kind kind = owner_kind::none;
    cursor at;
  };
  struct pending_heading {
    strategy_heading heading;
    std::size_t line = 0;
    bool may_continue = true;  // the next text line may finish a wrapped title
  };

  void frame_from(const document_frame& frame);
  void on_text_line(std::string_view cleaned, std::size_t line);
  void start_table(const cells& header, const cells* sub, std::size_t line);
  void data_row(const cells& row, std::size_t line);
  void continuation_row(const cells& row, std::size_t line);
  void assign_targets(const cells& row, std::size_t line, const owner_ref& owner, std::string_view unit);

  std::size_t strategy_index(int number, std::string_view title);
  void add_goal(std::string text);
  void add_indicator(std::string text);
  void add_tactic(std::string text);
  void add_project(const std::string& cell, std::string_view main_raw, std::string_view supporting_raw,
                   const std::string& budget);
  void ensure_goal();
  void ensure_indicator();
  void ensure_tactic();

  strategy_node& strategy_at(const cursor& c) { return plan_.strategies[c.s]; }
  goal_node& goal_at(const cursor& c) { return strategy_at(c).goals[c.g]; }
  indicator_node& indicator_at(const cursor& c) { return goal_at(c).indicators[c.i]; }
  tactic_node& tactic_at(const cursor& c) { return indicator_at(c).tactics[c.t]; }
  project_node& project_at(const cursor& c) { return tactic_at(c).projects[c.p]; }
  std::string owner_pointer(const owner_ref& owner) const;
  target_series& owner_series(const owner_ref& owner);
  std::string& owner_unit(const owner_ref& owner);
  std::string current_pointer() const;

  const plugin::plan_context& ctx_;
  finding_list findings_;
  plan_node plan_;
  std::vector<int> span_years_;
  table_header header_;
  bool in_table_ = false;
  bool any_table_ = false;
  cursor at_;
  owner_ref last_owner_;
  std::optional<pending_heading> heading_;
  std::set<std::string> reported_titles_;
};

void plan_reader::frame_from(const document_frame& frame) {
  if (frame.province) {
    plan_.province_code = frame.province->code;
    plan_.province_name_th = frame.province->name_th;
  } else if (const auto* own = ctx_.province()) {
    plan_.province_code = own->code;
    plan_.province_name_th = own->name_th;
  } else {
    plan_.province_code = ctx_.province_code;
    plan_.province_name_th = frame.province_name_th;
  }
  if (frame.span) {
    plan_.first_year = frame.span->first;
    plan_.last_year = frame.span->last;
    for (int y = frame.span->first; y <= frame.span->last; ++y) span_years_.push_back(y);
  }
  if (frame.fiscal_year)
    plan_.fiscal_year = frame.fiscal_year;
  else if (ctx_.fiscal_year != 0)
    plan_.fiscal_year = ctx_.fiscal_year;
  plan_.title = frame.title;
  for (const auto& m : master_strategies()) plan_.strategies.push_back({m.number, std::string(m.title_th), {}});
}

plugin::import_result plan_reader::read(std::string_view document_text) {
  const std::string text = valid_utf8(document_text);
  frame_from(scan_frame(text, ctx_));
  plan_.narrative = scan_narrative(text);

  line_reader lines(text);
  while (auto line = lines.next()) {
    if (!line->table) {
      std::string cleaned = text::clean_cell(line->raw);
      if (cleaned.empty()) continue;  // blank lines do not end a table
      in_table_ = false;
      on_text_line(cleaned, line->number);
      continue;
    }
    const cells row = split_cells(line->raw);
    if (is_header_row(row)) {
      // The second header row (หลัก/สนับสนุน and the years) follows at once.
      std::optional<cells> sub;
      if (auto below = lines.peek(); below && below->table) {
        cells next = split_cells(below->raw);
        if (is_sub_header(next, map_columns(row, &next))) {
          sub = std::move(next);
          lines.next();
        }
      }
      start_table(row, sub ? &*sub : nullptr, line->number);
      continue;
    }
    if (in_table_) data_row(row, line->number);  // rows of other tables (the standards table) are not the plan's
  }

  if (!any_table_) {
    findings_.warning(codes::no_plan_table, "",
                      "ไม่พบตารางเป้าหมาย ตัวชี้วัด และค่าเป้าหมายของแผน จึงนำเข้าได้เฉพาะข้อมูลทั่วไปของแผน",
                      "no table of goals, indicators and targets was found; only the plan's frame was imported");
  }

  plugin::import_result result;
  result.content = to_json(plan_);
  result.title = plan_.title;
  result.province_code = plan_.province_code;
  result.fiscal_year = plan_.fiscal_year.value_or(0);
  result.findings = findings_.take();
  // The host may not know the province yet while importing: the document's
  // own province is then the one other provinces are compared with.
  plugin::plan_context check = ctx_;
  if (check.province_code.empty()) check.province_code = plan_.province_code;
  boost::json::value linked = std::move(result.content);
  link_agencies(linked, check);
  result.content = std::move(linked.as_object());
  auto validation = validate_content(result.content, check);
  result.findings.insert(result.findings.end(), std::make_move_iterator(validation.begin()),
                         std::make_move_iterator(validation.end()));
  return result;
}

void plan_reader::on_text_line(std::string_view cleaned, std::size_t line) {
  if (auto heading = parse_strategy_heading(cleaned)) {
    heading_ = pending_heading{std::move(*heading), line, true};
    return;
  }
  if (!heading_ || !heading_->may_continue) return;
  heading_->may_continue = false;
  // A title wrapped onto the next line ("…เสริมสร้างทัศนคติ" / "เรื่องมาตรฐาน…").
  if (const auto* master = find_master_strategy(heading_->heading.number)) {
    const std::string canonical = normalized_title(master->title_th);
    const std::string so_far = normalized_title(heading_->heading.title);
    const std::string longer = normalized_title(heading_->heading.title + std::string(cleaned));
    if (so_far.size() < canonical.size() && canonical.starts_with(so_far) && canonical.starts_with(longer)) {
      heading_->heading.title += std::string(cleaned);
    }
  }
}

void plan_reader::start_table(const cells& header, const cells* sub, std::size_t line) {
  const int number = heading_ ? heading_->heading.number : (at_.s == k_none ? 0 : plan_.strategies[at_.s].number);
  const std::size_t s =
      strategy_index(number, heading_ ? std::string_view(heading_->heading.title) : std::string_view());
  if (s != at_.s) {
    at_ = cursor{};
    at_.s = s;
    last_owner_ = {};
  }
  // The plan keeps the master plan's titles; a heading that words one
  // differently is a slip of the document, reported once.
  if (const auto* master = find_master_strategy(number); master && heading_ && !heading_->heading.title.empty()) {
    const std::string seen = std::to_string(number) + ":" + normalized_title(heading_->heading.title);
    if (!same_title(heading_->heading.title, master->title_th) && reported_titles_.insert(seen).second) {
      findings_.warning(codes::strategy_title_mismatch, strategy_pointer(s) + "/title",
                        fmt::format("บรรทัด {}: หัวข้อเขียนว่า “ยุทธศาสตร์ที่ {} {}” แต่ชื่อยุทธศาสตร์ตามยุทธศาสตร์ด้านมาตรฐานทาง"
                                    "จริยธรรมฯ คือ “{}” ซึ่งใช้ในแผนนี้",
                                    th(static_cast<long long>(heading_->line)), th(number), heading_->heading.title,
                                    master->title_th),
                        fmt::format("line {}: the heading reads “{}” for strategy {}; the plan uses the master plan's "
                                    "title “{}”",
                                    heading_->line, heading_->heading.title, number, master->title_th));
    }
  }

  header_ = table_header{};
  header_.line = line;
  header_.columns = map_columns(header, sub);
  for (const cells* row : {&header, sub}) {
    if (!row) continue;
    for (std::size_t i = header_.columns.targets; i < row->size(); ++i) {
      std::string t = text::clean_cell((*row)[i]);
      if (auto year = cell_year(t)) {
        header_.years.emplace_back(i, *year);
        header_.year_at.emplace(i, *year);
        header_.heading_years.insert(*year);
      } else if (row == sub && contains(t, "ปีงบประมาณ") && header_.label_column == k_none)
        header_.label_column = i;
    }
  }
  std::vector<int> heading_years;
  for (const auto& [column, year] : header_.years) heading_years.push_back(year);

  if (span_years_.empty() && !heading_years.empty()) {
    bool consecutive = heading_years.size() <= 10;
    for (std::size_t k = 1; k < heading_years.size(); ++k)
      consecutive = consecutive && heading_years[k] == heading_years[k - 1] + 1;
    if (consecutive) {
      span_years_ = heading_years;
      plan_.first_year = heading_years.front();
      plan_.last_year = heading_years.back();
      findings_.warning(codes::missing_field, "/span",
                        fmt::format("เอกสารไม่ได้ระบุช่วงปีของแผน จึงใช้ปี {} จากหัวตาราง (บรรทัด {})",
                                    year_span_text(heading_years, true), th(static_cast<long long>(line))),
                        fmt::format("the document states no span; took {} from the table header (line {})",
                                    year_span_text(heading_years, false), line));
    }
  }
  header_.years_match_span = !span_years_.empty() && heading_years == span_years_;
  if (!span_years_.empty() && !header_.years_match_span) {
    findings_.warning(
        codes::target_header_mismatch, strategy_pointer(s),
        fmt::format("บรรทัด {}: หัวตารางค่าเป้าหมายมีปี {}{} ไม่ตรงกับช่วงปีของแผน ({}) จึงอ่านค่าเป้าหมายตามลำดับปีของแผน",
                    th(static_cast<long long>(line)),
                    heading_years.empty() ? "(ไม่มี)" : year_span_text(heading_years, true),
                    header_.label_column != k_none ? " และมีข้อความ “ประจำปีงบประมาณ พ.ศ.” อยู่ในคอลัมน์ปีแรก" : "",
                    year_span_text(span_years_, true)),
        fmt::format("line {}: the target header names the years {}{}, not the plan's span ({}); targets are read "
                    "in the span's order",
                    line, heading_years.empty() ? "(none)" : year_span_text(heading_years, false),
                    header_.label_column != k_none ? " with “ประจำปีงบประมาณ พ.ศ.” in the first year column" : "",
                    year_span_text(span_years_, false)));
  }
  in_table_ = true;
  any_table_ = true;
}

void plan_reader::data_row(const cells& row, std::size_t line) {
  const auto& c = header_.columns;
  const std::string goal_cell = cell_text(row, c.goal);
  const std::string indicator_cell = cell_text(row, c.indicator);
  const std::string tactic_cell = cell_text(row, c.tactic);
  const std::string project_cell = cell_text(row, c.project);
  if (goal_cell.empty() && indicator_cell.empty() && tactic_cell.empty() && project_cell.empty()) {
    continuation_row(row, line);
    return;
  }
  std::string_view main_raw = raw_cell(row, c.main_agency);
  std::string_view supporting_raw = raw_cell(row, c.supporting_agency);
  std::string supporting = cell_text(row, c.supporting_agency);
  std::string budget = cell_text(row, c.budget);
  std::string unit = cell_text(row, c.unit);
  // Seed 002 line 186: from the supporting agency on, the cells sit one
  // column left (budget under สนับสนุน, unit under งบประมาณ, none under
  // หน่วยนับ). A unit where the budget belongs and a budget where the
  // supporting agency belongs says so.
  const bool shifted = unit.empty() && is_unit_word(budget) && !supporting.empty() &&
                       (text::is_no_budget(supporting) || text::parse_baht(supporting).has_value());
  std::string shifted_note;
  if (shifted) {
    shifted_note = fmt::format("“{}” / “{}”", supporting, budget);
    unit = std::move(budget);
    budget = std::move(supporting);
    supporting_raw = {};
  }

  const bool new_goal = !goal_cell.empty();
  const bool new_indicator = !indicator_cell.empty();
  const bool new_tactic = !tactic_cell.empty();
  if (new_goal) add_goal(strip_item_number(goal_cell));
  if (new_indicator) {
    ensure_goal();
    add_indicator(strip_item_number(indicator_cell));
  }
  if (new_tactic) {
    ensure_indicator();
    add_tactic(strip_item_number(tactic_cell));
  }
  const bool project_data =
      !text::clean_cell(main_raw).empty() || !text::clean_cell(supporting_raw).empty() || !budget.empty();
  const bool new_project = !project_cell.empty() || (project_data && (new_goal || new_indicator || new_tactic));
  if (new_project) {
    ensure_tactic();
    add_project(project_cell, main_raw, supporting_raw, budget);
  }

  // The unit and targets of a row are its indicator's when the row opens
  // one (seed 002 line 173: "ร้อยละของเจ้าหน้าที่…" ๘๘…๑๐๐); a row that adds a
  // project under an indicator already stated gives that project's own.
  owner_ref owner;
  if (new_indicator)
    owner = {owner_kind::indicator, at_};
  else if (new_project)
    owner = {owner_kind::project, at_};
  last_owner_ = owner;

  if (shifted) {
    findings_.warning(codes::misplaced_value,
                      new_project ? owner_pointer({owner_kind::project, at_}) : current_pointer(),
                      fmt::format("บรรทัด {}: ข้อมูลตั้งแต่คอลัมน์หน่วยงานสนับสนุนเลื่อนไปทางซ้ายหนึ่งคอลัมน์ ({}) "
                                  "จึงอ่านเป็นงบประมาณ “{}” และหน่วยนับ “{}” และถือว่าไม่มีหน่วยงานสนับสนุน",
                                  th(static_cast<long long>(line)), shifted_note, budget, unit),
                      fmt::format("line {}: the cells from the supporting agency on sit one column to the left ({}); "
                                  "read as budget “{}” and unit “{}”, with no supporting agency",
                                  line, shifted_note, budget, unit));
  }

  if (owner.kind == owner_kind::none) {
    std::vector<std::string> values;
    for (std::size_t col = c.targets; col < row.size(); ++col) {
      if (auto t = text::clean_cell(row[col]); !t.empty()) values.push_back(std::move(t));
    }
    if (!values.empty() || !unit.empty()) {
      findings_.warning(
          codes::misplaced_value, current_pointer(),
          fmt::format("บรรทัด {}: มีหน่วยนับหรือค่าเป้าหมาย (“{}” {}) ในแถวที่ไม่มีตัวชี้วัดหรือโครงการ "
                      "จึงไม่ได้นำมาใช้",
                      th(static_cast<long long>(line)), unit, joined(values, " ")),
          fmt::format("line {}: a unit or targets (“{}” {}) on a row with no indicator or project; not used", line,
                      unit, joined(values, " ")));
    }
    return;
  }
  owner_unit(owner) = unit;
  if (owner.kind == owner_kind::project) project_at(owner.at).has_targets = true;
  assign_targets(row, line, owner, unit);
}

void plan_reader::continuation_row(const cells& row, std::size_t line) {
  const auto& c = header_.columns;
  std::vector<std::string> values;
  for (std::size_t col = c.targets; col < row.size(); ++col) {
    if (auto t = text::clean_cell(row[col]); !t.empty()) values.push_back(std::move(t));
  }
  std::string_view main_raw = raw_cell(row, c.main_agency);
  std::string_view supporting_raw = raw_cell(row, c.supporting_agency);
  const std::string budget = cell_text(row, c.budget);
  const std::string unit = cell_text(row, c.unit);
  auto main = agencies_of(main_raw);
  auto supporting = agencies_of(supporting_raw);
  if (values.empty() && main.empty() && supporting.empty() && budget.empty() && unit.empty()) return;

  if (at_.p == k_none) {
    findings_.warning(codes::misplaced_value, current_pointer(),
                      fmt::format("บรรทัด {}: แถวนี้ไม่มีเป้าหมาย ตัวชี้วัด กลยุทธ์ หรือโครงการ และไม่ได้ต่อจากโครงการใด "
                                  "จึงไม่ได้นำมาใช้",
                                  th(static_cast<long long>(line))),
                      fmt::format("line {}: a row with no goal, indicator, strategy or project continues no project; "
                                  "not used",
                                  line));
    return;
  }
  // A continued row fills what the row above left empty; what would
  // overwrite something is kept verbatim for the author to place.
  project_node& project = project_at(at_);
  for (auto& name : main) add_agency(project.main_agencies, std::move(name));
  for (auto& name : supporting) add_agency(project.supporting_agencies, std::move(name));
  const int line_number = static_cast<int>(std::min<std::size_t>(line, 1u << 30));
  if (!budget.empty()) {
    // Seed 002 lines 204 and 206: "๑๐๐" under งบประมาณ beside targets of ๑๐๐:
    // a stray target, not 100 baht. A budget is joined only when the row
    // above left it empty and this row holds nothing else.
    if (project.budget.kind == "unparsed" && project.budget.text.empty() && values.empty()) {
      project.budget = read_budget(budget, project.budget_source);
    } else {
      project.unplaced.push_back({"budget", budget, line_number});
    }
  }
  if (!unit.empty()) {
    if (last_owner_.kind != owner_kind::none && owner_unit(last_owner_).empty())
      owner_unit(last_owner_) = unit;
    else if (last_owner_.kind == owner_kind::none || owner_unit(last_owner_) != unit) {
      project.unplaced.push_back({"unit", unit, line_number});
    }
  }
  if (!values.empty()) {
    if (last_owner_.kind != owner_kind::none && owner_series(last_owner_).all_blank()) {
      assign_targets(row, line, last_owner_, owner_unit(last_owner_));
    } else {
      project.unplaced.push_back({"targets", joined_all(values, " "), line_number});
    }
  }
}

void plan_reader::assign_targets(const cells& row, std::size_t line, const owner_ref& owner, std::string_view unit) {
  const std::string path = owner_pointer(owner) + "/targets";
  const auto ln = static_cast<long long>(line);
  if (span_years_.empty()) {
    std::vector<std::string> values;
    for (std::size_t col = header_.columns.targets; col < row.size(); ++col) {
      if (auto t = text::clean_cell(row[col]); !t.empty()) values.push_back(std::move(t));
    }
    if (!values.empty()) {
      findings_.warning(
          codes::misplaced_value, path,
          fmt::format("บรรทัด {}: ไม่ทราบช่วงปีของแผน จึงระบุปีของค่าเป้าหมาย “{}” ไม่ได้", th(ln), joined(values, " ")),
          fmt::format("line {}: the plan's years are unknown, so the targets “{}” cannot be given years", line,
                      joined(values, " ")));
    }
    return;
  }
  auto reading = read_targets(row, header_, span_years_, unit);
  const std::size_t n = span_years_.size();
  if (reading.dropped_label) {
    bool year_like = cell_year(*reading.dropped_label).has_value();
    findings_.warning(codes::target_value_dropped, path,
                      fmt::format("บรรทัด {}: มีค่าเป้าหมาย {} ค่าสำหรับ {} ปี จึงตัด “{}” ที่อยู่ใต้หัวคอลัมน์ “ประจำปีงบประมาณ "
                                  "พ.ศ.” (ไม่ใช่คอลัมน์ของปีใด) ออก{}",
                                  th(ln), th(static_cast<long long>(reading.values)), th(static_cast<long long>(n)),
                                  *reading.dropped_label, year_like ? " ค่านี้เป็นปี พ.ศ. ที่คัดลอกมาจากหัวตาราง" : ""),
                      fmt::format("line {}: {} target values for {} years; dropped “{}”, which stands under the "
                                  "“ประจำปีงบประมาณ พ.ศ.” label rather than under a year{}",
                                  line, reading.values, n, *reading.dropped_label,
                                  year_like ? " (a year heading copied into the data)" : ""));
  }
  if (!reading.dropped_extra.empty()) {
    findings_.warning(codes::target_value_dropped, path,
                      fmt::format("บรรทัด {}: มีค่าเป้าหมาย {} ค่าสำหรับ {} ปี จึงตัดค่าที่เกิน “{}” ออก", th(ln),
                                  th(static_cast<long long>(reading.values)), th(static_cast<long long>(n)),
                                  joined(reading.dropped_extra, " ")),
                      fmt::format("line {}: {} target values for {} years; dropped the extra “{}”", line,
                                  reading.values, n, joined(reading.dropped_extra, " ")));
  }
  if (reading.off_headings) {
    findings_.warning(codes::misplaced_value, path,
                      fmt::format("บรรทัด {}: ค่าเป้าหมายไม่ได้อยู่ใต้หัวคอลัมน์ปีของตน จึงอ่านตามลำดับเป็นปี {}", th(ln),
                                  year_span_text(span_years_, true)),
                      fmt::format("line {}: the targets do not stand under their year headings; read in order as {}",
                                  line, year_span_text(span_years_, false)));
  }
  if (!reading.header_copies.empty()) {
    std::vector<std::string> th_list, en_list;
    for (const auto& [year, copied] : reading.header_copies) {
      th_list.push_back(fmt::format("{} (“{}”)", th(year), copied));
      en_list.push_back(fmt::format("{} (“{}”)", year, copied));
    }
    findings_.warning(codes::header_copied_into_data, path,
                      fmt::format("บรรทัด {}: ค่าเป้าหมายของปี {} เป็นปี พ.ศ. ที่คัดลอกมาจากหัวตาราง ไม่ใช่ค่าเป้าหมาย "
                                  "จึงเว้นว่างไว้",
                                  th(ln), joined(th_list, ", ")),
                      fmt::format("line {}: the targets of {} are year headings copied into the data, not targets; "
                                  "left empty",
                                  line, joined(en_list, ", ")));
  }
  owner_series(owner) = std::move(reading.series);
}

std::size_t plan_reader::strategy_index(int number, std::string_view title) {
  for (std::size_t s = 0; s < plan_.strategies.size(); ++s) {
    if (plan_.strategies[s].number == number) return s;
  }
  plan_.strategies.push_back({number, std::string(title), {}});
  return plan_.strategies.size() - 1;
}

void plan_reader::add_goal(std::string text) {
  auto& goals = strategy_at(at_).goals;
  goals.push_back({goal_id(strategy_at(at_).number, goals.size()), std::move(text), {}});
  at_.g = goals.size() - 1;
  at_.i = at_.t = at_.p = k_none;
}

void plan_reader::add_indicator(std::string text) {
  auto& goal = goal_at(at_);
  goal.indicators.push_back(
      {child_id(goal.id, 'i', goal.indicators.size()), std::move(text), {}, empty_series(span_years_), {}});
  at_.i = goal.indicators.size() - 1;
  at_.t = at_.p = k_none;
}

void plan_reader::add_tactic(std::string text) {
  auto& indicator = indicator_at(at_);
  indicator.tactics.push_back({child_id(indicator.id, 't', indicator.tactics.size()), std::move(text), {}});
  at_.t = indicator.tactics.size() - 1;
  at_.p = k_none;
}

void plan_reader::add_project(const std::string& cell, std::string_view main_raw, std::string_view supporting_raw,
                              const std::string& budget) {
  auto& tactic = tactic_at(at_);
  project_node project;
  project.id = child_id(tactic.id, 'p', tactic.projects.size());
  // A cell listing several numbered items ("๑. การออกข้อกำหนดจริยธรรม ๒. การจัดทำ
  // คู่มือ…") is one row of agencies, budget and targets: one project whose
  // items are its activities.
  auto items = split_numbered_items(cell);
  if (items.size() >= 2) {
    project.title = cell;
    for (auto& item : items)
      project.activities.push_back({child_id(project.id, 'a', project.activities.size()), std::move(item)});
  } else if (!items.empty()) {
    project.title = std::move(items.front());
  }
  project.main_agencies = agencies_of(main_raw);
  project.supporting_agencies = agencies_of(supporting_raw);
  project.budget = read_budget(budget, project.budget_source);
  project.targets = empty_series(span_years_);
  tactic.projects.push_back(std::move(project));
  at_.p = tactic.projects.size() - 1;
}

void plan_reader::ensure_goal() {
  if (at_.g == k_none) add_goal({});
}

void plan_reader::ensure_indicator() {
  ensure_goal();
  if (at_.i == k_none) add_indicator({});
}

void plan_reader::ensure_tactic() {
  ensure_indicator();
  if (at_.t == k_none) add_tactic({});
}

std::string plan_reader::owner_pointer(const owner_ref& owner) const {
  const auto& a = owner.at;
  return owner.kind == owner_kind::project ? project_pointer(a.s, a.g, a.i, a.t, a.p)
                                           : indicator_pointer(a.s, a.g, a.i);
}

target_series& plan_reader::owner_series(const owner_ref& owner) {
  return owner.kind == owner_kind::project ? project_at(owner.at).targets : indicator_at(owner.at).targets;
}

std::string& plan_reader::owner_unit(const owner_ref& owner) {
  return owner.kind == owner_kind::project ? project_at(owner.at).unit : indicator_at(owner.at).unit;
}

std::string plan_reader::current_pointer() const {
  const auto& a = at_;
  if (a.s == k_none) return "";
  if (a.g == k_none) return strategy_pointer(a.s);
  if (a.i == k_none) return goal_pointer(a.s, a.g);
  if (a.t == k_none) return indicator_pointer(a.s, a.g, a.i);
  if (a.p == k_none) return tactic_pointer(a.s, a.g, a.i, a.t);
  return project_pointer(a.s, a.g, a.i, a.t, a.p);
}

}  // namespace

plugin::import_result import_plan(std::string_view document_text, const plugin::plan_context& ctx) {
  try {
    return plan_reader(ctx).read(document_text);
  } catch (const std::exception& e) {
    // Nothing above throws by design; should memory run out on a huge
    // document, the host gets a finding instead of an exception.
    plugin::import_result result;
    result.findings.push_back({"error", std::string(codes::no_plan_table), "นำเข้าเอกสารไม่สำเร็จ",
                               std::string("the document could not be imported: ") + e.what(), ""});
    return result;
  }
}

}  // namespace planflow::plugins::ethics
