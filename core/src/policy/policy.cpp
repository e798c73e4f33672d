#include <planflow/directory/delegations.hpp>
#include <planflow/error/messages.hpp>
#include <planflow/plans/plans.hpp>
#include <planflow/policy/policy.hpp>
#include <planflow/storage/database.hpp>

#include <algorithm>
#include <array>

namespace planflow::policy {
namespace {

struct action_name {
  action what;
  std::string_view name;
};

constexpr std::array k_actions{
    action_name{action::public_, "public"},
    action_name{action::use_account, "use_account"},
    action_name{action::read_directory, "read_directory"},
    action_name{action::administer_directory, "administer_directory"},
    action_name{action::read_user, "read_user"},
    action_name{action::administer_workflows, "administer_workflows"},
    action_name{action::migrate_plan_workflow, "migrate_plan_workflow"},
    action_name{action::verify_audit, "verify_audit"},
    action_name{action::administer_recipients, "administer_recipients"},
    action_name{action::delegate_role, "delegate_role"},
    action_name{action::revoke_delegation, "revoke_delegation"},
    action_name{action::list_plans, "list_plans"},
    action_name{action::read_plan, "read_plan"},
    action_name{action::create_plan, "create_plan"},
    action_name{action::import_document, "import_document"},
    action_name{action::edit_plan, "edit_plan"},
    action_name{action::comment_on_plan, "comment_on_plan"},
    action_name{action::act_on_plan, "act_on_plan"},
    action_name{action::list_own_reports, "list_own_reports"},
    action_name{action::read_report, "read_report"},
    action_name{action::report_progress, "report_progress"},
    action_name{action::confirm_progress, "confirm_progress"},
    action_name{action::assign_report_item, "assign_report_item"},
    action_name{action::open_report_early, "open_report_early"},
    action_name{action::act_on_report, "act_on_report"},
    action_name{action::send_report_package, "send_report_package"},
    action_name{action::read_quarterly_report, "read_quarterly_report"},
};

constexpr auto k_all = [] {
  std::array<action, k_actions.size()> out{};
  for (std::size_t i = 0; i < k_actions.size(); ++i) out[i] = k_actions[i].what;
  return out;
}();

bool holds_anywhere(const actor& who, std::string_view role) {
  return std::ranges::any_of(who.roles, [&](const held_role& r) { return r.role == role; });
}

bool is_admin(const actor& who) { return holds_anywhere(who, "admin"); }

bool national_reader(const actor& who) {
  return std::ranges::any_of(who.roles, [](const held_role& r) {
    return r.role == "admin" || (r.role == "observer" && r.province_code.empty());
  });
}

bool applies(const held_role& r, const directory::case_scope& scope) {
  if (is_agency_role(r.role)) return r.agency_id && scope.agency_id && *r.agency_id == *scope.agency_id;
  return (r.province_code.empty() || r.province_code == scope.province_code) &&
         (r.plan_type.empty() || r.plan_type == scope.plan_type);
}

bool holds_in(const actor& who, std::string_view role, const resource& on) {
  const directory::case_scope scope{on.province_code, on.plan_type, on.agency_id};
  return std::ranges::any_of(who.roles, [&](const held_role& r) { return r.role == role && applies(r, scope); });
}

// The read_plan rule for one role: the plan list applies the same in SQL
// (restrict_to_visible), so the two are kept side by side.
bool role_sees(const held_role& r, const resource& on) {
  if (r.role == "admin") return true;
  if (r.role == "observer") return r.province_code.empty() || r.province_code == on.province_code;
  if (is_agency_role(r.role)) return r.agency_id && on.agency_id && *r.agency_id == *on.agency_id;
  if (is_committee_role(r.role)) {
    return r.province_code == on.province_code && (r.plan_type.empty() || r.plan_type == on.plan_type) &&
           !on.in_editing_stage;
  }
  return false;
}

bool sees_plan(const actor& who, const resource& on) {
  return std::ranges::any_of(who.roles, [&](const held_role& r) { return role_sees(r, on); });
}

// A role in the case's process, or governing it: anything but only reading.
bool takes_part(const actor& who, const resource& on) {
  const directory::case_scope scope{on.province_code, on.plan_type, on.agency_id};
  return std::ranges::any_of(who.roles, [&](const held_role& r) { return r.role != "observer" && applies(r, scope); });
}

// What only administrators do. Administration is never delegated, so a
// user's own grants decide it before anything is loaded (refusal_for_any).
bool is_administration(action what) {
  return what == action::administer_directory || what == action::administer_workflows ||
         what == action::migrate_plan_workflow || what == action::verify_audit || what == action::administer_recipients;
}

std::optional<error::problem> admin_only(const actor& who) {
  if (is_admin(who)) return std::nullopt;
  return error::forbidden(error::messages::role_needed, {{"role", "admin"}});
}

std::optional<error::problem> unless(bool allowed, error::problem refusal) {
  if (allowed) return std::nullopt;
  return refusal;
}

}  // namespace

std::span<const action> all_actions() { return k_all; }

std::string_view name(action what) {
  for (const auto& a : k_actions) {
    if (a.what == what) return a.name;
  }
  return "unknown";
}

std::optional<action> action_named(std::string_view text) {
  for (const auto& a : k_actions) {
    if (a.name == text) return a.what;
  }
  return std::nullopt;
}

bool is_committee_role(std::string_view role) {
  return role == "committee_member" || role == "committee_chair" || role == "committee_secretary";
}

bool is_agency_role(std::string_view role) { return role == "agency_officer" || role == "agency_head"; }

resource resource::of_plan(const plans::plan& p, bool in_editing_stage) {
  resource r;
  r.id = p.id;
  r.province_code = p.province_code;
  r.plan_type = p.plan_type;
  r.agency_id = p.agency_id;
  r.in_editing_stage = in_editing_stage;
  return r;
}

resource resource::in(std::string province_code, std::string plan_type, std::optional<std::int64_t> agency_id) {
  resource r;
  r.province_code = std::move(province_code);
  r.plan_type = std::move(plan_type);
  r.agency_id = agency_id;
  return r;
}

resource resource::owned_by(std::int64_t user_id) {
  resource r;
  r.owner_id = user_id;
  return r;
}

std::optional<error::problem> refusal(const actor& who, action what, const resource& on) {
  namespace msg = error::messages;
  if (is_administration(what)) return admin_only(who);
  switch (what) {
    case action::public_:
    case action::use_account:
    case action::read_directory:
    case action::list_plans:
    case action::import_document:
    case action::list_own_reports:
      return std::nullopt;

    case action::administer_directory:
    case action::administer_workflows:
    case action::migrate_plan_workflow:
    case action::verify_audit:
    case action::administer_recipients:
      return admin_only(who);  // answered above; listed so that the switch names every action

    case action::read_user:
    case action::delegate_role:
      if (on.owner_id && *on.owner_id == who.user_id) return std::nullopt;
      return admin_only(who);

    case action::revoke_delegation:
      // Someone else's delegation is not theirs to know about.
      return unless((on.owner_id && *on.owner_id == who.user_id) || is_admin(who),
                    error::not_found(msg::delegation_not_found));

    case action::read_plan:
      return unless(sees_plan(who, on), error::not_found(msg::plan_not_found, {{"id", on.id}}));

    case action::read_report: {
      auto reports_for = [&](const std::optional<std::int64_t>& agency) {
        return agency && std::ranges::find(on.reporting_agencies, *agency) != on.reporting_agencies.end();
      };
      const bool reports_on = reports_for(who.agency_id) || std::ranges::any_of(who.roles, [&](const held_role& r) {
                                return is_agency_role(r.role) && reports_for(r.agency_id);
                              });
      return unless(sees_plan(who, on) || reports_on, error::not_found(msg::report_not_found));
    }

    case action::create_plan:
      return unless(holds_in(who, "agency_officer", on), error::forbidden(msg::officer_of_agency_creates));

    case action::edit_plan:
    case action::act_on_plan:
    case action::act_on_report:
      // The workflow definition names the roles (data an administrator
      // publishes); the engine asks roles_for which of them the person holds.
      return std::nullopt;

    case action::comment_on_plan:
      return unless(takes_part(who, on), error::forbidden(msg::observers_read_only));

    case action::report_progress:
      return unless(holds_in(who, "agency_officer", on) || holds_in(who, "agency_head", on),
                    error::forbidden(msg::activity_of_other_agency));

    case action::confirm_progress:
      return unless(holds_in(who, "agency_head", on), error::forbidden(msg::head_confirms));

    case action::assign_report_item:
      return unless(holds_in(who, "committee_secretary", on), error::forbidden(msg::secretary_assigns));

    case action::open_report_early:
      return unless(holds_in(who, "committee_secretary", on), error::forbidden(msg::secretary_opens_early));

    case action::send_report_package:
      return unless(holds_in(who, "committee_secretary", on) || is_admin(who),
                    error::forbidden(msg::secretary_sends_package));

    case action::read_quarterly_report: {
      if (national_reader(who)) return std::nullopt;
      if (on.province_code.empty()) return error::forbidden(msg::national_rollup_only);
      const bool in_province =
          who.agency_province == on.province_code ||
          std::ranges::any_of(who.roles, [&](const held_role& r) { return r.province_code == on.province_code; });
      return unless(in_province, error::forbidden(msg::province_report_not_yours));
    }
  }
  return error::forbidden(msg::role_needed, {{"role", "admin"}});
}

void require(const actor& who, action what, const resource& on) {
  if (auto why = refusal(who, what, on)) throw std::move(*why);
}

std::optional<error::problem> refusal_for_any(const directory::user& who, action what) {
  if (!is_administration(what)) return std::nullopt;
  return admin_only(actor_of(who));
}

void restrict_to_visible(plans::filter& f, const actor& who, const std::vector<std::string>& editing_stages) {
  for (const auto& r : who.roles) {
    if (r.role == "admin" || (r.role == "observer" && r.province_code.empty())) {
      f.all_stage_provinces.emplace_back("*");
    } else if (r.role == "observer") {
      f.all_stage_provinces.push_back(r.province_code);
    } else if (is_agency_role(r.role) && r.agency_id) {
      f.agency_ids.push_back(*r.agency_id);
    } else if (is_committee_role(r.role) && !r.province_code.empty()) {
      f.committee_scopes.emplace_back(r.province_code, r.plan_type);
    }
  }
  f.hidden_stages = editing_stages;
}

actor actor_of(const directory::user& user) {
  actor out;
  out.user_id = user.id;
  out.agency_id = user.agency_id;
  out.agency_province = user.agency_province;
  if (!user.active) return out;
  for (const auto& g : user.roles) {
    out.roles.push_back(
        {g.role, g.province_code, g.plan_type, is_agency_role(g.role) ? user.agency_id : std::nullopt, std::nullopt});
  }
  return out;
}

actor actor_with_delegations(soci::session& sql, const directory::user& user, const std::string& now) {
  auto out = actor_of(user);
  if (!user.active) return out;
  for (const auto& d : directory::active_delegations_to(sql, user.id, now)) {
    if (d.role == "admin") continue;  // refused when recorded; never honoured either
    auto from = directory::find_user(sql, d.from_user_id);
    if (!from || !from->active) continue;
    for (const auto& g : from->roles) {
      if (g.role != d.role) continue;
      out.roles.push_back(
          {g.role, g.province_code, g.plan_type, is_agency_role(g.role) ? from->agency_id : std::nullopt, from->id});
    }
  }
  return out;
}

std::map<std::string, acting_as> roles_for(const actor& who, const directory::case_scope& scope) {
  std::map<std::string, acting_as> out;
  // Own grants come first: acting in one's own name beats acting for someone.
  for (const auto& r : who.roles) {
    if (!r.on_behalf_of && applies(r, scope)) out.try_emplace(r.role, acting_as{r.role, std::nullopt});
  }
  for (const auto& r : who.roles) {
    if (r.on_behalf_of && applies(r, scope)) out.try_emplace(r.role, acting_as{r.role, r.on_behalf_of});
  }
  return out;
}

std::map<std::string, acting_as> own_roles(soci::session&, const directory::user& user,
                                           const directory::case_scope& scope) {
  return roles_for(actor_of(user), scope);
}

std::map<std::string, acting_as> roles_with_delegations(soci::session& sql, const directory::user& user,
                                                        const directory::case_scope& scope) {
  return roles_for(actor_with_delegations(sql, user, storage::now_iso()), scope);
}

}  // namespace planflow::policy
