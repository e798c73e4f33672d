#pragma once
// Reading target cells and judging target series; shared by the importer
// (which reads cells) and the validator (which judges what was stored).

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace planflow::plugins::ethics {

/// True for the units that make a target a percentage (ร้อยละ, %, เปอร์เซ็นต์).
bool is_percentage_unit(std::string_view unit);

/// True for a cell that names a unit of count rather than holding data:
/// ร้อยละ, ระดับ, จำนวน…, คน, ครั้ง, แห่ง… (used to spot cells shifted into the
/// wrong column).
bool is_unit_word(std::string_view cleaned);

/// Reads a target cell: a number as text::parse_number() reads it, also when
/// the unit or a word such as "ไม่น้อยกว่า" (at least) stands beside it
/// ("๕ ระดับ", "ไม่น้อยกว่าร้อยละ ๘๐").
std::optional<double> parse_target(std::string_view cleaned, std::string_view unit);

/// Positions of values that fall in a series that otherwise never falls and
/// does rise ("๘๐ ๘๖ ๘๙ ๘๙ ๘๑": the last): a typing slip, usually. Series
/// meant to fall (complaints, cases) fall throughout and are not reported.
std::vector<std::size_t> drops_in_rising_series(const std::vector<double>& values);

/// Positions of values far from an otherwise steady series ("๑๖ ๙๔ ๙๖ ๙๘
/// ๑๐๐": the first): below half or above twice the others, which lie within
/// a factor of 1.5 of each other.
std::vector<std::size_t> outliers(const std::vector<double>& values);

/// True for a whole number within five years of the span: most likely a year
/// heading copied into the data rather than a target.
bool looks_like_year(double value, int first_year, int last_year);

}  // namespace planflow::plugins::ethics
