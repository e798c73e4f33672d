// The access policy as a table: people with roles in scopes (province, plan
// type, agency, delegation) against every action, each row saying whether the
// policy allows it and, when not, with which problem. Every action appears in
// the table with both answers unless it is open to every signed-in person;
// the route test (tests/integration/route_policy_test.cpp) holds every route
// of the server to one of these actions.
#include <planflow/plans/plans.hpp>
#include <planflow/policy/policy.hpp>

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace planflow::test {
namespace {

using policy::action;
using policy::resource;

constexpr std::int64_t agency_a = 1;  // TH-96
constexpr std::int64_t agency_b = 2;  // TH-96
constexpr std::int64_t agency_c = 3;  // TH-10

directory::user person(std::int64_t id, std::vector<directory::role_grant> roles,
                       std::optional<std::int64_t> agency = std::nullopt, std::string agency_province = "") {
  directory::user u;
  u.id = id;
  u.username = "user" + std::to_string(id);
  u.roles = std::move(roles);
  u.agency_id = agency;
  u.agency_province = std::move(agency_province);
  return u;
}

// The people of the table, by name.
std::map<std::string, policy::actor> people() {
  std::map<std::string, policy::actor> out;
  out["admin"] = policy::actor_of(person(1, {{"admin", "", ""}}));
  out["national observer"] = policy::actor_of(person(2, {{"observer", "", ""}}));
  out["observer TH-96"] = policy::actor_of(person(3, {{"observer", "TH-96", ""}}));
  out["officer A"] = policy::actor_of(person(4, {{"agency_officer", "", ""}}, agency_a, "TH-96"));
  out["head A"] = policy::actor_of(person(5, {{"agency_head", "", ""}}, agency_a, "TH-96"));
  out["officer B"] = policy::actor_of(person(6, {{"agency_officer", "", ""}}, agency_b, "TH-96"));
  out["member TH-96 anti"] = policy::actor_of(person(7, {{"committee_member", "TH-96", "anticorruption"}}));
  out["secretary TH-96 anti"] = policy::actor_of(person(8, {{"committee_secretary", "TH-96", "anticorruption"}}));
  out["secretary TH-96 any"] = policy::actor_of(person(9, {{"committee_secretary", "TH-96", ""}}));
  out["secretary TH-10"] = policy::actor_of(person(10, {{"committee_secretary", "TH-10", ""}}));
  out["nobody"] = policy::actor_of(person(11, {}));
  auto inactive = person(12, {{"admin", "", ""}});
  inactive.active = false;
  out["inactive admin"] = policy::actor_of(inactive);
  // Someone with no role of their own, holding the TH-96 anti-corruption
  // secretary's role (id 8) by delegation, and an officer standing in for
  // head A (id 5) of agency A.
  policy::actor deputy;
  deputy.user_id = 13;
  deputy.roles.push_back({"committee_secretary", "TH-96", "anticorruption", std::nullopt, 8});
  out["deputy secretary"] = deputy;
  auto standing_in = policy::actor_of(person(14, {{"agency_officer", "", ""}}, agency_b, "TH-96"));
  standing_in.roles.push_back({"agency_head", "", "", agency_a, 5});
  out["officer B as head A"] = standing_in;
  return out;
}

resource plan_of(std::string province, std::string type, std::int64_t agency, bool editing = false) {
  auto r = resource::in(std::move(province), std::move(type), agency);
  r.id = 42;
  r.in_editing_stage = editing;
  return r;
}

// The resources of the table.
const resource anti_a = plan_of("TH-96", "anticorruption", agency_a);
const resource anti_a_draft = plan_of("TH-96", "anticorruption", agency_a, true);
const resource ethics_b = plan_of("TH-96", "ethics", agency_b);
const resource anti_c = plan_of("TH-10", "anticorruption", agency_c);
const resource province_96 = resource::in("TH-96");
const resource province_96_ethics = resource::in("TH-96", "ethics");
const resource national = resource::in("");
resource reported_on_by(resource r, std::int64_t agency) {
  r.reporting_agencies.push_back(agency);
  return r;
}
resource owned(std::int64_t id) { return resource::owned_by(id); }

enum class answer { allow, forbidden, not_found };

struct row {
  std::string who;
  action what;
  resource on;
  answer expected;
  std::string_view message = {};  ///< the refusal's message id, when it matters
};

const answer allow = answer::allow, forbid = answer::forbidden, hidden = answer::not_found;

std::vector<row> table() {
  return {
      // Open to everyone signed in; the resource narrows what they get.
      {"nobody", action::use_account, {}, allow},
      {"inactive admin", action::use_account, {}, allow},
      {"nobody", action::read_directory, {}, allow},
      {"nobody", action::list_plans, {}, allow},
      {"observer TH-96", action::import_document, {}, allow},
      {"nobody", action::list_own_reports, {}, allow},
      {"nobody", action::public_, {}, allow},

      // Administration: administrators only, never by delegation.
      {"admin", action::administer_directory, {}, allow},
      {"national observer", action::administer_directory, {}, forbid, "role_needed"},
      {"secretary TH-96 any", action::administer_directory, {}, forbid, "role_needed"},
      {"inactive admin", action::administer_directory, {}, forbid, "role_needed"},
      {"admin", action::administer_workflows, {}, allow},
      {"member TH-96 anti", action::administer_workflows, {}, forbid, "role_needed"},
      {"admin", action::migrate_plan_workflow, anti_a, allow},
      {"secretary TH-96 anti", action::migrate_plan_workflow, anti_a, forbid, "role_needed"},
      {"admin", action::verify_audit, {}, allow},
      {"national observer", action::verify_audit, {}, forbid, "role_needed"},
      {"admin", action::administer_recipients, {}, allow},
      {"secretary TH-96 any", action::administer_recipients, {}, forbid, "role_needed"},

      // One's own record, or an administrator.
      {"officer A", action::read_user, owned(4), allow},
      {"officer A", action::read_user, owned(5), forbid, "role_needed"},
      {"admin", action::read_user, owned(5), allow},
      {"member TH-96 anti", action::delegate_role, owned(7), allow},
      {"member TH-96 anti", action::delegate_role, owned(8), forbid, "role_needed"},
      {"admin", action::delegate_role, owned(8), allow},
      {"member TH-96 anti", action::revoke_delegation, owned(7), allow},
      {"officer A", action::revoke_delegation, owned(7), hidden, "delegation_not_found"},
      {"admin", action::revoke_delegation, owned(7), allow},

      // Reading a plan: by role and scope; outside it, 404.
      {"admin", action::read_plan, anti_c, allow},
      {"national observer", action::read_plan, anti_c, allow},
      {"observer TH-96", action::read_plan, anti_a_draft, allow},
      {"observer TH-96", action::read_plan, anti_c, hidden, "plan_not_found"},
      {"officer A", action::read_plan, anti_a_draft, allow},
      {"officer A", action::read_plan, ethics_b, hidden, "plan_not_found"},
      {"member TH-96 anti", action::read_plan, anti_a, allow},
      {"member TH-96 anti", action::read_plan, anti_a_draft, hidden, "plan_not_found"},
      {"member TH-96 anti", action::read_plan, ethics_b, hidden, "plan_not_found"},
      {"secretary TH-96 any", action::read_plan, ethics_b, allow},
      {"secretary TH-10", action::read_plan, anti_a, hidden, "plan_not_found"},
      {"deputy secretary", action::read_plan, anti_a, allow},
      {"deputy secretary", action::read_plan, ethics_b, hidden, "plan_not_found"},
      {"officer B as head A", action::read_plan, anti_a_draft, allow},
      {"nobody", action::read_plan, anti_a, hidden, "plan_not_found"},
      {"inactive admin", action::read_plan, anti_a, hidden, "plan_not_found"},

      // Creating a draft: an officer of that agency (delegated or not).
      {"officer A", action::create_plan, anti_a, allow},
      {"officer B", action::create_plan, anti_a, forbid, "officer_of_agency_creates"},
      {"head A", action::create_plan, anti_a, forbid, "officer_of_agency_creates"},
      {"admin", action::create_plan, anti_a, forbid, "officer_of_agency_creates"},

      // Workflow actions and editing: the definition decides from roles_for.
      {"observer TH-96", action::edit_plan, anti_a, allow},
      {"observer TH-96", action::act_on_plan, anti_a, allow},
      {"observer TH-96", action::act_on_report, anti_a, allow},

      // Commenting takes a part in the plan's process (or governing it).
      {"member TH-96 anti", action::comment_on_plan, anti_a, allow},
      {"officer A", action::comment_on_plan, anti_a, allow},
      {"admin", action::comment_on_plan, anti_a, allow},
      {"deputy secretary", action::comment_on_plan, anti_a, allow},
      {"observer TH-96", action::comment_on_plan, anti_a, forbid, "observers_read_only"},
      {"officer B", action::comment_on_plan, anti_a, forbid, "observers_read_only"},
      {"member TH-96 anti", action::comment_on_plan, ethics_b, forbid, "observers_read_only"},

      // A quarterly report: the plan's readers and the agencies reporting on it.
      {"officer A", action::read_report, anti_a, allow},
      {"officer B", action::read_report, anti_a, hidden, "report_not_found"},
      {"officer B", action::read_report, reported_on_by(anti_a, agency_b), allow},
      {"officer B as head A", action::read_report, reported_on_by(ethics_b, agency_a), allow},
      {"secretary TH-10", action::read_report, reported_on_by(anti_a, agency_b), hidden, "report_not_found"},

      // Progress: the activity's agency enters it, its head confirms.
      {"officer A", action::report_progress, anti_a, allow},
      {"head A", action::report_progress, anti_a, allow},
      {"officer B", action::report_progress, anti_a, forbid, "activity_of_other_agency"},
      {"secretary TH-96 any", action::report_progress, anti_a, forbid, "activity_of_other_agency"},
      {"head A", action::confirm_progress, anti_a, allow},
      {"officer A", action::confirm_progress, anti_a, forbid, "head_confirms"},
      {"officer B as head A", action::confirm_progress, anti_a, allow},
      {"officer B as head A", action::confirm_progress, ethics_b, forbid, "head_confirms"},

      // The secretary of the plan's scope runs the reports. The scoped
      // secretary (TH-96, anti-corruption only) assigns in their plan type,
      // which a check that dropped the plan type refused.
      {"secretary TH-96 anti", action::assign_report_item, anti_a, allow},
      {"secretary TH-96 anti", action::assign_report_item, ethics_b, forbid, "secretary_assigns"},
      {"secretary TH-96 any", action::assign_report_item, ethics_b, allow},
      {"secretary TH-10", action::assign_report_item, anti_a, forbid, "secretary_assigns"},
      {"member TH-96 anti", action::assign_report_item, anti_a, forbid, "secretary_assigns"},
      {"admin", action::assign_report_item, anti_a, forbid, "secretary_assigns"},
      {"deputy secretary", action::assign_report_item, anti_a, allow},
      {"secretary TH-96 anti", action::open_report_early, anti_a, allow},
      {"secretary TH-96 anti", action::open_report_early, ethics_b, forbid, "secretary_opens_early"},
      {"member TH-96 anti", action::open_report_early, anti_a, forbid, "secretary_opens_early"},
      {"deputy secretary", action::open_report_early, anti_a, allow},
      {"secretary TH-96 anti", action::send_report_package, anti_a, allow},
      {"admin", action::send_report_package, anti_c, allow},
      {"secretary TH-96 anti", action::send_report_package, ethics_b, forbid, "secretary_sends_package"},
      {"officer A", action::send_report_package, anti_a, forbid, "secretary_sends_package"},

      // The provincial report for the province's people; the roll-up national.
      {"officer A", action::read_quarterly_report, province_96, allow},
      {"member TH-96 anti", action::read_quarterly_report, province_96_ethics, allow},
      {"secretary TH-10", action::read_quarterly_report, province_96, forbid, "province_report_not_yours"},
      {"nobody", action::read_quarterly_report, province_96, forbid, "province_report_not_yours"},
      {"national observer", action::read_quarterly_report, national, allow},
      {"admin", action::read_quarterly_report, national, allow},
      {"observer TH-96", action::read_quarterly_report, national, forbid, "national_rollup_only"},
  };
}

std::string describe(const row& r) {
  return r.who + " / " + std::string(policy::name(r.what)) + " / " + r.on.province_code + " " + r.on.plan_type;
}

TEST(policy, answers_every_row_of_the_table) {
  auto who = people();
  for (const auto& r : table()) {
    ASSERT_TRUE(who.contains(r.who)) << r.who;
    auto refusal = policy::refusal(who.at(r.who), r.what, r.on);
    switch (r.expected) {
      case answer::allow:
        EXPECT_FALSE(refusal) << describe(r) << " was refused: " << (refusal ? refusal->what() : "");
        break;
      case answer::forbidden:
      case answer::not_found:
        ASSERT_TRUE(refusal) << describe(r) << " was allowed";
        EXPECT_EQ(refusal->type().slug, r.expected == answer::forbidden ? "forbidden" : "not-found") << describe(r);
        if (!r.message.empty()) {
          EXPECT_EQ(refusal->code().id, r.message) << describe(r);
        }
        break;
    }
  }
}

// An action the table never refuses is open to every signed-in person; the
// open ones are listed, so a new action has to be put into the table with
// both answers (or added here, on purpose).
TEST(policy, the_table_covers_every_action_with_both_answers) {
  const std::set<action> open = {action::public_,    action::use_account,     action::read_directory,
                                 action::list_plans, action::import_document, action::list_own_reports,
                                 action::edit_plan,  action::act_on_plan,     action::act_on_report};
  std::map<action, std::set<answer>> seen;
  for (const auto& r : table()) seen[r.what].insert(r.expected == answer::allow ? answer::allow : answer::forbidden);
  for (auto what : policy::all_actions()) {
    ASSERT_TRUE(seen.contains(what)) << policy::name(what) << " has no row in the table";
    EXPECT_TRUE(seen[what].contains(answer::allow)) << policy::name(what) << " is never allowed in the table";
    if (!open.contains(what)) {
      EXPECT_TRUE(seen[what].contains(answer::forbidden)) << policy::name(what) << " is never refused in the table";
    }
  }
}

TEST(policy, action_names_round_trip) {
  std::set<std::string_view> names;
  for (auto what : policy::all_actions()) {
    EXPECT_EQ(policy::action_named(policy::name(what)), what);
    EXPECT_TRUE(names.insert(policy::name(what)).second) << policy::name(what) << " is named twice";
  }
  EXPECT_FALSE(policy::action_named("administer"));
}

TEST(policy, only_administration_is_refused_before_the_resource_is_known) {
  auto secretary = person(8, {{"committee_secretary", "TH-96", "anticorruption"}});
  EXPECT_TRUE(policy::refusal_for_any(secretary, action::administer_directory));
  EXPECT_TRUE(policy::refusal_for_any(secretary, action::verify_audit));
  // A deputy's roles come from a delegation, which the route does not load:
  // everything scoped waits for the resource.
  auto nobody = person(13, {});
  for (auto what : {action::assign_report_item, action::read_plan, action::comment_on_plan, action::report_progress})
    EXPECT_FALSE(policy::refusal_for_any(nobody, what)) << policy::name(what);
  EXPECT_FALSE(policy::refusal_for_any(person(1, {{"admin", "", ""}}), action::administer_directory));
}

TEST(policy, roles_for_a_case_put_ones_own_before_a_delegated_one) {
  auto who = people();
  auto deputy = who.at("deputy secretary");
  deputy.roles.insert(deputy.roles.begin(), {"committee_secretary", "TH-96", "", std::nullopt, std::nullopt});
  auto roles = policy::roles_for(deputy, {"TH-96", "anticorruption", agency_a});
  ASSERT_TRUE(roles.contains("committee_secretary"));
  EXPECT_FALSE(roles.at("committee_secretary").on_behalf_of);

  auto delegated = policy::roles_for(who.at("deputy secretary"), {"TH-96", "anticorruption", agency_a});
  ASSERT_TRUE(delegated.contains("committee_secretary"));
  EXPECT_EQ(delegated.at("committee_secretary").on_behalf_of, 8);
  EXPECT_TRUE(policy::roles_for(who.at("deputy secretary"), {"TH-96", "ethics", agency_b}).empty());

  auto standing_in = policy::roles_for(who.at("officer B as head A"), {"TH-96", "ethics", agency_a});
  EXPECT_EQ(standing_in.at("agency_head").on_behalf_of, 5);
  EXPECT_FALSE(standing_in.contains("agency_officer"));  // B's own role is for agency B
}

TEST(policy, the_plan_list_filter_holds_the_same_scopes) {
  auto who = people();
  plans::filter f;
  policy::restrict_to_visible(f, who.at("officer B as head A"), {"draft"});
  EXPECT_EQ(f.agency_ids, (std::vector<std::int64_t>{agency_b, agency_a}));
  plans::filter g;
  policy::restrict_to_visible(g, who.at("deputy secretary"), {"draft"});
  ASSERT_EQ(g.committee_scopes.size(), 1u);
  EXPECT_EQ(g.committee_scopes[0], (std::pair<std::string, std::string>{"TH-96", "anticorruption"}));
  EXPECT_EQ(g.hidden_stages, std::vector<std::string>{"draft"});
  plans::filter h;
  policy::restrict_to_visible(h, who.at("inactive admin"), {"draft"});
  EXPECT_TRUE(h.all_stage_provinces.empty() && h.agency_ids.empty() && h.committee_scopes.empty());
}

}  // namespace
}  // namespace planflow::test
