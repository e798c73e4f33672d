#pragma once
// Small readers for the Thai text of plan documents, beyond what the SDK's
// planflow/text/thai.hpp offers: item numbers ("๑.กิจกรรม…"), paragraphs and
// bullets inside cells, province names after "จังหวัด", numeric targets
// ("ไม่น้อยกว่า ๓ แห่ง"). All run in time linear in their input (times the
// number of provinces for find_province_mentions) and never throw on any
// byte sequence.

#include <planflow/plugin/plan_type.hpp>
#include <planflow/text/thai.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugins::anti_corruption::scan {

/// Trims ASCII spaces at both ends.
std::string_view trim(std::string_view text);

/// Removes every ASCII space (header cells wrap as "ระยะเวลา ดำเนินการ").
std::string without_spaces(std::string_view text);

/// A digit (Thai or ASCII) at `pos`: its value and byte length (0 = none).
using digit = planflow::text::digit_at_result;
using planflow::text::digit_at;

/// A leading list number: "๑.กิจกรรม…" → {"1", "กิจกรรม…"}, "๑๐. โครงการ" →
/// {"10", "โครงการ"}. At most three digits, then "."; "๒.๒ …" (a dotted
/// indicator number) and "๒๕๖๖ …" are not list numbers: number is "".
struct item_number {
  std::string number;  ///< ASCII digits, "" when the text has none
  std::string rest;    ///< the text after it, trimmed (the whole text when unnumbered)
};
item_number split_item_number(std::string_view text);

/// A dotted number at the start: "๒.๒.๑ จำนวน…" → {"2.2.1", 3 components}.
/// Components have one to three digits; a trailing "." is consumed.
struct dotted_number {
  std::string number;  ///< ASCII, components joined by "."
  int components = 0;
  std::size_t length = 0;  ///< bytes consumed
};
std::optional<dotted_number> read_dotted_number(std::string_view text);

/// The paragraphs of a raw cell (split at </p> and <br>), each cleaned with
/// text::clean_cell; empty ones are dropped.
std::vector<std::string> split_paragraphs(std::string_view raw_cell);

/// Paragraphs further split where a numbered item starts inside one
/// ("… เป็นรูปธรรม ๒. จัดทำ…"): the pieces of a key-work-item cell.
std::vector<std::string> split_numbered_pieces(std::string_view raw_cell);

/// The agencies of a "หน่วยงานรับผิดชอบ" cell: one per paragraph, and one
/// per bullet ("-สำนักงาน… -ชมรม…") when the paragraph uses bullets. A dash
/// inside a name ("STRONG-จิตพอเพียง", "STRONG - จิต") does not split.
std::vector<std::string> split_agencies(std::string_view raw_cell);

/// One "จังหวัด<name>" in a text (spaces after จังหวัด allowed).
struct province_mention {
  std::size_t province;  ///< index into the provinces list
  std::size_t offset;    ///< byte offset of "จังหวัด"
};
/// Every province named after "จังหวัด" in `text`, longest name first, and
/// only where the name is not followed by a Thai vowel or tone mark (which
/// would mean a longer word).
std::vector<province_mention> find_province_mentions(std::string_view text,
                                                     const std::vector<plugin::province_name>& provinces);

/// A standalone "จังหวัด<name>" line (a page header) without a province list:
/// the name, or "" when the line is something else.
std::string standalone_province_name(std::string_view line);

/// A numeric target in an indicator cell or a "ค่าเป้าหมาย" statement.
/// A number counts when it follows a quantifier (ร้อยละ, ไม่น้อยกว่า,
/// อย่างน้อย, จำนวน, ไม่ต่ำกว่า, ไม่เกิน, ไม่มากกว่า), or, without one, when
/// at most one word follows it ("… ๒๑ ชุมชน"). Years (after ปี/พ.ศ., or in
/// 2400..2799 / 1900..2199), ordinals (after ที่) and list markers ("๑.",
/// "๒)") are skipped.
struct target_match {
  std::optional<double> value;
  std::string unit;     ///< "ร้อยละ", or the word after the number ("แห่ง", "คน")
  std::string text;     ///< from the quantifier through the unit: "ไม่น้อยกว่า ๓ แห่ง"
  std::size_t end = 0;  ///< byte offset just past `text` in the text searched
};
target_match find_target(std::string_view text);

/// One quantity of a target statement.
struct measure_match {
  double value = 0;
  std::string unit;
  std::string comparator;  ///< "at_most" after ไม่เกิน/ไม่มากกว่า, "at_least" otherwise
};

/// Everything a target statement says that can be measured: each quantity
/// find_target would pick, in order ("อย่างน้อย ๑ หลักสูตร จำนวน ๓ คน" is
/// two), the direction of a change ("ลดลงร้อยละ ๑๐"), and the baseline
/// ("ค่าฐาน ๑๒๐ คดี", "ค่าฐานร้อยละ ๗๐") and base year ("จากปี ๒๕๖๕",
/// "เมื่อเทียบกับปี พ.ศ. ๒๕๖๕", "ปีฐาน ๒๕๖๕", "ค่าฐานปี ๒๕๖๕") when it gives
/// them. A bare number ("จำนวน ๔ โปสเตอร์") is read as at least: a plan names
/// what it will deliver, and delivering more is not missing the target.
struct target_reading {
  std::vector<measure_match> measures;
  std::string direction = "level";  ///< "level", "increase" or "decrease"
  std::optional<double> baseline;
  std::optional<int> base_year;  ///< Buddhist era
  std::string text;              ///< the quantities as written, "; " between those apart in the text
};
target_reading read_target(std::string_view text);

/// How much of `a` appears in `b`: the share of a's pairs of adjacent
/// characters (spaces ignored) that also occur in `b`; 0 when `a` is empty.
double similarity(std::string_view a, std::string_view b);

/// The year after "ปีงบประมาณ" ("ปีงบประมาณ พ.ศ. ๒๕๖๖" → 2566) at or after
/// `from`, with the offset just past it; nullopt when there is none.
struct year_match {
  int year;
  std::size_t end;
};
std::optional<year_match> find_fiscal_year(std::string_view text, std::size_t from);

/// A year the text says something belongs to: "ปี", then optionally
/// "งบประมาณ" and "พ.ศ.", then a four-digit Buddhist-era year in 2400..2799
/// ("ประจำปี พ.ศ.๒๕๖๕", "ปีงบประมาณ ๒๕๖๖", "ประจำปี งบประมาณ พ.ศ. 2566").
/// A bare "พ.ศ. ๒๕๕๘" is not one: it dates an act or a national plan, which
/// is no claim about the plan's year. A range ("ปี ๒๕๖๖ – ๒๕๗๐") is skipped.
/// Searched from `from`; `start` includes a "ประจำ" just before "ปี", `end`
/// is just past the year.
struct year_mention {
  int year;
  std::size_t start;
  std::size_t end;
};
std::optional<year_mention> find_year_mention(std::string_view text, std::size_t from);

/// Wording of the national plan that a provincial plan should not carry:
/// "จังหวัดละ" (so many per province), "ทุกจังหวัด" (every province) or a
/// count of provinces ("ใน ๗๖ จังหวัด"). The byte offset where the first
/// starts (the count's digits included), or nullopt.
std::optional<std::size_t> find_national_scope(std::string_view text);

/// True when a Thai vowel sign or tone mark (which cannot start a word) is at `pos`.
bool combining_mark_at(std::string_view text, std::size_t pos);

}  // namespace planflow::plugins::anti_corruption::scan
