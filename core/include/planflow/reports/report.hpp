#pragma once
/// The provincial quarterly report as data, computed by SQL (reports/query)
/// and rendered to JSON, CSV, XLSX and printable HTML (reports/render).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::reports {

/// Counts and money for a group of activities. Money is in satang (1/100 baht).
struct totals {
  int activities = 0;
  int not_started = 0;
  int in_progress = 0;
  int done = 0;
  int cancelled = 0;
  int missing = 0;  ///< no confirmed entry for the period
  std::int64_t planned_satang = 0;
  std::int64_t disbursed_satang = 0;
  int targets_met = 0;      ///< activities whose result reaches their target
  int targets_not_met = 0;  ///< activities with a result that does not

  /// disbursed / planned in percent, or nullopt when nothing was planned.
  std::optional<double> disbursed_percent() const;
};

struct activity_row {
  std::string item_id;
  std::string title;
  std::string agency;                          ///< responsible agency (Thai name)
  std::optional<std::int64_t> planned_satang;  ///< nullopt: no budget
  std::int64_t disbursed_satang = 0;           ///< in the period (a quarter, or the year so far)
  std::string status;                          ///< not_started, in_progress, done, cancelled, missing
  std::optional<double> percent_complete;
  std::optional<double> target_value;
  std::optional<double> result_value;
  std::string unit;
  std::string comparator = "at_least";  ///< at_least, at_most or exactly (see target_met)
  std::optional<bool> target_met;       ///< nullopt: no target or no result to hold against it
  bool late = false;                    ///< past the due date without a confirmed entry
};

/// Whether `result` reaches `target` as `comparator` says: at least (the
/// default, also for a comparator not known here), at most, or exactly (to
/// a millionth, since results are typed decimals). nullopt when either is
/// missing or not a finite number.
std::optional<bool> target_met(std::optional<double> target, std::optional<double> result, std::string_view comparator);

struct indicator_section {
  std::string indicator;
  reports::totals totals;
  std::vector<activity_row> activities;
};

struct goal_section {
  std::string goal;
  reports::totals totals;
  std::vector<indicator_section> indicators;
};

struct plan_report {
  std::int64_t plan_id = 0;
  std::string title;
  std::string province_code;
  std::string province_name_th;
  std::string plan_type;
  std::string agency;
  std::string report_stage;  ///< of the quarter's report case (collecting, compiled, acknowledged)
  std::string due_on;        ///< ISO date; "" for the cumulative view
  reports::totals totals;
  std::vector<goal_section> goals;
  std::vector<std::string> late_agencies;
};

/// One province's line in the national roll-up.
struct province_row {
  std::string province_code;
  std::string province_name_th;
  int plans = 0;
  reports::totals totals;
  int late_agencies = 0;
};

struct report {
  std::string province_code;  ///< "" for the national roll-up
  std::string province_name_th;
  std::string plan_type;     ///< "" for every plan type
  int fiscal_year = 0;       ///< Buddhist era
  int quarter = 0;           ///< 1..4, or 0 for the year so far (cumulative)
  std::string generated_at;  ///< ISO timestamp
  reports::totals totals;
  std::vector<plan_report> plans;       ///< provincial report: every plan in detail
  std::vector<province_row> provinces;  ///< national roll-up: one row per province
};

}  // namespace planflow::reports
