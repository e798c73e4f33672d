#pragma once
// Small text helpers the ethics plugin needs on top of the SDK's
// planflow/text/thai.hpp: digits read in place (Thai or ASCII, so byte offsets
// stay those of the original text), numbered items, UTF-8 repair and JSON
// Pointers. None throws; all run in time linear in the input.

#include <planflow/util/json_util.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugins::ethics {

/// Replaces every byte that does not start a well-formed UTF-8 sequence with
/// U+FFFD, so that imported content is valid JSON text whatever the input.
std::string valid_utf8(std::string_view text);

/// Removes ASCII spaces; Thai is written without spaces between words, so
/// "สำนักงาน จังหวัด นครราชสีมา" and "สำนักงานจังหวัดนครราชสีมา" compare equal.
std::string without_spaces(std::string_view text);

std::string_view trim_spaces(std::string_view text);

/// `text` with every occurrence of `word` replaced by `replacement`, in one
/// pass (repeated erase() would be quadratic on a hostile cell).
std::string replace_all(std::string_view text, std::string_view word, std::string_view replacement);

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

/// One decimal digit at `p`, Thai (๐..๙, three bytes) or ASCII.
struct digit_match {
  int value = 0;
  std::size_t length = 0;  ///< 0 when there is no digit at `p`
};
digit_match digit_at(std::string_view text, std::size_t p);

/// A run of digits: where it is and, for up to nine digits, its value.
struct number_run {
  std::size_t begin = 0;
  std::size_t end = 0;
  int digits = 0;
  long value = -1;  ///< -1 for runs longer than nine digits
};

/// The runs of digits of `text`, in order (separators are not joined:
/// "๑,๐๐๐" is two runs).
std::vector<number_run> number_runs(std::string_view text);

/// The Buddhist-era year a cell holds and nothing else ("๒๕๖๖", " 2566 "),
/// 2400..2799; nullopt otherwise.
std::optional<int> cell_year(std::string_view cell);

/// Splits a cleaned cell that lists numbered items ("๑. ก ๒. ข") into the
/// items without their numbers. The numbers must run on by one from the
/// number the cell starts with; otherwise the cell is one item, its leading
/// number removed.
std::vector<std::string> split_numbered_items(std::string_view cleaned);

/// Removes a leading item number ("๑.", "2)", "๓ .") from a cleaned cell.
std::string strip_item_number(std::string_view cleaned);

/// JSON Pointer of `key` (escaped) or `index` under `pointer`.
using planflow::pointer_append;

}  // namespace planflow::plugins::ethics
