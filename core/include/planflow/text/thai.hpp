#pragma once
/// Thai text as it arrives in plan documents exported from word processors:
/// Thai numerals, table cells with leftover HTML, budgets, Buddhist-era (BE)
/// years, month names, and periods inside the Thai fiscal year.
///
/// Every parser returns std::nullopt for input it does not recognise and none
/// throws. The parsers that read table cells (parse_baht, is_no_budget,
/// parse_number, parse_int, parse_thai_month, parse_period,
/// parse_dated_period, parse_thai_date) run clean_cell() first, so a raw cell
/// such as "<p>๑๑๓,๐๐๐ บาท</p>" can be passed as it is. Everything runs in
/// time linear in the input, so whole documents are safe to pass.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planflow::text {

// --- Digits and cells -------------------------------------------------------

/// A digit (Thai ๐-๙ or ASCII 0-9) at byte `pos` of `text`: its value and
/// its length in bytes (length 0: no digit there, or `pos` past the end).
struct digit_at_result {
  int value;
  std::size_t length;
};
digit_at_result digit_at(std::string_view text, std::size_t pos);

/// Replaces the Thai digits ๐..๙ (U+0E50..U+0E59) with ASCII 0..9; all other
/// bytes are copied unchanged.
std::string thai_digits_to_arabic(std::string_view text);

/// Replaces ASCII 0..9 with the Thai digits ๐..๙; all other bytes are copied.
std::string arabic_digits_to_thai(std::string_view text);

/// Turns every run of whitespace (ASCII whitespace, NBSP, U+2000..U+200B
/// including the zero-width space, U+202F, U+205F, U+3000, U+FEFF) into one
/// ASCII space and trims both ends.
std::string collapse_whitespace(std::string_view text);

/// Cleans a table cell: removes HTML-ish tags (`<p>`, `</p>`, `<br/>`,
/// `<b>`, any `<tag attr="…">`; block tags such as p, br, div, li, td leave a
/// space, inline ones such as b or span do not, as Thai words are not
/// space-separated), removes markdown bold markers `**`, decodes &nbsp;
/// &amp; &lt; &gt; &quot; &apos; and &#NNN; / &#xHH;, then collapses
/// whitespace as collapse_whitespace() does. A `<` not followed by a letter,
/// `/` or `!`, or never closed by `>`, is kept as text; unknown entities too.
std::string clean_cell(std::string_view cell);

// --- Money ------------------------------------------------------------------

/// Reads an amount of baht and returns it in satang (1 baht = 100 satang), so
/// that sums are exact. Accepts Thai or ASCII digits, `,` thousands separators
/// (groups of three), up to two decimals, the bookkeeping mark ".-" for "no
/// satang", an optional leading "฿" and trailing "บาท", and surrounding spaces:
/// "๑,๐๒๕,๔๔๐" → 102544000, "30,500.- บาท" → 3050000, "12.5" → 1250.
/// Negative amounts, misplaced separators and any other text give nullopt.
std::optional<std::int64_t> parse_baht(std::string_view text);

/// True for the ways a budget cell says "no budget": ไม่ใช้งบประมาณ,
/// ไม่ใช่งบประมาณ (a common misspelling), ไม่มีงบประมาณ, ไม่ได้ใช้งบประมาณ,
/// ไม่ใช้งบ, ไม่มีงบ, with or without spaces inside, and a lone dash
/// ("-", "–", "—"). An empty cell is not "no budget": it is missing data.
bool is_no_budget(std::string_view text);

/// Formats satang as baht with thousands separators and no currency word:
/// 102544000 → "1,025,440", 102544050 → "1,025,440.50", -150 → "-1.50".
std::string format_baht(std::int64_t satang);

// --- Numbers ----------------------------------------------------------------

/// Reads a number such as a target or an indicator value: Thai or ASCII
/// digits, `,` thousands separators, one decimal point, an optional sign, an
/// optional leading "ร้อยละ" (per cent) and an optional trailing "%"; the
/// percentage forms return the number itself ("ร้อยละ ๘๒" → 82).
std::optional<double> parse_number(std::string_view text);

