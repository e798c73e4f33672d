#pragma once
// The content of an ethics promotion plan (README.md documents the JSON):
//
//   plan ─ province, span (BE years), fiscal_year, title
//     ├ national_strategy, ethical_standards[], vision, missions[], plan_goals[]
//     ├ implementation, monitoring, committee (mandate, reporting[]),
//     │ budget_sources[], approval  (all optional: the narrative around the tables)
//     └ strategies[]            the five strategies of the master plan (ยุทธศาสตร์)
//        └ goals[]              เป้าหมาย
//           └ indicators[]      ตัวชี้วัด, with unit and one target per year of the span
//              └ strategies[]   กลยุทธ์, the province's own ways to the indicator
//                 └ projects[]  แผนงาน/โครงการ/กิจกรรม: agencies, budget, own targets if any
//
// The structs below are how the importer and empty_content() build content;
// everything that reads content (validation, totals, progress) reads the JSON
// itself through the checked accessors at the end, because it must accept any
// JSON value.

#include <planflow/plugin/plan_type.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planflow::plugins::ethics {

// --- Building content ----------------------------------------------------------

struct target_value {
  std::optional<double> value;  ///< nullopt: the document gives no usable number
  std::string text;             ///< the cell as the document has it (cleaned)
  /// How a result is held against the value: "at_least" (what a bare
  /// number means), "at_most" (ไม่เกิน) or "exactly".
  std::string comparator = "at_least";
};

/// One target per year, in year order.
struct target_series {
  std::vector<std::pair<int, target_value>> years;

  bool all_blank() const;  ///< no year has any text
};

struct budget_info {
  std::string kind = "unparsed";       ///< "amount", "none" or "unparsed"
  std::optional<std::int64_t> satang;  ///< with kind "amount"
  std::string text;                    ///< the cell as written
};

/// A cell the importer found but could not place (README: misplaced_value).
struct unplaced_cell {
  std::string column;  ///< "budget", "targets", "unit", "agencies"
  std::string text;
  int line = 0;  ///< line of the document, 0 when unknown
};

struct activity_node {
  std::string id;
  std::string title;
};

struct project_node {
  std::string id;
  std::string title;
  std::vector<activity_node> activities;
  std::vector<std::string> main_agencies;
  std::vector<std::string> supporting_agencies;
  budget_info budget;
  std::string budget_source;
  bool has_targets = false;  ///< the project carries its own unit and targets
  std::string unit;
  target_series targets;
  std::vector<unplaced_cell> unplaced;
};

struct tactic_node {  // กลยุทธ์; "strategies" in the JSON
  std::string id;
  std::string title;
  std::vector<project_node> projects;
};

struct indicator_node {
  std::string id;
  std::string text;
  std::string unit;
  target_series targets;
  std::vector<tactic_node> tactics;
};

struct goal_node {
  std::string id;
  std::string text;
  std::vector<indicator_node> indicators;
};

struct strategy_node {
  int number = 0;
  std::string title;
  std::vector<goal_node> goals;
};

// --- The narrative around the tables (issue 14 item 4) ---------------------------
// Every member is optional: content stored before these existed stays valid,
// and the importer writes only what the document says.

/// A frequency as the document states it ("ทุก ๖ เดือน", "รายไตรมาส").
struct frequency_info {
  int every_months = 0;  ///< 1 monthly, 3 quarterly, 6 six-monthly, 12 yearly
  std::string text;      ///< the words as written
};

/// The national strategy the plan is written under ("ภายใต้ยุทธศาสตร์ด้าน…").
struct national_strategy_info {
  std::string title;  ///< its name without the years
  std::optional<int> first_year, last_year;
  std::string text;  ///< the sentence or heading as written
};

/// One ethical standard (มาตรฐานทางจริยธรรม) as the document lists it.
struct ethical_standard {
  int number = 0;
  std::string text;
  std::vector<std::string> national_strategy_alignment;  ///< ยุทธศาสตร์ชาติ ๒๐ ปี it serves
};

struct reporting_duty {
  std::string text;  ///< who reports what to whom, as written
  std::optional<frequency_info> frequency;
};

struct committee_info {
  std::string name;     ///< e.g. the foreword's signature
  std::string mandate;  ///< อำนาจหน้าที่, as written
  std::vector<reporting_duty> reporting;
  bool empty() const { return name.empty() && mandate.empty() && reporting.empty(); }
};

struct monitoring_info {
  std::string text;
  std::optional<frequency_info> frequency;
};

/// The document's own approval: the meeting that approved this plan.
struct approval_info {
  std::string body;        ///< who approved (คณะกรรมการ…), when the text says
  std::string meeting;     ///< meeting number, ASCII digits ("1/2568")
  std::string date;        ///< ISO 8601 (Common Era), "" when none is readable
  std::string resolution;  ///< the resolution as written (มติ…)
  std::string text;        ///< the paragraph as written
};

struct narrative_node {
  std::optional<national_strategy_info> national_strategy;
  std::vector<ethical_standard> ethical_standards;
  std::string vision;
  std::vector<std::string> missions;
  std::vector<std::string> plan_goals;
  std::string implementation;
  std::optional<monitoring_info> monitoring;
  committee_info committee;
  std::vector<std::string> budget_sources;
  std::optional<approval_info> approval;
};

