#pragma once
// Reading the frame of a plan document: its lines, title, span, fiscal year,
// province and strategy headings. The tables are the importer's job.

#include <planflow/plugin/plan_type.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugins::ethics {

struct document_line {
  std::size_t number = 0;  ///< 1-based, as editors count
  std::string_view raw;    ///< without the line break
  bool table = false;      ///< holds a tab: a table row
};

/// Reads the lines of a text (LF or CRLF) one at a time, as views into it:
/// a document of millions of short lines costs no memory per line.
class line_reader {
 public:
  explicit line_reader(std::string_view text) : text_(text) {}

  /// The next line, or nullopt after the last.
  std::optional<document_line> next();
  /// The line next() would return, without moving on.
  std::optional<document_line> peek() const;

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t number_ = 0;
  bool done_ = false;
};

/// Most cells read from one row: a plan table has about fifteen columns; the
/// rest of a longer line stays in the last cell.
inline constexpr std::size_t k_max_cells = 1024;

/// The cells of a table row, split at tabs; views into `line`.
std::vector<std::string_view> split_cells(std::string_view line);

struct strategy_heading {
  int number = 0;
  std::string title;  ///< without "(ต่อ)" (continued)
};

/// "ยุทธศาสตร์ที่ ๒ การพัฒนา…" with an optional leading "- " or section number
/// ("๓.๒ "); nullopt for any other line.
std::optional<strategy_heading> parse_strategy_heading(std::string_view cleaned);

struct year_range {
  int first = 0;
  int last = 0;
};

/// The first range of BE years such as "(พ.ศ. ๒๕๖๖ - ๒๕๗๐)" or "๒๕๖๖–พ.ศ.๒๕๗๐"
/// spanning at most ten years.
std::optional<year_range> find_year_range(std::string_view cleaned);

/// The year after the first "ปีงบประมาณ" ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙").
std::optional<int> find_fiscal_year(std::string_view cleaned);

/// A BE year a text gives as a time of the plan's own work.
struct named_year {
  int year = 0;
  std::size_t begin = 0;  ///< byte offsets of its digits in the text
  std::size_t end = 0;
};

/// The years a cleaned text gives as the time of its work: a four-digit BE
/// year after "ปี" (so also ประจำปี, ปีงบประมาณ) or "งบประมาณ พ.ศ.", "พ.ศ."
/// allowed between. Not read: a year that starts a range (another
/// document's period, "ปี พ.ศ. ๒๕๖๕ – ๒๕๗๐"), a year after "จาก"/"กับ" (a
/// baseline, "เพิ่มขึ้นจากปี ๒๕๖๕"), and years after no such word (laws
/// named with their year, "พระราชบัญญัติ… พ.ศ. ๒๕๖๒"; dates of past events).
std::vector<named_year> years_of_work(std::string_view cleaned);

struct document_frame {
  std::string title;
  std::optional<year_range> span;
  std::optional<int> fiscal_year;
  const plugin::province_name* province = nullptr;  ///< from ctx.provinces
  std::string province_name_th;                     ///< as written, also when not in the list
};

/// The plan's frame from its title block (the title line and the few lines
/// under it, before the table of contents), falling back on the body: the
/// span after "แผนปฏิบัติการ…" and the province most often named.
document_frame scan_frame(std::string_view text, const plugin::plan_context& ctx);

}  // namespace planflow::plugins::ethics
