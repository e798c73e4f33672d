#include "table_rows.hpp"

#include "text_scan.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>

namespace planflow::plugins::anti_corruption {

namespace {

struct column_name {
  std::string_view name;  // without spaces
  column which;
};

// "ตัวชี้วัด" is a prefix of nothing else here, but "โครงการ/กิจกรรม" must be
// tried before a bare "โครงการ" would be, hence full names first.
constexpr std::array<column_name, 9> k_column_names{{
    {"ลักษณะสำคัญของงาน", column::work_item},
    {"โครงการ/กิจกรรม", column::title},
    {"โครงการ", column::title},
    {"วิธีการดำเนินงาน", column::method},
    {"ตัวชี้วัด", column::indicator},
    {"งบประมาณ", column::budget},
    {"ระยะเวลาดำเนินการ", column::period},
    {"ระยะเวลา", column::period},
    {"หน่วยงานรับผิดชอบ", column::agency},
}};

std::optional<std::int64_t> number_before(std::string_view text, std::string_view word) {
  auto at = text.find(word);
  if (at == std::string_view::npos) return std::nullopt;
  auto before = scan::trim(text.substr(0, at));
  // The last run of digits, if it ends the text.
  std::size_t p = 0;
  std::optional<std::int64_t> last;
  std::size_t last_end = 0;
  while (p < before.size()) {
    auto d = scan::digit_at(before, p);
    if (!d.length) {
      ++p;
      continue;
    }
    std::int64_t value = 0;
    int digits = 0;
    while (p < before.size()) {
      auto e = scan::digit_at(before, p);
      if (e.length) {
        if (digits < 12) value = value * 10 + e.value;
        ++digits;
        p += e.length;
      } else if (before[p] == ',' && scan::digit_at(before, p + 1).length) {
        ++p;
      } else {
        break;
      }
    }
    last = digits <= 12 ? std::optional<std::int64_t>(value) : std::nullopt;
    last_end = p;
  }
  if (!last || last_end != before.size()) return std::nullopt;
  return last;
}

}  // namespace

std::string_view column_title_th(column c) {
  constexpr std::array<std::string_view, k_columns> k_titles = {
      "ลักษณะสำคัญของงาน", "โครงการ/กิจกรรม", "วิธีการดำเนินงาน", "ตัวชี้วัด", "งบประมาณ", "ระยะเวลาดำเนินการ", "หน่วยงานรับผิดชอบ"};
  return k_titles[static_cast<std::size_t>(c)];
}

std::string_view column_title_en(column c) {
  constexpr std::array<std::string_view, k_columns> k_titles = {
      "key work item", "project/activity", "method", "indicator", "budget", "period", "responsible agency"};
  return k_titles[static_cast<std::size_t>(c)];
}

bool row_cells::empty() const {
  return std::all_of(clean.begin(), clean.end(), [](const std::string& s) { return s.empty(); });
}

std::optional<header_layout> read_header_layout(std::string_view line) {
  auto cells = split_cells(line);
  header_layout layout;
  layout.index.fill(-1);
  layout.recognised = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    auto name = scan::without_spaces(text::clean_cell(cells[i]));
    if (name.empty()) continue;
    for (const auto& known : k_column_names) {
      if (!name.starts_with(known.name)) continue;
      auto& slot = layout.index[static_cast<std::size_t>(known.which)];
      if (slot < 0) {
        slot = int(i);
        ++layout.recognised;
      }
      break;
    }
  }
  if (layout.recognised < 4) return std::nullopt;
  return layout;
}

std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  while (cells.size() + 1 < k_max_cells) {
    auto tab = line.find('\t', start);
    if (tab == std::string_view::npos) break;
    cells.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  cells.push_back(line.substr(std::min(start, line.size())));
  return cells;
}

row_cells map_row(const std::vector<std::string_view>& cells, const header_layout& layout) {
  row_cells row;
  std::vector<bool> claimed(cells.size(), false);
  for (std::size_t c = 0; c < k_columns; ++c) {
    int index = layout.index[c];
    if (index < 0 || std::size_t(index) >= cells.size()) continue;
    claimed[std::size_t(index)] = true;
    row.raw[c] = std::string(cells[std::size_t(index)]);
    row.clean[c] = text::clean_cell(row.raw[c]);
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (claimed[i]) continue;
    auto clean = text::clean_cell(cells[i]);
    if (clean.empty()) continue;
    ++row.extra_cells;
    row.extra_texts.push_back(std::move(clean));
  }
  return row;
}

bool looks_like_budget(std::string_view clean_text) {
  if (clean_text.empty()) return false;
  return text::is_no_budget(clean_text) || text::parse_baht(clean_text).has_value();
}

bool looks_like_period(std::string_view clean_text) {
  if (clean_text.empty()) return false;
  return text::parse_period(clean_text).has_value() || text::parse_dated_period(clean_text).has_value();
}

bool repair_left_shift(row_cells& row) {
  const auto& budget = row.text(column::budget);
  const auto& period = row.text(column::period);
  if (!row.text(column::agency).empty() || budget.empty() || period.empty()) return false;
  if (looks_like_budget(budget) || !looks_like_period(budget)) return false;
  if (!looks_like_budget(row.text(column::indicator))) return false;
  if (looks_like_period(period) || looks_like_budget(period)) return false;
  for (std::size_t c = k_columns - 1; c > 0; --c) {
    row.raw[c] = std::move(row.raw[c - 1]);
    row.clean[c] = std::move(row.clean[c - 1]);
  }
  row.raw[0].clear();
  row.clean[0].clear();
  return true;
}

std::optional<total_row> read_total_row(const row_cells& row) {
  std::size_t first = 0;
  while (first < k_columns && row.clean[first].empty()) ++first;
  if (first > static_cast<std::size_t>(column::title)) return std::nullopt;
  std::string_view label = row.clean[first];
  if (!label.starts_with("รวม")) return std::nullopt;

  total_row out;
  out.goals = number_before(label, "เป้าหมาย");
  out.projects = number_before(label, "โครงการ");
  if (!out.projects) out.activities = number_before(label, "กิจกรรม");
  out.plan_level = out.goals.has_value() || label.find("ทั้งสิ้น") != std::string_view::npos ||
                   label.find("ทั้งแผน") != std::string_view::npos;
  for (std::size_t c = k_columns; c-- > first + 1;) {
    const auto& cell = row.clean[c];
    if (cell.empty()) continue;
    if (auto satang = text::parse_baht(cell))
      out.budget_satang = satang;
    else if (text::is_no_budget(cell))
      out.budget_satang = 0;
    break;
  }
  // An activity may be called "รวมพลัง…": a total states a count, or is a
  // bare "รวม…" label, and has no period or agency.
  bool counted = out.goals || out.projects || out.activities;
  auto bare = scan::without_spaces(label);
  bool bare_label = bare == "รวม" || bare == "รวมทั้งสิ้น" || bare == "รวมทั้งหมด" || bare == "รวมงบประมาณ";
  if (!counted && !(bare_label && out.budget_satang)) return std::nullopt;
  if (!row.text(column::period).empty() || !row.text(column::agency).empty()) return std::nullopt;
  return out;
}

}  // namespace planflow::plugins::anti_corruption
