#pragma once
/// Who may do what: the one place that answers "may this person do this
/// action to that resource". Handlers, the progress service and the workflow
/// engine ask it; none of them reads role grants themselves.
///
/// The rules, in words:
/// - administrators govern (people, agencies, provinces, workflows, the audit
///   log, report recipients) and read everything, but sign nothing;
/// - observers read their province (or every province, with no province);
/// - agency officers and heads work on their own agency's plans and report
///   items; only an officer creates a draft, only a head confirms;
/// - committee members, chairs and secretaries act in their province and, when
///   their grant names one, their plan type; they see a plan once it has left
///   the editing stages; the secretary runs the quarterly reports;
/// - a delegation in force lends its holder one of the delegator's roles, in
///   the delegator's scope (and agency), for everything that role may do;
///   administration is never delegated;
/// - what a workflow transition or an editing stage allows is data: the
///   definition names the roles, the policy supplies which of them a person
///   holds for the case (roles_for).
///
/// Reads outside one's scope answer 404 at the caller (a plan one may not see
/// is indistinguishable from one that does not exist); everything else is 403
/// with the action's own message.

#include <planflow/directory/users.hpp>
#include <planflow/error/problem.hpp>

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plans {
struct plan;
struct filter;
}  // namespace planflow::plans

namespace planflow::policy {

/// Everything a caller may ask to do. Every route names the one it needs.
enum class action {
  public_,                ///< anyone, signed in or not: health, login, the API document
  use_account,            ///< one's own account, session and delegations
  read_directory,         ///< provinces, agencies, plan types, workflows, committees
  administer_directory,   ///< provinces, agencies and users: create, change, list people
  read_user,              ///< one user's record: oneself, or an administrator
  administer_workflows,   ///< publish a definition, choose the default version
  migrate_plan_workflow,  ///< move a plan to another workflow version
  verify_audit,           ///< check the audit log's chain and signatures
  administer_recipients,  ///< who receives acknowledged reports
  delegate_role,          ///< lend one's role (or, as administrator, someone's)
  revoke_delegation,      ///< end a delegation one gave (or, as administrator, any)
  list_plans,             ///< the plan list, narrowed to what one may see
  read_plan,              ///< a plan, its revisions, diff, comments, history, reports
  create_plan,            ///< a new draft for one's agency (by hand or imported)
  import_document,        ///< convert a document to a plan without storing it
  edit_plan,              ///< change a plan's content (the stage says who)
  comment_on_plan,        ///< comment: anyone with a role in the plan's process
  act_on_plan,            ///< a workflow transition (the definition says who)
  list_own_reports,       ///< the reports one's agency has activities in
  read_report,            ///< a quarterly report and its deliveries
  report_progress,        ///< enter progress on an activity of one's agency
  confirm_progress,       ///< a head confirms the agency's entries
  assign_report_item,     ///< the secretary assigns an activity to an agency
  open_report_early,      ///< the secretary opens a future quarter
  act_on_report,          ///< a report's workflow transition (the definition says who)
  send_report_package,    ///< download or record the hand-over of a report package
  read_quarterly_report,  ///< a province's report, or the national roll-up
};

/// Every action, in declaration order.
std::span<const action> all_actions();
/// The action's name as written above ("assign_report_item").
std::string_view name(action what);
/// The action of that name, if there is one.
std::optional<action> action_named(std::string_view name);

/// What the action is done to. Fields an action does not look at stay empty.
struct resource {
  std::int64_t id = 0;                    ///< the record's id, named by a hidden read's 404
  std::string province_code;              ///< the case's province ("" for the national roll-up)
  std::string plan_type;                  ///< the case's plan type
  std::optional<std::int64_t> agency_id;  ///< the plan's or the activity's agency
  std::optional<std::int64_t> owner_id;   ///< the user a record belongs to (an account, a delegation)
  bool in_editing_stage = false;          ///< the plan is still being written
  /// Agencies with activities in the plan's reports: they read those reports
  /// although the plan is another agency's.
  std::vector<std::int64_t> reporting_agencies;

  /// A plan's resource: its province, type, agency and whether it is being written.
  static resource of_plan(const plans::plan& p, bool in_editing_stage);
  /// Something in a province (and plan type, and agency).
  static resource in(std::string province_code, std::string plan_type = {},
                     std::optional<std::int64_t> agency_id = std::nullopt);
  /// A record that belongs to one user.
  static resource owned_by(std::int64_t user_id);
};

/// A role the person holds, with the scope it holds in: their own grants and,
/// during a delegation, the delegator's grant of the delegated role.
struct held_role {
  std::string role;
  std::string province_code;                 ///< "" = every province
  std::string plan_type;                     ///< "" = every plan type
  std::optional<std::int64_t> agency_id;     ///< for agency roles: whose agency
  std::optional<std::int64_t> on_behalf_of;  ///< the delegator, for a delegated role
};

/// The person asking, with every role they may act in now.
struct actor {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> agency_id;
  std::string agency_province;
  std::vector<held_role> roles;
};

/// The user's own grants only (an inactive user holds none).
actor actor_of(const directory::user& user);
/// The user's own grants and the delegations to them in force at `now`.
actor actor_with_delegations(soci::session& sql, const directory::user& user, const std::string& now);

/// The person acting and, when they act under a delegation, whom for.
struct acting_as {
  std::string role;
  std::optional<std::int64_t> on_behalf_of;
};

/// The roles `who` holds for a case in `scope`, own ones before delegated ones.
std::map<std::string, acting_as> roles_for(const actor& who, const directory::case_scope& scope);

/// Role resolvers for the workflow engine: own grants only, or with delegations.
std::map<std::string, acting_as> own_roles(soci::session& sql, const directory::user& user,
                                           const directory::case_scope& scope);
std::map<std::string, acting_as> roles_with_delegations(soci::session& sql, const directory::user& user,
                                                        const directory::case_scope& scope);

/// Why `who` may not do `what` to `on`, or nothing when they may. Actions
/// whose rule is data (edit_plan, act_on_plan, act_on_report) are not refused
/// here: the engine refuses them from the definition's roles and roles_for.
std::optional<error::problem> refusal(const actor& who, action what, const resource& on = {});
inline bool allows(const actor& who, action what, const resource& on = {}) { return !refusal(who, what, on); }
/// Throws the refusal.
void require(const actor& who, action what, const resource& on = {});

/// Whether some resource exists on which `who` could do `what`: the check a
/// route makes before it loads anything. Only actions held by global roles
/// (administration) can be refused here; scoped ones are decided on the
/// resource, delegations included.
std::optional<error::problem> refusal_for_any(const directory::user& who, action what);

/// Adds what `who` may see to a plan-list filter (the read_plan rule as SQL).
void restrict_to_visible(plans::filter& f, const actor& who, const std::vector<std::string>& editing_stages);

bool is_committee_role(std::string_view role);
bool is_agency_role(std::string_view role);

}  // namespace planflow::policy