/// Reads a whole number (Thai or ASCII digits, optional sign, `,` separators);
/// nullopt for decimals, other text, or values outside int.
std::optional<int> parse_int(std::string_view text);

// --- Calendar ---------------------------------------------------------------

/// Buddhist-era year to Common-Era year (2566 → 2023).
constexpr int be_to_ce(int be_year) { return be_year - 543; }

/// Common-Era year to Buddhist-era year (2023 → 2566).
constexpr int ce_to_be(int ce_year) { return ce_year + 543; }

/// Expands a two-digit BE year as plans abbreviate it ("ต.ค. ๖๕"): 0..99 →
/// 2500..2599. Other values are returned unchanged.
int expand_be_year(int year);

/// Reads a month name alone: the full names มกราคม … ธันวาคม, the everyday
/// short forms (มกรา, กุมภา, … ธันวา), the misspelling กรกฏาคม, and the
/// abbreviations ม.ค. … ธ.ค. with or without dots ("มค", "ม.ค", "ม. ค.").
/// An optional leading "เดือน" (month) is allowed. Returns 1..12.
std::optional<int> parse_thai_month(std::string_view text);

/// "มกราคม" (or "ม.ค." when `abbreviated`) for 1; "" outside 1..12.
std::string thai_month_name(int month, bool abbreviated);

// --- Thai fiscal year -------------------------------------------------------
// Fiscal year (BE) N runs from 1 October of CE N-544 to 30 September of CE
// N-543; Q1 is October–December, Q2 January–March, Q3 April–June and Q4
// July–September. Fiscal months are counted 1 (October) … 12 (September).

struct fiscal_quarter {
  int fiscal_year_be;
  int quarter;  ///< 1..4
  friend bool operator==(const fiscal_quarter&, const fiscal_quarter&) = default;
};

/// The fiscal year (BE) holding `date`; 2022-10-01 → 2566, 2023-09-30 → 2566.
int fiscal_year_of(std::chrono::year_month_day date);

/// The fiscal year (BE) holding the month `ym`.
int fiscal_year_of(std::chrono::year_month ym);

/// The fiscal year and quarter holding `date` (which must be ok()).
fiscal_quarter fiscal_quarter_of(std::chrono::year_month_day date);

/// First day of `quarter` of fiscal year `fiscal_year_be`; quarter_start(2566, 1)
/// is 2022-10-01. Not ok() when `quarter` is outside 1..4.
std::chrono::year_month_day quarter_start(int fiscal_year_be, int quarter);

/// Last day of `quarter` of fiscal year `fiscal_year_be`; quarter_end(2566, 2)
/// is 2023-03-31. Not ok() when `quarter` is outside 1..4.
std::chrono::year_month_day quarter_end(int fiscal_year_be, int quarter);

/// Fiscal month index of a calendar month: 10 → 1 … 9 → 12; 0 outside 1..12.
int fiscal_month_index(unsigned calendar_month);

/// Calendar month of a fiscal month index: 1 → 10 … 12 → 9; 0 outside 1..12.
unsigned calendar_month(int fiscal_month_index);

