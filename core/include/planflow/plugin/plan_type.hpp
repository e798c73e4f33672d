#pragma once
/// The plan-type plugin API. A plan type (the anti-corruption action plan,
/// the ethics promotion plan, ...) is a shared library in the plugins
/// directory that exports two C functions:
///
///     extern "C" int planflow_plugin_abi_version();          // must return k_abi_version
///     extern "C" planflow::plugin::plan_type* planflow_plugin_create();
///
/// (PLANFLOW_DEFINE_PLUGIN(T) below writes both.) planflow loads them at
/// start-up with Boost.DLL and refuses, with a log line, a plugin built for
/// another ABI version. Plugins see only this header, the headers it
/// includes and the plugin SDK (libplanflow_sdk: Thai text handling and
/// finding helpers); they never touch the database.
///
/// ABI history: 1 — first version. 2 — progress_item carries a comparator
/// and a baseline; plan_type::upgrade_content. 3 — plan_context carries the
/// province's agency directory; progress_item the directory ids it names.
/// 4 — plan_type::span_of and indicator_targets, for the year-over-year view.

#include <planflow/text/agency_names.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugin {

inline constexpr int k_abi_version = 4;

/// One problem in a plan's content, located by a JSON Pointer into it.
struct finding {
  std::string severity;  ///< "error" (blocks submission) or "warning"
  std::string code;      ///< stable identifier, e.g. "total_mismatch"
  std::string message_th;
  std::string message_en;
  std::string path;  ///< JSON Pointer into the content ("" = the whole plan)
};

struct province_name {
  std::string code;  ///< ISO 3166-2:TH
  std::string name_th;
  std::string name_en;
};

/// What the host tells a plugin about the plan being checked.
struct plan_context {
  std::string province_code;             ///< may be empty while importing an unknown document
  int fiscal_year = 0;                   ///< Buddhist era, 0 when unknown
  std::vector<province_name> provinces;  ///< all 77, to recognise province names in text
  /// The agencies of the plan's province in the directory, to link the names
  /// a document writes; nullopt when the host has none to give (a document
  /// converted without a database, an unknown province).
  std::optional<std::vector<text::directory_agency>> agencies;

  const province_name* province() const;
};

/// Totals the plugin computes from the content (never trusted from input).
struct totals {
  boost::json::object json;  ///< per goal and overall; at least "activities" and "budget_baht"
};

/// Something an agency reports on each quarter (an activity, usually).
struct progress_item {
  std::string id;    ///< stable within the plan's content
  std::string path;  ///< JSON Pointer to it in the content
  std::string title;
  std::string goal;                           ///< label of the goal it serves, for grouping reports
  std::string indicator;                      ///< label of the indicator it serves
  std::optional<std::int64_t> budget_satang;  ///< nullopt: no budget
  bool measurable = false;                    ///< the agency reports a result value against `target_value`
  std::optional<double> target_value;
  std::string unit;
  /// How a result is held against `target_value`: "at_least" (ไม่น้อยกว่า,
  /// and what a bare target means), "at_most" (ไม่เกิน) or "exactly". A
  /// relative target ("ลดลงร้อยละ ๑๐ จากปีฐาน") is given as the level to reach.
  std::string comparator = "at_least";
  std::optional<double> baseline;     ///< the value a relative target starts from, when the plan states it
  std::vector<std::string> agencies;  ///< responsible agencies as written in the plan, main ones first
  /// Directory ids of the agencies the content links, main ones first: the
  /// first is the agency that reports on the item.
  std::vector<std::int64_t> agency_ids;
};

/// The years a multi-year plan covers: the province's five-year plan an
/// annual plan is an edition of, or a plan that spans years itself.
struct plan_span {
  std::string title;  ///< as the content names it ("แผนปฏิบัติการขับเคลื่อนระดับจังหวัด"), "" when it does not
  int first_year = 0;  ///< Buddhist era
  int last_year = 0;
};

/// What content sets an indicator to reach in one fiscal year.
struct indicator_target {
  std::string key;    ///< stable across the editions of a plan ("1.1", an indicator id)
  std::string label;  ///< as progress_item::indicator names it, to find its items' results
  std::string text;
  std::optional<double> value;
  std::string unit;
  std::string comparator = "at_least";  ///< as progress_item::comparator
  std::string direction = "level";      ///< "level", "increase" or "decrease" (a change from a baseline)
};

/// A section of the provincial report, in order.
struct report_section {
  std::string id;
  std::string title_th;
  std::string title_en;
};

/// The outcome of importing a document.
struct import_result {
  boost::json::object content;
  std::vector<finding> findings;
  std::string title;          ///< as the document states it
  std::string province_code;  ///< detected from the document, "" when not found
  int fiscal_year = 0;        ///< detected (Buddhist era), 0 when not found
};

class plan_type {
 public:
  virtual ~plan_type() = default;

  virtual std::string id() const = 0;  ///< e.g. "anti_corruption_action_plan"
  virtual std::string name_th() const = 0;
  virtual std::string name_en() const = 0;
  /// The workflow a new plan of this type follows unless told otherwise.
  virtual std::string default_workflow() const = 0;

  /// The content of a new, empty plan.
  virtual boost::json::object empty_content(const plan_context& ctx) const = 0;
  /// A JSON Schema of the content, for documentation and forms.
  virtual boost::json::object content_schema() const = 0;
  /// Content stored by an earlier version of the plugin, in today's shape
  /// (what content_schema() describes), so that plans saved before a change
  /// of the model read, edit and save as new ones do. Called on every stored
  /// revision the server reads. Must return today's content unchanged, keep
  /// everything it does not move, and not throw for any JSON value.
  virtual boost::json::value upgrade_content(boost::json::value stored) const { return stored; }

  /// The multi-year plan the content belongs to, when it says. Must not
  /// throw for any JSON value.
  virtual std::optional<plan_span> span_of(const boost::json::value& /*content*/) const { return std::nullopt; }
  /// The indicator targets the content sets for `fiscal_year` (Buddhist
  /// era), in document order; none for a year it sets nothing for. Must not
  /// throw for any JSON value.
  virtual std::vector<indicator_target> indicator_targets(const boost::json::value& /*content*/,
                                                          int /*fiscal_year*/) const {
    return {};
  }

  /// Every problem of the content: structure, values and consistency. Must
  /// not throw for any JSON value.
  virtual std::vector<finding> validate(const boost::json::value& content, const plan_context& ctx) const = 0;
  /// Totals computed from the content. Must not throw for content that
  /// validate() accepted without errors.
  virtual totals compute_totals(const boost::json::value& content) const = 0;
  /// What agencies report on each quarter.
  virtual std::vector<progress_item> progress_items(const boost::json::value& content) const = 0;
  virtual std::vector<report_section> report_sections() const = 0;

  /// How sure the plugin is (0..1) that a document is of its type.
  virtual double detect(std::string_view document_text) const = 0;
  /// Turns a document exported from a word processor into content, with
  /// findings for what is wrong or doubtful in it. Must not throw or crash for
  /// any input.
  virtual import_result import_document(std::string_view document_text, const plan_context& ctx) const = 0;
};

}  // namespace planflow::plugin

/// Exports a plan type class from a plugin library.
#define PLANFLOW_DEFINE_PLUGIN(type)                                                                          \
  extern "C" __attribute__((visibility("default"))) int planflow_plugin_abi_version() {                       \
    return ::planflow::plugin::k_abi_version;                                                                 \
  }                                                                                                           \
  extern "C" __attribute__((visibility("default"))) ::planflow::plugin::plan_type* planflow_plugin_create() { \
    return new type();                                                                                        \
  }
