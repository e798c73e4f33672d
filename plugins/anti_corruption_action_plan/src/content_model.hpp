#pragma once
/// The content of an anti-corruption action plan, as C++ values, and its
/// JSON form. README.md describes every field; content_schema() (schema.cpp)
/// is the same model as a JSON Schema.
///
///   plan → goals[] → indicators[] → key_work_items[]
///                                  → projects[] (key_work_items: ids) → activities[]
///
/// Key work items and projects are both lists of the indicator: the
/// ลักษณะสำคัญของงาน column is one merged cell beside the indicator's
/// projects, so each project names the ids of the key work items it serves
/// (many-to-many). Content in the earlier shape, with projects nested under
/// a key work item, is migrated by read_plan: each project then serves that
/// one item.
///
/// A "project" is one numbered entry of the โครงการ/กิจกรรม column (what the
/// document's "รวมจำนวน N โครงการ/กิจกรรม" counts); its activities are the
/// rows that carry a budget, a period and agencies. A project stated on one
/// row with its own budget has exactly one activity with the same title.

#include "findings.hpp"
#include "narrative.hpp"

#include <planflow/plugin/agency_refs.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugins::anti_corruption {

inline constexpr std::string_view k_budget_amount = "amount";
inline constexpr std::string_view k_budget_none = "none";
inline constexpr std::string_view k_budget_unparsed = "unparsed";

/// Largest budget accepted for one activity or total: a provincial plan has
/// no use for a trillion baht, and the cap keeps sums far from overflow.
inline constexpr std::int64_t k_max_baht = 1'000'000'000'000;

struct budget_info {
  std::string kind;                    ///< k_budget_amount, k_budget_none, k_budget_unparsed ("" when unreadable)
  std::optional<std::int64_t> satang;  ///< for "amount" with a valid "baht"
  std::string text;                    ///< the cell as written
  /// Whose money: "งบประมาณจาก สำนักงาน ป.ป.ช.", "งบพัฒนาจังหวัด", … as
  /// the officer records it ("" when not said; the seeds never say).
  std::string source;
};

struct period_info {
  std::string text;                ///< the cell as written
  std::optional<int> first_month;  ///< fiscal month index: 1 = October … 12 = September
  std::optional<int> last_month;
};

/// One quantity a target asks for: "ไม่น้อยกว่า ๓ แห่ง" is 3 แห่ง, at least.
struct measure {
  std::optional<double> value;  ///< nullopt only in content being edited (validation says so)
  std::string unit;
  std::string comparator = "at_least";  ///< "at_least", "at_most" or "exactly"
  std::string path;
};

/// What a target measures. `measures` are the level to reach, or, with a
/// direction, the change from the baseline ("ลดลงร้อยละ ๑๐"). The first
/// measure is the one quarterly progress is reported against.
struct measurable_target {
  std::string direction = "level";  ///< "level", "increase" or "decrease"
  std::vector<measure> measures;
  std::optional<double> baseline;  ///< the value the change starts from, when stated
  std::optional<int> base_year;    ///< Buddhist era, when stated
  std::string path;
};

struct activity {
  std::string id;
  std::string number;  ///< ASCII digits, "" for the unnumbered rows of a project
  std::string title;
  std::string method;
  std::string indicator_text;  ///< the ตัวชี้วัด cell
  std::string target_text;     ///< the measurable part of it, "ไม่น้อยกว่า ๓ แห่ง"
  measurable_target target;
  budget_info budget;
  period_info period;
  /// หน่วยงานรับผิดชอบ: the document has one column, listing the lead agency
  /// first; the importer takes that one as main and the others as supporting.
  std::vector<plugin::agency_ref> main_agencies;
  std::vector<plugin::agency_ref> supporting_agencies;
  std::string path;  ///< JSON Pointer in the content (set by read_plan)
};