// --- Periods ----------------------------------------------------------------
// A period is the "ระยะเวลาดำเนินการ" cell of a plan. Recognised forms (Thai or
// ASCII digits, any spacing, after clean_cell):
//   month ranges   "มกราคม – มีนาคม ๒๕๖๖", "ตุลาคม ๒๕๖๕- มีนาคม ๒๕๖๖",
//                  "ต.ค. ๖๕ – ก.ย. ๖๖", "ตุลาคม-มีนาคม ๒๕๖๖", "ตุลาคม ธันวาคม ๒๕๖๕"
//                  (the dash may be missing, as in one seed row), "ม.ค.–มี.ค."
//   single months  "มกราคม ๒๕๖๖", "เดือนมีนาคม"
//   whole years    "ตลอดปีงบประมาณ", "ตลอดปี", "ทั้งปี", "ปีงบประมาณ พ.ศ. ๒๕๖๖",
//                  "ประจำปีงบประมาณ ๒๕๖๖"
//   quarters       "ไตรมาส ๑-๒", "ไตรมาสที่ ๑ - ไตรมาสที่ ๔", "ไตรมาสที่ ๓ ปีงบประมาณ ๒๕๖๖"
// Dashes are "-", "–", "—", "−", "~", "ถึง" or "จนถึง". The words เดือน,
// ระหว่าง, ตั้งแต่, ช่วง, ใน, ประจำ, ปี and พ.ศ. are skipped. Any other text
// makes the period unrecognised.
//
// Years beside months are calendar BE years, as in the seeds, where
// "ตุลาคม – ธันวาคม ๒๕๖๕" is the first quarter of fiscal year 2566. When
// only one end has a year, the other end takes the nearest year that keeps
// the range in order ("ตุลาคม-มีนาคม ๒๕๖๖" starts in October 2565). Years
// after ปีงบประมาณ, after a quarter, or after a whole-year word are fiscal
// years ("ตุลาคม – ธันวาคม ปีงบประมาณ ๒๕๖๖" is October–December 2565).
// Four-digit years must lie in 2400..2799; two-digit years go through
// expand_be_year. Year-only ranges ("พ.ศ. ๒๕๖๖ - ๒๕๗๐") are not periods.

/// Months of one fiscal year, as fiscal month indexes (1 = October …
/// 12 = September), both inclusive.
struct month_span {
  int first_month_index;
  int last_month_index;
  friend bool operator==(const month_span&, const month_span&) = default;
};

/// A period with its years: first and last month (Common Era), inclusive.
struct year_month_span {
  std::chrono::year_month first;
  std::chrono::year_month last;
  friend bool operator==(const year_month_span&, const year_month_span&) = default;
};

/// Reads a period as months of one fiscal year. Nullopt when the text is not
/// a recognised form, when the end comes before the start in fiscal order
/// ("มีนาคม – มกราคม"), or when stated years put the two ends in different
/// fiscal years ("กรกฎาคม – ธันวาคม ๒๕๖๕").
std::optional<month_span> parse_period(std::string_view text);

/// Reads a period that states a year (at either end, or as a fiscal year) as
/// calendar months; it may span fiscal years ("ต.ค. ๖๕ – ก.ย. ๗๐"). Nullopt
/// when no year is given, the form is not recognised, or the end precedes
/// the start.
std::optional<year_month_span> parse_dated_period(std::string_view text);

/// The fiscal months of `span` when it lies within one fiscal year
/// (use fiscal_year_of(span.first) for the year); nullopt otherwise.
std::optional<month_span> fiscal_month_span(const year_month_span& span);

// --- Dates ------------------------------------------------------------------

/// Reads a Thai date with a BE year: "15 มกราคม 2566", "15 ม.ค. 66",
/// "๑๕ ม.ค. ๒๕๖๖", "วันที่ ๒๑ มกราคม พ.ศ. ๒๕๖๔"; the day must exist in that
/// month ("29 ก.พ. 2566" is nullopt). Returns the Common-Era date.
std::optional<std::chrono::year_month_day> parse_thai_date(std::string_view text);

/// "15 มกราคม 2566", or "15 ม.ค. 2566" when `abbreviated`, with Thai digits
/// ("๑๕ ม.ค. ๒๕๖๖") when `thai_digits`; "" when `date` is not ok().
std::string format_thai_date(std::chrono::year_month_day date, bool abbreviated, bool thai_digits);

/// "2023-01-15"; "" when `date` is not ok().
std::string iso_date(std::chrono::year_month_day date);

/// Reads exactly "YYYY-MM-DD" (ASCII digits, an existing day).
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

}  // namespace planflow::text
