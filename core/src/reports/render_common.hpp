#pragma once
// What the renderers share, so that the CSV, the workbook and the printed
// page say the same thing in the same words: Thai labels, column headings,
// number spellings and the totals of the rows actually written.

#include <planflow/reports/report.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::reports::detail {

/// The national roll-up has province rows; a provincial report has plans.
/// A national report with no province yet is still national.
bool is_national(const report& r);

/// ยังไม่ดำเนินการ, อยู่ระหว่างดำเนินการ, …; an unknown status as it is.
std::string_view status_label(std::string_view status);

/// อยู่ระหว่างรวบรวม, รวบรวมแล้ว, รับทราบแล้ว; an unknown stage as it is.
std::string_view stage_label(std::string_view stage);

/// "ใช่" for a late activity, "" otherwise.
std::string_view late_label(bool late);
/// "ใช่" / "ไม่ใช่" for a target reached or not, "" when there is nothing to judge.
std::string_view target_met_label(std::optional<bool> met);

/// "ไตรมาสที่ 2" or "สะสมทั้งปี" for quarter 0.
std::string period_label(int quarter);

/// "จังหวัดเชียงใหม่", "กรุงเทพมหานคร" or "ภาพรวมทุกจังหวัด".
std::string scope_label(const report& r);

/// "รายงานผลการดำเนินงาน จังหวัดเชียงใหม่ ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2567".
std::string report_title(const report& r);

/// The day `generated_at` fell on in Thailand (UTC+7, no daylight saving);
/// not ok() when the timestamp cannot be read.
std::chrono::year_month_day generated_day(std::string_view generated_at);

// One activity with the section it sits in, in report order.
struct activity_line {
  const plan_report* plan;
  const goal_section* goal;
  const indicator_section* indicator;
  const activity_row* activity;
};
std::vector<activity_line> activity_lines(const report& r);

/// Disbursed / planned in percent for one activity; nullopt without a budget.
std::optional<double> disbursed_percent(const activity_row& a);

/// Percent rounded to two decimals, as JSON, CSV and the page give it; the
/// workbook keeps the full value behind a 0.00 format, so sums stay exact.
double round_percent(double percent);

// Sums of the rows a renderer writes. Computed from the rows rather than
// taken from report::totals so that a totals row always equals the column
// above it, which is what a reader (and a recalculating spreadsheet) checks.
struct column_sums {
  int rows = 0;
  int plans = 0;
  int activities = 0;
  std::array<int, 5> statuses{};  // not_started, in_progress, done, cancelled, missing
  std::int64_t planned_satang = 0;
  std::int64_t disbursed_satang = 0;
  int late = 0;  // late activities (provincial) or late agencies (national)
  int targets_met = 0;
  std::optional<double> disbursed_percent() const;
};
column_sums sum_activities(const std::vector<activity_line>& lines);
column_sums sum_provinces(const std::vector<province_row>& provinces);

// --- Columns ------------------------------------------------------------------

enum class activity_column {
  plan,
  goal,
  indicator,
  activity,
  agency,
  status,
  planned,
  disbursed,
  disbursed_percent,
  target,
  result,
  unit,
  target_met,
  progress,
  late,
};
// One heading a line:
// clang-format off
inline constexpr std::array<std::string_view, 15> k_activity_headers{
    "แผน",
    "เป้าหมาย",
    "ตัวชี้วัด",
    "โครงการ/กิจกรรม",
    "หน่วยงาน",
    "สถานะ",
    "งบประมาณที่ได้รับ (บาท)",
    "เบิกจ่าย (บาท)",
    "ร้อยละการเบิกจ่าย",
    "ค่าเป้าหมาย",
    "ผลการดำเนินงาน",
    "หน่วยนับ",
    "บรรลุค่าเป้าหมาย",
    "ร้อยละความก้าวหน้า",
    "ล่าช้า",
};
// clang-format on

enum class province_column {
  code,
  name,
  plans,
  activities,
  not_started,
  in_progress,
  done,
  cancelled,
  missing,
  planned,
  disbursed,
  disbursed_percent,
  late_agencies,
};
// clang-format off: one heading a line
inline constexpr std::array<std::string_view, 13> k_province_headers{
    "รหัสจังหวัด",         "จังหวัด",          "จำนวนแผน",     "จำนวนโครงการ/กิจกรรม", "ยังไม่ดำเนินการ",
    "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว",    "ยกเลิก",        "ไม่ได้รายงาน",          "งบประมาณที่ได้รับ (บาท)",
    "เบิกจ่าย (บาท)",     "ร้อยละการเบิกจ่าย", "หน่วยงานที่ล่าช้า",
};
// clang-format on

/// The status counts of `t` in the order of the status columns above.
std::array<int, 5> status_counts(const totals& t);

/// The statuses in the order of status_counts(), and their Thai names.
inline constexpr std::array<std::string_view, 5> k_statuses{"not_started", "in_progress", "done", "cancelled",
                                                            "missing"};
inline constexpr std::array<std::string_view, 5> k_status_headers{
    "ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว", "ยกเลิก", "ไม่ได้รายงาน",
};

inline constexpr std::string_view k_total_label = "รวม";

template <class Column>
constexpr std::size_t index(Column c) {
  return static_cast<std::size_t>(c);
}

// --- Numbers ------------------------------------------------------------------

/// Baht as a plain decimal for machines: 123456 → "1234.56", -5 → "-0.05".
std::string plain_baht(std::int64_t satang);

/// Baht for people: 123456789 → "1,234,567.89", always two decimals.
std::string grouped_baht(std::int64_t satang);

/// Two decimals, no separators: 12.345 → "12.35".
std::string plain_percent(double percent);

/// A target or result value without exponent or trailing zeros: 82 → "82",
/// 1.5 → "1.5", 1e20 → "100000000000000000000".
std::string plain_number(double value);

/// Satang as baht for a numeric cell or JSON number.
double to_baht(std::int64_t satang);

}  // namespace planflow::reports::detail