struct project {
  std::string id;
  std::string number;
  std::string title;
  /// Ids of the indicator's key work items this project serves.
  std::vector<std::string> key_work_items;
  std::vector<activity> activities;
  std::string path;
};

struct key_work_item {
  std::string id;
  std::string number;
  std::string text;
  std::string path;
};

struct indicator {
  std::string id;
  std::string number;  ///< "1.1", "2.2.1"
  std::string text;
  std::string unit;         ///< "ร้อยละ", "จำนวน", …
  std::string target_text;  ///< the ค่าเป้าหมาย statement as written
  measurable_target target;
  /// Id of another indicator of the same goal whose work items serve this
  /// one too (a table placed under several indicators); "" when none.
  std::string served_by;
  std::vector<key_work_item> key_work_items;
  std::vector<project> projects;
  std::string path;
};

/// Totals as the document states them ("รวมจำนวน ๑๘ โครงการ/กิจกรรม … ๑,๐๒๕,๔๔๐").
struct stated_totals {
  std::optional<std::int64_t> goals;       ///< plan level only
  std::optional<std::int64_t> projects;    ///< "N โครงการ/กิจกรรม"
  std::optional<std::int64_t> activities;  ///< "N กิจกรรม" (budgeted rows)
  std::optional<std::int64_t> budget_satang;
  std::string path;
};

struct goal {
  std::string id;
  int number = 0;
  std::string title;
  std::vector<indicator> indicators;
  std::optional<stated_totals> stated;
  std::string path;
};

struct province_ref {
  std::string code;  ///< ISO 3166-2:TH, "" when unknown
  std::string name_th;
};

struct plan {
  province_ref province;
  int fiscal_year = 0;  ///< Buddhist era, 0 when unknown
  std::string title;
  narrative_info narrative;
  std::vector<goal> goals;
  std::optional<stated_totals> stated;
};

/// Reads content leniently: a missing or mistyped field takes its default.
/// When `issues` is given, each such problem is reported there
/// (invalid_type, missing_field, invalid_value, unknown_field) with its JSON
/// Pointer. Never throws; depth is fixed by the model, not by the input.
/// Content in the earlier shape (indicator → key_work_items[] → projects[])
/// is migrated: its projects join the indicator's, in document order, each
/// serving the item it was under; their paths stay those of the stored
/// content, so findings point where the data is.
plan read_plan(const boost::json::value& content, finding_list* issues);

/// Stored content in today's shape, moved at the JSON level so that nothing
/// else changes (invalid values included, for the officer to fix): the
/// projects under each key work item join their indicator's projects, in
/// document order, each serving the item it was under; agencies as names
/// become references; a target_value (with the unit, and an indicator's
/// baseline) becomes the first measure of a target, its comparator and
/// direction read from target_text. Today's content is returned as it is.
boost::json::value upgrade_content(boost::json::value content);

/// The JSON form of a plan (the inverse of read_plan for valid content).
boost::json::object to_json(const plan& p);

/// Baht as JSON is the SDK's planflow::baht_json (planflow/util/json_util.hpp).
using planflow::baht_json;

/// A number as JSON, written as an integer when it is one (80, not 8E1).
boost::json::value number_json(double value);

/// A target's JSON form.
boost::json::object target_json(const measurable_target& t);

/// The first measure's value, when it has one: what progress is reported against.
std::optional<double> first_value(const measurable_target& t);

/// "เป้าหมายที่ ๑".
std::string goal_label(int number);
/// "ตัวชี้วัดที่ ๑.๑".
std::string indicator_label(std::string_view number);

/// An id with `prefix` (e.g. "a-") used nowhere in `content`: one more than
/// the largest "<prefix><n>" found. For clients adding rows to a plan.
std::string next_id(const boost::json::value& content, std::string_view prefix);

/// Whether `id` is a usable id: 1–64 characters of A–Z a–z 0–9 _ . : -,
/// starting with a letter or digit.
bool is_valid_id(std::string_view id);

}  // namespace planflow::plugins::anti_corruption
