#pragma once
/// The workflow engine: moves cases (plans, quarterly reports) through the
/// stages of the workflow version they started on. Every change is one
/// transaction: the case row is locked, the stage, role, comment, revision
/// and guards are checked, and the transition, its event and the new stage
/// are written together.

#include <planflow/directory/users.hpp>
#include <planflow/error/codes.hpp>
#include <planflow/policy/policy.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/workflow/definition.hpp>
#include <planflow/workflow/store.hpp>

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace planflow::workflow {

/// One workflow instance as stored in workflow_cases.
struct case_state {
  std::int64_t id = 0;
  std::string subject_kind;  ///< "plan" or "report"
  std::string workflow_id;
  int workflow_version = 0;
  std::string stage;
  int stage_seq = 1;  ///< counts stage entries; signatures belong to one entry
  std::string stage_entered_at;
  std::optional<std::string> deadline_at;
  bool deadline_done = false;
  int revision = 1;
  std::string content_sha256;
  int content_errors = 0;
  int revision_rounds = 0;
  std::string province_code;
  std::string plan_type;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> created_by;
  int event_count = 0;

  directory::case_scope scope() const { return {province_code, plan_type, agency_id}; }
};

struct new_case {
  std::string subject_kind;
  std::string workflow_id;
  int workflow_version = 0;  ///< 0: the version new cases get
  std::string province_code;
  std::string plan_type;
  std::optional<std::int64_t> agency_id;
  std::int64_t created_by = 0;
  std::string content_sha256;
  int content_errors = 0;
  std::string remote_address;  ///< the client's, for the history and the audit log ("" for the system)
};

/// Why something is as it is, as data (a message of the catalog and its
/// params) with its English wording, for logs and clients that show text.
struct reason {
  std::string code;
  boost::json::object params;
  std::string text;

  static reason of(error::message_code code, boost::json::object params = {});
  boost::json::object to_json() const;
};

struct guard_result {
  std::string type;
  bool met = false;
  std::string reason;  ///< why it is not met, or what it saw (e.g. "2 of 3 signed; 2 needed"), in English
  // quorum only: signatures counted, members holding the role, signatures needed
  int have = -1;
  int members = -1;
  int needed = -1;
  /// `reason` as a catalog code and its params, for wording it in any language.
  std::string code = {};
  boost::json::object params = {};

  static guard_result of(std::string type, bool met, error::message_code code, boost::json::object params = {});
};

boost::json::array guards_json(const std::vector<guard_result>& guards);

/// Evaluates one kind of guard; the engine has valid_content and quorum
/// built in, other modules register theirs (all_progress_confirmed).
using guard_evaluator = std::function<guard_result(soci::session&, const case_state&, const guard&)>;

/// The person acting and, when they act under a delegation, whom for.
using policy::acting_as;

/// Finds the roles a user may act in for a case: the policy supplies it
/// (policy::roles_with_delegations in the server, policy::own_roles in tests).
using role_resolver = std::function<std::map<std::string, acting_as>(soci::session&, const directory::user&,
                                                                     const directory::case_scope&)>;

struct apply_request {
  std::int64_t case_id = 0;
  std::string action;
  directory::user actor;
  std::string comment;
  /// If-Match: refused with 412 unless the case is at one of these
  /// revisions (checked after whether the actor may act at all).
  std::optional<std::vector<int>> expected_revisions;
  std::optional<std::string> idempotency_key;
  /// What the request asked, hashed by the caller (target, body,
  /// preconditions): stored with the key, and a stored key met again with
  /// another hash is 422 `idempotency-key-reused` instead of a replay.
  std::string request_sha256;
  std::string remote_address;
};

struct apply_result {
  std::int64_t case_id = 0;
  std::string action;
  std::string from;
  std::string to;  ///< equals `from` when a signature was recorded but guards are not met yet
  bool moved = false;
  bool signed_ = false;
  int revision = 0;
  std::vector<guard_result> guards;
  bool replayed = false;  ///< answered from an earlier request with the same Idempotency-Key

  boost::json::object to_json() const;
  static apply_result from_json(const boost::json::object& json);
};

struct available_action {
  std::string action;
  localized title;
  std::string to;
  std::string as_role;
  bool comment_required = false;
  bool signature = false;
  bool enabled = false;
  std::vector<reason> blocked_by;  ///< why not, when not enabled
  std::vector<guard_result> guards;
};

struct event {
  int seq = 0;
  std::string kind;  ///< created, transition, signature, revision, overdue, escalation, workflow_migrated, comment
  std::string action;
  std::string from_stage;
  std::string to_stage;
  int revision = 0;
  std::optional<std::int64_t> actor_id;
  std::optional<std::int64_t> on_behalf_of;
  std::string actor_role;
  std::string comment;
  std::string data;  ///< JSON text, may be empty
  std::string remote_address;
  std::string created_at;
};

struct signature {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> on_behalf_of;
  std::string role;
  int revision = 0;
  int stage_seq = 0;
  std::string content_sha256;
  std::string comment;
  std::string signed_at;
  std::optional<std::string> voided_at;
};

class engine {
 public:
  engine(storage::database& db, workflow::store& store, role_resolver roles);

  void register_guard(const std::string& type, guard_evaluator evaluator);

  /// Called inside the transaction of every event appended to a case (the
  /// audit log hooks in here, so an event and its audit entry commit together).
  using event_observer = std::function<void(soci::session&, const case_state&, const event&)>;
  void set_event_observer(event_observer observer) { observer_ = std::move(observer); }

  /// Creates a case in its workflow's initial stage (within the caller's
  /// transaction) and records the `created` event.
  std::int64_t start_case(soci::session& sql, const new_case& input);

  /// Takes `action` for `actor`. Throws error::problem: 404 unknown case, 409
  /// `action-not-available` (wrong stage), 403 (no role, or self-approval),
  /// 412 `stale-revision`, 422 (missing comment), 409 `guards-unmet` with the
  /// unmet guards, 409 `already-signed`, 409 `revision-cap-reached`.
  apply_result apply(const apply_request& request);

  /// What `user` can do now, with reasons for what is blocked. The overload
  /// with a session reads through it (no second lease from the pool).
  std::vector<available_action> available_actions(const case_state& c, const directory::user& user);
  std::vector<available_action> available_actions(soci::session& sql, const case_state& c, const directory::user& user);

  /// Records a new content revision within the caller's transaction (which
  /// must not have read the case yet: this locks it): voids the signatures on
  /// earlier revisions. Refused with 409 `not-editable` when the stage does not
  /// let `editor` edit, 412 `stale-revision` when `revision` is not the next one.
  /// Content identical to the current revision's (same SHA-256) is no new
  /// revision: nothing is written, signatures stay, and it returns false.
  bool record_revision(soci::session& sql, std::int64_t case_id, int revision, const std::string& content_sha256,
                       int content_errors, const directory::user& editor, const std::string& remote_address);

  /// True when `user` may edit the case's content in its current stage.
  bool may_edit(soci::session& sql, const case_state& c, const directory::user& user);

  /// Moves a running case to a newer version of its workflow, mapping its
  /// current stage explicitly; recorded as a `workflow_migrated` event.
  void migrate_case(std::int64_t case_id, int to_version, const std::map<std::string, std::string>& stage_mapping,
                    const directory::user& admin, const std::string& remote_address);

  /// Handles every case whose stage deadline has passed: takes the stage's
  /// escalation action or records `overdue`. Each case is handled exactly once
  /// even with several processes (a row lock and a flag in one transaction).
  /// Returns how many cases were handled. A case that fails (its workflow or
  /// plugin is gone) is logged and left for the next pass; the others go on.
  int run_due_deadlines(std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

  std::optional<case_state> find_case(soci::session& sql, std::int64_t id, bool for_update = false);
  std::vector<event> history(soci::session& sql, std::int64_t case_id);
  std::vector<signature> signatures(soci::session& sql, std::int64_t case_id);
  std::vector<guard_result> evaluate_guards(soci::session& sql, const case_state& c, const transition& t);

  /// The stage a case is in after replaying its events from the start: used
  /// to check that history and state agree.
  static std::string replay_stage(const std::vector<event>& events);

  workflow::store& definitions() { return store_; }

 private:
  /// One due case in its own (retried) transaction; false when another
  /// process got there first.
  bool handle_deadline(std::int64_t case_id, const std::string& now_text);
  int append_event(soci::session& sql, case_state& c, const event& e);
  void void_signatures(soci::session& sql, std::int64_t case_id, const std::string& reason);
  void enter_stage(soci::session& sql, case_state& c, const definition& def, const std::string& stage);
  std::shared_ptr<const definition> definition_of(soci::session& sql, const case_state& c);

  storage::database& db_;
  workflow::store& store_;
  role_resolver roles_;
  std::map<std::string, guard_evaluator> guards_;
  event_observer observer_;
};

}  // namespace planflow::workflow
