#pragma once
/// Reading JSON text so that what planflow stores is exactly what it serves
/// back. Boost.JSON 1.81 reads many doubles one unit in the last place off
/// (1.9934908051011654e189 among them), so its serialize→parse is not the
/// identity; and a number it cannot represent (1e999) becomes infinity, which
/// it then writes as `Infinity`, text no JSON parser reads. This parser reads
/// each double from its text with std::from_chars (correctly rounded, so
/// Boost's shortest-form output parses back to the same bits) and reports,
/// with their JSON Pointers, the numbers no stored document may hold.

#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace planflow {

/// The nesting limit of every JSON text planflow reads (Boost's default).
inline constexpr std::size_t k_json_max_depth = 32;

/// A number that cannot be kept as written, at its JSON Pointer.
struct json_number_problem {
  enum class kind { outside_int64, too_large, too_small };
  std::string pointer;  ///< "/" for a document that is a bare number
  std::string detail;   ///< in English, for tools that show it as it is
  kind what = kind::outside_int64;
};

struct json_parse_result {
  boost::json::value value;  ///< null when `error` is set
  /// Syntax error (malformed JSON, invalid UTF-8, too deep); the value is then null.
  boost::system::error_code error;
  std::size_t error_offset = 0;  ///< byte where parsing stopped, when `error` is set
  std::string error_pointer;     ///< JSON Pointer of the value being read there ("/" at the top)
  /// Numbers outside what a stored document may hold: non-finite after
  /// reading (1e999, -1e400 too close to zero to be anything but 0),
  /// integers beyond int64. At most `k_max_number_problems`.
  std::vector<json_number_problem> number_problems;
};

inline constexpr std::size_t k_max_number_problems = 100;

/// Parses one JSON document (trailing non-space is an error), never throwing
/// for bad input.
json_parse_result parse_json(std::string_view text, std::size_t max_depth = k_json_max_depth);

/// Parses JSON that planflow wrote itself (a stored document). Throws
/// std::runtime_error for text that is not JSON, which means the store was
/// written by something else.
boost::json::value parse_stored_json(std::string_view text);

}  // namespace planflow
