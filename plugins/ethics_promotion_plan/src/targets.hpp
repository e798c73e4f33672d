#pragma once
// Reading target cells and judging target series; shared by the importer
// (which reads cells) and the validator (which judges what was stored).

#include <cstddef>
#include <optional>
#include <string>
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

/// What a number measures, as an indicator's wording or a unit cell says it:
/// a percentage (ร้อยละ…), a level on a scale (ระดับ…), or a count of things
/// (จำนวนโครงการ/กิจกรรม…, จำนวนครั้ง, คน). `unknown` when the wording names
/// none of these; nothing is judged then.
enum class measure_kind { unknown, percentage, level, count };

struct measure {
  measure_kind kind = measure_kind::unknown;
  /// With `count`: what is counted ("โครงการ", "กิจกรรม"); empty when the
  /// text counts something not in the plugin's list of count nouns.
  std::vector<std::string> nouns;
};

/// The measure an indicator's text starts with ("ร้อยละของเจ้าหน้าที่…",
/// "ระดับความสำเร็จ…", "จำนวนโครงการ/กิจกรรม…").
measure indicator_measure(std::string_view text);

/// The measure of a unit cell ("ร้อยละ", "%", "ระดับ", "จำนวนครั้ง",
/// "จำนวน (คน)").
measure unit_measure(std::string_view unit);

/// True when an indicator measured as `stated` cannot have the unit measured
/// as `unit`: different kinds, or counts of different things. Unknown
/// measures contradict nothing.
bool measures_contradict(const measure& stated, const measure& unit);

/// True when an indicator's text names something to measure: a measure word
/// (ร้อยละ, ระดับ, จำนวน, อัตรา, สัดส่วน, คะแนน, ค่าเฉลี่ย, ผลการประเมิน…) or
/// a number. "ส่งเสริมให้ใช้เครื่องมือ…" (seed line 195) names none.
bool names_a_measure(std::string_view text);

/// True for a target worded as a change rather than a level: "เพิ่มขึ้น",
/// "ลดลง" (increase, decrease), "อัตราการเพิ่ม". Such a target can only be
/// measured against a baseline.
bool is_relative_target(std::string_view text);

/// The comparator a target cell states: "at_most" after ไม่เกิน/ไม่มากกว่า,
/// "at_least" otherwise (ไม่น้อยกว่า, อย่างน้อย, or a bare number: a plan
/// names what it will deliver, and more is not a miss).
std::string comparator_in(std::string_view text);

/// True when a text names the baseline a change is measured from: "จากปี…",
/// "จากปีที่ผ่านมา", "เทียบกับ…", "ค่าฐาน", "ปีฐาน", "baseline".
bool names_baseline(std::string_view text);

/// True for a whole number within five years of the span: most likely a year
/// heading copied into the data rather than a target.
bool looks_like_year(double value, int first_year, int last_year);

}  // namespace planflow::plugins::ethics
