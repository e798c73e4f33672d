#include "render_common.hpp"

#include <planflow/text/thai.hpp>

#include <fmt/format.h>

#include <cmath>

namespace planflow::reports {

std::optional<bool> target_met(std::optional<double> target, std::optional<double> result,
                               std::string_view comparator) {
  if (!target || !result || !std::isfinite(*target) || !std::isfinite(*result)) return std::nullopt;
  if (comparator == "at_most") return *result <= *target;
  if (comparator == "exactly") return std::fabs(*result - *target) <= 1e-6 * std::max(1.0, std::fabs(*target));
  return *result >= *target;
}

std::optional<double> totals::disbursed_percent() const {
  if (planned_satang == 0) return std::nullopt;
  return static_cast<double>(disbursed_satang) * 100.0 / static_cast<double>(planned_satang);
}

namespace detail {
namespace {

// Thailand has kept UTC+7 all year since 1920.
constexpr std::chrono::minutes k_thai_offset{7 * 60};

std::optional<int> read_digits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::uint64_t magnitude(std::int64_t satang) {
  // Unsigned, so that the most negative value has a magnitude too.
  return satang < 0 ? 0 - static_cast<std::uint64_t>(satang) : static_cast<std::uint64_t>(satang);
}

}  // namespace

bool is_national(const report& r) { return !r.provinces.empty() || (r.plans.empty() && r.province_code.empty()); }

std::string_view status_label(std::string_view status) {
  if (status == "not_started") return "ยังไม่ดำเนินการ";
  if (status == "in_progress") return "อยู่ระหว่างดำเนินการ";
  if (status == "done") return "ดำเนินการแล้ว";
  if (status == "cancelled") return "ยกเลิก";
  if (status == "missing") return "ไม่ได้รายงาน";
  return status;
}

std::string_view stage_label(std::string_view stage) {
  if (stage == "collecting") return "อยู่ระหว่างรวบรวม";
  if (stage == "compiled") return "รวบรวมแล้ว";
  if (stage == "acknowledged") return "รับทราบแล้ว";
  return stage;
}

std::string_view late_label(bool late) { return late ? "ใช่" : ""; }

std::string_view target_met_label(std::optional<bool> met) {
  if (!met) return "";
  return *met ? "ใช่" : "ไม่ใช่";
}

std::string period_label(int quarter) {
  return quarter >= 1 && quarter <= 4 ? fmt::format("ไตรมาสที่ {}", quarter) : std::string("สะสมทั้งปี");
}

std::string scope_label(const report& r) {
  if (r.province_code.empty() && r.province_name_th.empty()) return "ภาพรวมทุกจังหวัด";
  // Bangkok is a special administrative area, never "จังหวัดกรุงเทพมหานคร".
  if (r.province_name_th.starts_with("กรุงเทพ")) return r.province_name_th;
  return "จังหวัด" + (r.province_name_th.empty() ? r.province_code : r.province_name_th);
}

std::string report_title(const report& r) {
  return fmt::format("รายงานผลการดำเนินงาน {} {} ปีงบประมาณ พ.ศ. {}", scope_label(r), period_label(r.quarter),
                     r.fiscal_year);
}

std::chrono::year_month_day generated_day(std::string_view generated_at) {
  using namespace std::chrono;
  auto date = text::parse_iso_date(generated_at.substr(0, 10));
  if (!date) return year_month_day{year{0}, month{0}, day{0}};
  // A bare date is already a calendar day; only a time of day can cross midnight.
  auto rest = generated_at.substr(10);
  if (rest.empty() || (rest[0] != 'T' && rest[0] != ' ')) return *date;
  auto hour = read_digits(rest, 1, 2), minute = read_digits(rest, 4, 2);
  if (!hour || !minute || rest.size() < 6 || rest[3] != ':') return *date;
  // planflow writes UTC ("…Z"), and so does SQLite's CURRENT_TIMESTAMP without
  // saying so; an explicit offset is honoured.
  minutes offset{0};
  auto sign_at = rest.find_first_of("+-Z", 6);
  if (sign_at != std::string_view::npos && rest[sign_at] != 'Z') {
    auto zone = rest.substr(sign_at + 1);
    auto zone_hours = read_digits(zone, 0, 2);
    auto zone_minutes = zone.size() > 2 && zone[2] == ':' ? read_digits(zone, 3, 2) : read_digits(zone, 2, 2);
    if (!zone_hours) return *date;
    offset = hours{*zone_hours} + minutes{zone_minutes.value_or(0)};
    if (rest[sign_at] == '-') offset = -offset;
  }
  auto local = sys_days{*date} + hours{*hour} + minutes{*minute} - offset + k_thai_offset;
  return year_month_day{floor<days>(local)};
}

std::vector<activity_line> activity_lines(const report& r) {
  std::vector<activity_line> lines;
  for (const auto& plan : r.plans) {
    for (const auto& goal : plan.goals) {
      for (const auto& indicator : goal.indicators) {
        for (const auto& activity : indicator.activities) lines.push_back({&plan, &goal, &indicator, &activity});
      }
    }
  }
  return lines;
}

std::optional<double> disbursed_percent(const activity_row& a) {
  if (!a.planned_satang || *a.planned_satang == 0) return std::nullopt;
  return static_cast<double>(a.disbursed_satang) * 100.0 / static_cast<double>(*a.planned_satang);
}

double round_percent(double percent) { return std::round(percent * 100.0) / 100.0; }

std::optional<double> column_sums::disbursed_percent() const {
  totals t;
  t.planned_satang = planned_satang;
  t.disbursed_satang = disbursed_satang;
  return t.disbursed_percent();
}

std::array<int, 5> status_counts(const totals& t) {
  return {t.not_started, t.in_progress, t.done, t.cancelled, t.missing};
}

column_sums sum_activities(const std::vector<activity_line>& lines) {
  column_sums sums;
  const plan_report* last_plan = nullptr;
  for (const auto& line : lines) {
    const auto& a = *line.activity;
    if (line.plan != last_plan) ++sums.plans;
    last_plan = line.plan;
    ++sums.rows;
    ++sums.activities;
    for (std::size_t i = 0; i < k_statuses.size(); ++i) {
      if (a.status == k_statuses[i]) ++sums.statuses[i];
    }
    sums.planned_satang += a.planned_satang.value_or(0);
    sums.disbursed_satang += a.disbursed_satang;
    if (a.late) ++sums.late;
    if (a.target_met.value_or(false)) ++sums.targets_met;
  }
  return sums;
}

column_sums sum_provinces(const std::vector<province_row>& provinces) {
  column_sums sums;
  for (const auto& p : provinces) {
    ++sums.rows;
    sums.plans += p.plans;
    sums.activities += p.totals.activities;
    auto counts = status_counts(p.totals);
    for (std::size_t i = 0; i < counts.size(); ++i) sums.statuses[i] += counts[i];
    sums.planned_satang += p.totals.planned_satang;
    sums.disbursed_satang += p.totals.disbursed_satang;
    sums.late += p.late_agencies;
  }
  return sums;
}

std::string plain_baht(std::int64_t satang) {
  auto m = magnitude(satang);
  return fmt::format("{}{}.{:02d}", satang < 0 ? "-" : "", m / 100, m % 100);
}

std::string grouped_baht(std::int64_t satang) {
  auto m = magnitude(satang);
  // format_baht groups the thousands; the satang are always shown so that
  // the column lines up.
  return fmt::format("{}{}.{:02d}", satang < 0 ? "-" : "", text::format_baht(static_cast<std::int64_t>(m / 100) * 100),
                     m % 100);
}

std::string plain_percent(double percent) { return fmt::format("{:.2f}", round_percent(percent)); }

std::string plain_number(double value) {
  if (!std::isfinite(value)) return {};
  auto text = fmt::format("{:.6f}", value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.ends_with('.')) text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

double to_baht(std::int64_t satang) { return static_cast<double>(satang) / 100.0; }

}  // namespace detail
}  // namespace planflow::reports
