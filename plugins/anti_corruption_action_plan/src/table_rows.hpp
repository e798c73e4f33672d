#pragma once
// Rows of the activity table as the word processor exports them: one line
// per row, cells separated by tabs, the header row repeated on every page.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugins::anti_corruption {

/// The seven columns, in the order the national template prints them.
enum class column : std::size_t { work_item, title, method, indicator, budget, period, agency };
inline constexpr std::size_t k_columns = 7;

/// A column's header as the template prints it ("งบประมาณ") and in English
/// ("budget"), for messages that say which cell moved where.
std::string_view column_title_th(column c);
std::string_view column_title_en(column c);

/// Where each column sits in a row, read from a header row.
struct header_layout {
  std::array<int, k_columns> index{0, 1, 2, 3, 4, 5, 6};  ///< cell index of each column, -1 when absent
  int recognised = k_columns;                             ///< how many header cells were recognised
};

/// The layout of a header row ("ลักษณะสำคัญของงาน\tโครงการ/กิจกรรม\t…"), or
/// nullopt when fewer than four cells name known columns. Names are compared
/// without spaces ("ระยะเวลา ดำเนินการ") and by prefix ("งบประมาณ (บาท)").
std::optional<header_layout> read_header_layout(std::string_view line);

/// The cells of a table line, split at tabs; at most k_max_cells, the rest
/// left in the last cell.
inline constexpr std::size_t k_max_cells = 64;
std::vector<std::string_view> split_cells(std::string_view line);

/// A row's cells by column: raw (tags kept, for paragraph splitting) and cleaned.
struct row_cells {
  std::array<std::string, k_columns> raw;
  std::array<std::string, k_columns> clean;
  int extra_cells = 0;                   ///< non-empty cells no column claims
  std::vector<std::string> extra_texts;  ///< their cleaned text, in row order

  const std::string& text(column c) const { return clean[static_cast<std::size_t>(c)]; }
  const std::string& raw_text(column c) const { return raw[static_cast<std::size_t>(c)]; }
  bool empty() const;
};
row_cells map_row(const std::vector<std::string_view>& cells, const header_layout& layout);

/// A budget cell: an amount ("๓๐,๕๐๐ บาท") or a way of saying "no budget".
bool looks_like_budget(std::string_view clean_text);
/// A period cell that parse_period or parse_dated_period reads.
bool looks_like_period(std::string_view clean_text);

/// Seed 000 line 174: every cell sits one column to the left of its header,
/// so the budget column holds a period and the period column an agency.
/// Detected when the budget cell reads as a period, the indicator cell as a
/// budget, the period cell as neither and the agency cell is empty; the cells
/// are then moved one column right. Returns whether it did.
bool repair_left_shift(row_cells& row);

/// A totals row: "รวมจำนวน ๑๘ โครงการ/กิจกรรม … ๑,๐๒๕,๔๔๐" or
/// "รวม ๒ เป้าหมาย จำนวน ๓๑ โครงการ/กิจกรรม … ๑,๑๔๕,๘๔๐".
struct total_row {
  std::optional<std::int64_t> goals;
  std::optional<std::int64_t> projects;  ///< "N โครงการ" or "N โครงการ/กิจกรรม"
  std::optional<std::int64_t> activities;  ///< "N กิจกรรม" alone
  std::optional<std::int64_t> budget_satang;
  bool plan_level = false;  ///< names a number of goals, or says ทั้งสิ้น/ทั้งแผน
};
std::optional<total_row> read_total_row(const row_cells& row);

}  // namespace planflow::plugins::anti_corruption