struct plan_node {
  std::string province_code;
  std::string province_name_th;
  std::optional<int> first_year;
  std::optional<int> last_year;
  std::optional<int> fiscal_year;
  std::string title;
  narrative_node narrative;
  std::vector<strategy_node> strategies;
};

/// The JSON of a plan built in memory.
boost::json::object to_json(const plan_node& plan);

/// Stored content in today's shape: agencies stored as name strings (before
/// they were references) become unlinked references, split where a string
/// names several; nothing else changes. Today's content is returned as it is.
boost::json::value upgrade_content(boost::json::value content);

/// Links every unlinked agency reference of the content to the province's
/// directory in `ctx` where the name matches (plugin::link_agency_refs).
void link_agencies(boost::json::value& content, const plugin::plan_context& ctx);

/// A new plan: the host's province and fiscal year, the plan span holding
/// that year and the five strategies without goals.
plan_node empty_plan(const plugin::plan_context& ctx);

/// An empty series for `years`.
target_series empty_series(const std::vector<int>& years);

// Ids are positional paths ("s2.g1.i3.t1.p2"): unique by construction and
// readable in findings; once content exists they are kept as stored.
std::string goal_id(int strategy_number, std::size_t goal);
std::string child_id(std::string_view parent_id, char kind, std::size_t index);

// JSON Pointers of the nodes, by index.
std::string strategy_pointer(std::size_t s);
std::string goal_pointer(std::size_t s, std::size_t g);
std::string indicator_pointer(std::size_t s, std::size_t g, std::size_t i);
std::string tactic_pointer(std::size_t s, std::size_t g, std::size_t i, std::size_t t);
std::string project_pointer(std::size_t s, std::size_t g, std::size_t i, std::size_t t, std::size_t p);

// --- Reading content -------------------------------------------------------------

const boost::json::object* object_at(const boost::json::object& o, std::string_view key);
const boost::json::array* array_at(const boost::json::object& o, std::string_view key);
/// The string member `key`, "" when it is missing or not a string.
std::string_view string_at(const boost::json::object& o, std::string_view key);
/// A whole number in any JSON spelling (7, 7.0); nullopt otherwise.
using planflow::integer_of;
std::optional<std::int64_t> integer_at(const boost::json::object& o, std::string_view key);
/// A finite number; nullopt otherwise.
std::optional<double> number_of(const boost::json::value& v);

/// A budget's amount in satang when its kind is "amount" and "baht" a
/// sensible number; nullopt otherwise.
std::optional<std::int64_t> budget_satang(const boost::json::object& project);

/// Largest budget accepted, in baht: far above any provincial budget, far
/// below where satang sums could overflow.
inline constexpr double k_max_budget_baht = 1e12;

/// The target of `year` in a targets object: its number when it has one.
std::optional<double> target_of(const boost::json::object* targets, int year);

/// The comparator of `year` in a targets object: "at_least" when the cell
/// names none (content stored before targets had one).
std::string comparator_of(const boost::json::object* targets, int year);

/// Every project of the content with what it hangs under; malformed parts of
/// the content are skipped, so this accepts any JSON value.
struct project_view {
  std::size_t s = 0, g = 0, i = 0, t = 0, p = 0;
  int strategy_number = 0;
  const boost::json::object* strategy = nullptr;
  const boost::json::object* goal = nullptr;
  const boost::json::object* indicator = nullptr;
  const boost::json::object* project = nullptr;
};

template <class Visitor>
void for_each_project(const boost::json::value& content, Visitor&& visit) {
  const auto* root = content.if_object();
  const auto* strategies = root ? array_at(*root, "strategies") : nullptr;
  if (!strategies) return;
  for (std::size_t s = 0; s < strategies->size(); ++s) {
    const auto* strategy = (*strategies)[s].if_object();
    const auto* goals = strategy ? array_at(*strategy, "goals") : nullptr;
    if (!goals) continue;
    int number = static_cast<int>(integer_at(*strategy, "number").value_or(0));
    for (std::size_t g = 0; g < goals->size(); ++g) {
      const auto* goal = (*goals)[g].if_object();
      const auto* indicators = goal ? array_at(*goal, "indicators") : nullptr;
      if (!indicators) continue;
      for (std::size_t i = 0; i < indicators->size(); ++i) {
        const auto* indicator = (*indicators)[i].if_object();
        const auto* tactics = indicator ? array_at(*indicator, "strategies") : nullptr;
        if (!tactics) continue;
        for (std::size_t t = 0; t < tactics->size(); ++t) {
          const auto* tactic = (*tactics)[t].if_object();
          const auto* projects = tactic ? array_at(*tactic, "projects") : nullptr;
          if (!projects) continue;
          for (std::size_t p = 0; p < projects->size(); ++p) {
            const auto* project = (*projects)[p].if_object();
            if (!project) continue;
            visit(project_view{s, g, i, t, p, number, strategy, goal, indicator, project});
          }
        }
      }
    }
  }
}

}  // namespace planflow::plugins::ethics
