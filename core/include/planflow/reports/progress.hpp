#pragma once
/// Quarterly progress: when a plan is approved its activities are fixed as
/// report items and four quarterly reports (one per fiscal quarter) are
/// created, each a workflow case of its own (workflows/quarterly_report.json).
/// Agencies enter progress on their items, their head confirms, the
/// committee secretary compiles and the committee acknowledges.

#include <planflow/directory/users.hpp>
#include <planflow/plugin/registry.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/workflow/engine.hpp>

#include <boost/json/array.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planflow::reports {

inline constexpr const char* k_report_workflow = "quarterly_report";

struct quarter_dates {
  std::string opens_on;  ///< ISO date: the quarter's first day
  std::string ends_on;   ///< ISO date: the quarter's last day
  std::string due_on;    ///< ISO date: the 5th day of the month after the quarter
};

/// Q1 = October–December of the year before, ..., Q4 = July–September.
quarter_dates dates_of(int fiscal_year_be, int quarter);

struct quarterly_report {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::int64_t case_id = 0;
  int fiscal_year = 0;
  int quarter = 0;
  std::string opens_on;
  std::string due_on;
  std::optional<std::string> opened_at;  ///< opened early by the secretary
  std::string stage;

  bool is_open(const std::string& today) const { return opened_at.has_value() || opens_on <= today; }
  bool is_late(const std::string& today) const { return due_on < today; }
};

struct report_item {
  std::int64_t row_id = 0;
  std::string item_id;
  std::string title;
  std::string goal;
  std::string indicator;
  std::optional<std::int64_t> budget_satang;
  bool measurable = false;
  std::optional<double> target_value;
  std::string unit;
  std::int64_t agency_id = 0;
  std::string agency_text;
  std::string comparator = "at_least";  ///< how a result is held against target_value
  std::optional<double> baseline;
};

struct entry_input {
  std::string status;  ///< not_started, in_progress, done, cancelled
  std::string cancel_reason;
  std::optional<double> percent_complete;
  std::int64_t disbursed_satang = 0;  ///< in this quarter
  std::string over_budget_reason;
  std::optional<double> result_value;
  std::string narrative;
  std::vector<std::string> evidence;  ///< links
};

struct entry : entry_input {
  std::int64_t item_row_id = 0;
  std::int64_t agency_id = 0;
  std::int64_t entered_by = 0;
  std::string entered_at;
  std::optional<std::int64_t> confirmed_by;
  std::optional<std::string> confirmed_at;
};

/// How far one agency is with one report.
struct agency_status {
  std::int64_t agency_id = 0;
  std::string agency_name;
  int items = 0;
  int entered = 0;
  int confirmed = 0;
  std::string state;  ///< confirmed, submitted (entered, not all confirmed), missing, late
};

class progress_service {
 public:
  progress_service(storage::database& db, workflow::engine& engine, plugin::registry& types);

  /// Called for every case event inside its transaction: when a plan enters
  /// a reporting stage for the first time, creates its items and reports.
  void on_case_event(soci::session& sql, const workflow::case_state& c, const workflow::event& e);

  /// The all_progress_confirmed guard: for a report, every item confirmed;
  /// for a plan, every quarterly report acknowledged.
  workflow::guard_result progress_confirmed(soci::session& sql, const workflow::case_state& c);

  std::vector<quarterly_report> reports_of(soci::session& sql, std::int64_t plan_id);
  std::optional<quarterly_report> find_report(soci::session& sql, std::int64_t report_id);
  std::optional<quarterly_report> find_report_by_case(soci::session& sql, std::int64_t case_id);
  std::vector<report_item> items_of(soci::session& sql, std::int64_t plan_id);
  /// The agencies with at least one activity of the plan assigned to them.
  std::vector<std::int64_t> reporting_agencies(soci::session& sql, std::int64_t plan_id);
  /// The reports of every plan in which the agency has an activity, oldest first.
  std::vector<std::int64_t> report_ids_of_agency(soci::session& sql, std::int64_t agency_id);
  std::vector<entry> entries_of(soci::session& sql, std::int64_t report_id);
  std::vector<agency_status> agency_statuses(soci::session& sql, const quarterly_report& r, const std::string& today);

  /// Opens a report before its quarter starts (the committee secretary).
  void open_early(std::int64_t report_id, const directory::user& secretary, const std::string& remote_address);

  /// Saves an agency's entry for one item; resets its confirmation. Throws
  /// error::problem 409 when the report is not open or not collecting, 403 when
  /// the item is not the user's agency's, 422 naming fields for bad values.
  entry save_entry(std::int64_t report_id, const std::string& item_id, const entry_input& input,
                   const directory::user& user, const std::string& remote_address);

  /// The agency head confirms every entry of their agency; 409 listing items
  /// still missing an entry.
  int confirm_agency(std::int64_t report_id, const directory::user& head, const std::string& remote_address);

  /// Reassigns an item to another agency of the plan's province (secretary).
  void assign_item(std::int64_t plan_id, const std::string& item_id, std::int64_t agency_id, const directory::user& by);

 private:
  /// `remote_address`: of the request whose action opened reporting.
  void create_reports(soci::session& sql, const workflow::case_state& plan_case, const std::string& remote_address);

  storage::database& db_;
  workflow::engine& engine_;
  plugin::registry& types_;
};

/// The date in Thailand (UTC+7, no daylight saving) at `now`, ISO form.
/// Reports are due and late by the Thai calendar: a report due on the 5th is
/// not late at 01:00 on the 6th in Bangkok just because UTC says the 5th.
std::string today_iso(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace planflow::reports
