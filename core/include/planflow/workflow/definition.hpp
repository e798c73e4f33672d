#pragma once
/// Workflow definitions: the data an administrator publishes to describe how
/// a plan (or a quarterly report) moves from stage to stage. The format is
/// documented in workflows/README.md and workflows/workflow.schema.json.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::workflow {

/// The roles a definition may name: admin, agency_officer, agency_head,
/// committee_member, committee_chair, committee_secretary, observer.
const std::vector<std::string>& known_roles();

/// The guards the engine evaluates: valid_content, quorum, all_progress_confirmed.
const std::vector<std::string>& known_guards();

struct localized {
  std::string th;
  std::string en;

  bool operator==(const localized&) const = default;
};

enum class stage_kind { editing, review, approval, reporting, terminal };
std::string_view to_string(stage_kind kind);
/// The kind named `name` ("editing", ...), or nothing for an unknown name.
std::optional<stage_kind> parse_stage_kind(std::string_view name);

/// What happens when a stage's deadline passes: the system takes
/// `escalate_action` (a transition out of the stage) or, when that is empty,
/// only records an overdue event.
struct deadline {
  int days = 0;
  std::string escalate_action;

  bool operator==(const deadline&) const = default;
};

struct stage {
  std::string id;
  localized title;
  stage_kind kind = stage_kind::editing;
  std::vector<std::string> editable_by;  ///< roles that may change content here
  std::optional<workflow::deadline> deadline;

  bool operator==(const stage&) const = default;
};

enum class quorum_rule { count, majority, all };

struct guard {
  std::string type;  ///< one of known_guards()
  // quorum only: `k` (quorum_rule::count), "majority" or "all" of the members
  // holding `role` in the plan's province must have signed the same revision.
  std::string role;
  quorum_rule rule = quorum_rule::count;
  int k = 0;

  bool operator==(const guard&) const = default;
};

struct transition {
  std::string action;
  localized title;
  std::string from;
  std::string to;
  std::vector<std::string> roles;  ///< who may take it
  bool comment_required = false;
  /// Taking it records the actor's signature on the current revision; the
  /// case moves to `to` only once every guard passes (e.g. a quorum).
  bool signature = false;
  std::vector<guard> guards;

  bool operator==(const transition&) const = default;
};

struct definition {
  std::string id;
  int version = 0;  ///< assigned when published
  localized title;
  std::vector<std::string> plan_types;
  std::string initial_stage;
  std::optional<int> max_revision_rounds;  ///< returns to an editing stage allowed
  std::vector<stage> stages;
  std::vector<transition> transitions;

  const stage* find_stage(std::string_view id) const;
  const transition* find_transition(std::string_view from, std::string_view action) const;
  std::vector<const transition*> transitions_from(std::string_view stage_id) const;

  /// Compares every member, `version` included.
  bool operator==(const definition&) const = default;
};

/// One problem found in a definition, located by a JSON Pointer into it.
/// `code` and `params` are for programs (a client words the message in its
/// own language from them); `message` says the same in English.
struct finding {
  std::string pointer;
  std::string code;     ///< stable, e.g. "unknown_stage", "unreachable_stage"
  std::string message;  ///< English, for people
  /// What the finding is about, as data: "stage", "transition" (an action
  /// name), "from", "role", "guard", "field", lists of further "stages"...
  /// The members of each code are listed in workflows/README.md.
  boost::json::object params = {};
};

struct validation_report {
  std::vector<finding> errors;
  std::vector<finding> warnings;
  bool ok() const { return errors.empty(); }
};

struct parse_result {
  std::optional<definition> def;  ///< set only when report.ok()
  validation_report report;
};

/// Reads a definition from JSON and validates it statically, listing every
/// problem (not only the first).
parse_result parse_definition(const boost::json::value& json);

/// Findings as the API writes them: `{pointer, code, params, detail}` each.
boost::json::array findings_json(const std::vector<finding>& findings);

/// The definition as JSON, in the published format (round-trips through parse_definition).
boost::json::object to_json(const definition& def);

/// The stages and transitions as a Graphviz digraph or a Mermaid flowchart.
std::string to_dot(const definition& def);
std::string to_mermaid(const definition& def);

}  // namespace planflow::workflow
