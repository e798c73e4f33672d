// The workflow engine against real databases: the built-in definition end to
// end, guards, signatures, idempotency, deadlines, versions, concurrency and
// a randomized run that checks invariants after every step.
#include "../support/databases.hpp"

#include <planflow/directory/agencies.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/storage/migrations.hpp>
#include <planflow/workflow/engine.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace planflow::workflow {
namespace {

const std::string k_province = "TH-96";
const std::string k_type = "anti_corruption_action_plan";

boost::json::value builtin_definition() {
  std::ifstream in(std::string(PLANFLOW_SOURCE_DIR) + "/workflows/provincial_plan.json");
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str());
}

int status_of(const std::function<void()>& fn, std::string* slug = nullptr) {
  try {
    fn();
  } catch (const error::problem& p) {
    if (slug) *slug = std::string(p.type().slug);
    return error::status(p.type());
  }
  return 0;
}

class engine_test : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    storage::apply_migrations(db);
    store.publish(builtin_definition(), std::nullopt, "builtin");
    storage::in_transaction(db, [&](soci::session& sql) {
      agency_id = directory::create_agency(sql, {0, k_province, "สำนักงานจังหวัดนราธิวาส", "Narathiwat Provincial Office"});
      officer = make_user(sql, "officer", {{"agency_officer", k_province, ""}}, agency_id);
      head = make_user(sql, "head", {{"agency_head", k_province, ""}}, agency_id);
      for (int i = 1; i <= 3; ++i) {
        members.push_back(make_user(sql, "member" + std::to_string(i), {{"committee_member", k_province, k_type}}));
      }
      outsider = make_user(sql, "outsider", {{"committee_member", "TH-30", k_type}});
    });
  }

  directory::user make_user(soci::session& sql, const std::string& name, std::vector<directory::role_grant> roles,
                            std::optional<std::int64_t> agency = std::nullopt) {
    auto id = directory::create_user(sql, {name, name, agency, std::nullopt, std::move(roles)});
    return *directory::find_user(sql, id);
  }

  std::int64_t start(int content_errors = 0, const std::string& workflow = "provincial_plan", int version = 0) {
    return storage::in_transaction(db, [&](soci::session& sql) {
      return eng.start_case(sql, {"plan", workflow, version, k_province, k_type, agency_id, officer.id, "sha-r1",
                                  content_errors, "127.0.0.1"});
    });
  }

  apply_result act(std::int64_t id, const directory::user& who, const std::string& action, std::string comment = {}) {
    apply_request r;
    r.case_id = id;
    r.action = action;
    r.actor = who;
    r.comment = std::move(comment);
    return eng.apply(r);
  }

  case_state state(std::int64_t id) {
    storage::lease session(db);
    return *eng.find_case(*session, id);
  }

  std::vector<event> events(std::int64_t id) {
    storage::lease session(db);
    return eng.history(*session, id);
  }

  void to_committee(std::int64_t id) {
    act(id, officer, "submit");
    act(id, head, "endorse");
  }

  test::scratch_database scratch{GetParam()};
  storage::database db{storage::parse_database_url(scratch.url()), 6};
  workflow::store store{db};
  workflow::engine eng{db, store, policy::own_roles};
  std::int64_t agency_id = 0;
  directory::user officer, head, outsider;
  std::vector<directory::user> members;
};

TEST_P(engine_test, drives_a_plan_from_draft_to_approved_with_a_return) {
  auto id = start();
  EXPECT_EQ(state(id).stage, "draft");
  EXPECT_TRUE(act(id, officer, "submit").moved);
  EXPECT_EQ(state(id).stage, "agency_review");

  std::string slug;
  EXPECT_EQ(status_of([&] { act(id, head, "return"); }), 422);
  auto back = act(id, head, "return", "แก้ไขงบประมาณกิจกรรมที่ ๓");
  EXPECT_EQ(back.to, "draft");
  EXPECT_EQ(state(id).revision_rounds, 1);

  to_committee(id);
  EXPECT_EQ(state(id).stage, "committee_approval");
  auto first = act(id, members[0], "approve");
  EXPECT_TRUE(first.signed_);
  EXPECT_FALSE(first.moved);
  ASSERT_EQ(first.guards.size(), 1u);
  EXPECT_EQ(first.guards[0].reason, "1 of 3 committee_member signed revision 1; 2 needed");
  EXPECT_EQ(status_of([&] { act(id, members[0], "approve"); }, &slug), 409);
  EXPECT_EQ(slug, "already-signed");
  auto second = act(id, members[1], "approve");
  EXPECT_TRUE(second.moved);
  EXPECT_EQ(second.to, "approved");
  EXPECT_EQ(state(id).stage, "approved");

  auto history = events(id);
  EXPECT_EQ(engine::replay_stage(history), "approved");
  std::vector<std::string> kinds;
  for (const auto& e : history) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"created", "transition", "transition", "transition", "transition",
                                             "signature", "signature", "transition"}));
  EXPECT_EQ(history[2].comment, "แก้ไขงบประมาณกิจกรรมที่ ๓");
}

TEST_P(engine_test, refuses_wrong_roles_stages_and_unmet_guards) {
  auto id = start(/*content_errors=*/2);
  std::string slug;
  EXPECT_EQ(status_of([&] { act(id, head, "submit"); }, &slug), 403);
  // The officer may never endorse (403); the head may, but not in draft (409).
  EXPECT_EQ(status_of([&] { act(id, officer, "endorse"); }, &slug), 403);
  EXPECT_EQ(slug, "forbidden");
  EXPECT_EQ(status_of([&] { act(id, head, "endorse"); }, &slug), 409);
  EXPECT_EQ(slug, "action-not-available");
  EXPECT_EQ(status_of([&] { act(id, officer, "submit"); }, &slug), 409);
  EXPECT_EQ(slug, "guards-unmet");
  EXPECT_EQ(state(id).stage, "draft");
  EXPECT_EQ(events(id).size(), 1u);  // refused actions leave no trace
}

TEST_P(engine_test, committee_members_of_another_province_cannot_sign) {
  auto id = start();
  to_committee(id);
  EXPECT_EQ(status_of([&] { act(id, outsider, "approve"); }), 403);
}

TEST_P(engine_test, request_changes_returns_and_voids_signatures) {
  auto id = start();
  to_committee(id);
  act(id, members[0], "approve");
  auto back = act(id, members[1], "request_changes", "ตัวชี้วัดไม่มีค่าเป้าหมาย");
  EXPECT_EQ(back.to, "draft");
  {
    storage::lease session(db);
    auto sigs = eng.signatures(*session, id);
    ASSERT_EQ(sigs.size(), 1u);
    EXPECT_TRUE(sigs[0].voided_at.has_value());
  }
  to_committee(id);
  auto again = act(id, members[0], "approve");
  EXPECT_FALSE(again.moved);  // the old signature does not count twice
  EXPECT_EQ(again.guards[0].reason, "1 of 3 committee_member signed revision 1; 2 needed");
}

TEST_P(engine_test, a_new_revision_voids_signatures_and_needs_an_editable_stage) {
  auto id = start();
  std::string slug;
  // In review nobody edits.
  act(id, officer, "submit");
  EXPECT_EQ(status_of(
                [&] {
                  storage::in_transaction(db, [&](soci::session& sql) {
                    eng.record_revision(sql, id, 2, "sha-r2", 0, officer, "127.0.0.1");
                  });
                },
                &slug),
            409);
  EXPECT_EQ(slug, "not-editable");
  act(id, head, "return", "fix");
  EXPECT_EQ(status_of(
                [&] {
                  storage::in_transaction(db, [&](soci::session& sql) {
                    eng.record_revision(sql, id, 5, "sha-r5", 0, officer, "127.0.0.1");
                  });
                },
                &slug),
            412);
  storage::in_transaction(
      db, [&](soci::session& sql) { eng.record_revision(sql, id, 2, "sha-r2", 0, officer, "127.0.0.1"); });
  EXPECT_EQ(state(id).revision, 2);
  EXPECT_EQ(state(id).content_sha256, "sha-r2");
}

TEST_P(engine_test, nobody_signs_what_they_submitted_or_endorsed) {
  directory::user head_and_member;
  storage::in_transaction(db, [&](soci::session& sql) {
    directory::replace_roles(sql, head.id, {{"agency_head", k_province, ""}, {"committee_member", k_province, k_type}});
    head_and_member = *directory::find_user(sql, head.id);
  });
  auto id = start();
  act(id, officer, "submit");
  act(id, head_and_member, "endorse");
  std::string slug;
  EXPECT_EQ(status_of([&] { act(id, head_and_member, "approve"); }, &slug), 403);
  EXPECT_EQ(slug, "self-approval");
  auto actions = eng.available_actions(state(id), head_and_member);
  ASSERT_FALSE(actions.empty());
  EXPECT_FALSE(actions[0].enabled);
}

TEST_P(engine_test, idempotency_key_replays_the_first_result) {
  auto id = start();
  apply_request r;
  r.case_id = id;
  r.action = "submit";
  r.actor = officer;
  r.idempotency_key = "submit-once-1";
  auto first = eng.apply(r);
  auto second = eng.apply(r);
  EXPECT_FALSE(first.replayed);
  EXPECT_TRUE(second.replayed);
  EXPECT_EQ(second.to, first.to);
  EXPECT_EQ(events(id).size(), 2u);
  r.action = "endorse";
  EXPECT_EQ(status_of([&] { eng.apply(r); }), 422);
}

TEST_P(engine_test, stale_expected_revision_is_412) {
  auto id = start();
  apply_request r;
  r.case_id = id;
  r.action = "submit";
  r.actor = officer;
  r.expected_revisions = std::vector<int>{7};
  EXPECT_EQ(status_of([&] { eng.apply(r); }), 412);
  r.expected_revisions = std::vector<int>{};  // only weak tags were listed
  EXPECT_EQ(status_of([&] { eng.apply(r); }), 412);
  r.expected_revisions = std::vector<int>{5, 1};
  EXPECT_TRUE(eng.apply(r).moved);
}

TEST_P(engine_test, available_actions_explain_what_is_blocked) {
  auto id = start(/*content_errors=*/1);
  auto actions = eng.available_actions(state(id), officer);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].action, "submit");
  EXPECT_FALSE(actions[0].enabled);
  ASSERT_EQ(actions[0].blocked_by.size(), 1u);
  EXPECT_EQ(actions[0].blocked_by[0].text, "valid_content: the content has 1 error(s) to fix");
  EXPECT_EQ(actions[0].blocked_by[0].code, "content_has_errors");
  EXPECT_EQ(actions[0].blocked_by[0].params, (boost::json::object{{"count", 1}}));
  EXPECT_TRUE(eng.available_actions(state(id), members[0]).empty());
}

TEST_P(engine_test, revision_rounds_are_capped) {
  auto def = builtin_definition();
  def.as_object()["id"] = "capped_plan";
  def.as_object()["max_revision_rounds"] = 1;
  store.publish(def, std::nullopt);
  auto id = start(0, "capped_plan");
  act(id, officer, "submit");
  act(id, head, "return", "one");
  act(id, officer, "submit");
  std::string slug;
  EXPECT_EQ(status_of([&] { act(id, head, "return", "two"); }, &slug), 409);
  EXPECT_EQ(slug, "revision-cap-reached");
}

TEST_P(engine_test, deadlines_escalate_exactly_once_across_processes) {
  auto id = start();
  to_committee(id);  // committee_approval has a 30-day deadline that records `overdue`
  const auto later = std::chrono::system_clock::now() + std::chrono::days(31);
  EXPECT_EQ(eng.run_due_deadlines(std::chrono::system_clock::now()), 0);

  std::atomic<int> handled{0};
  std::vector<std::thread> workers;
  for (int i = 0; i < 3; ++i) {
    workers.emplace_back([&] {
      // Each "process" has its own pool, store and engine.
      storage::database own(storage::parse_database_url(scratch.url()), 1);
      workflow::store own_store(own);
      workflow::engine own_engine(own, own_store, policy::own_roles);
      handled += own_engine.run_due_deadlines(later);
    });
  }
  for (auto& w : workers) w.join();
  EXPECT_EQ(handled.load(), 1);
  int overdue = 0;
  for (const auto& e : events(id)) overdue += e.kind == "overdue";
  EXPECT_EQ(overdue, 1);
  EXPECT_EQ(eng.run_due_deadlines(later), 0);
}

TEST_P(engine_test, a_case_whose_workflow_is_gone_does_not_stop_the_other_deadlines) {
  auto poisoned = start();
  auto healthy = start();
  to_committee(poisoned);
  to_committee(healthy);
  const auto later = std::chrono::system_clock::now() + std::chrono::days(31);
  auto set_workflow = [&](const std::string& workflow) {
    storage::lease session(db);
    long long id = poisoned;
    *session << "UPDATE workflow_cases SET workflow_id = :w WHERE id = :id", soci::use(workflow), soci::use(id);
  };
  const std::string original = state(poisoned).workflow_id;
  set_workflow("removed_by_mistake");
  // The earlier case fails first; the later one is handled all the same.
  EXPECT_EQ(eng.run_due_deadlines(later), 1);
  auto overdue = [&](std::int64_t id) {
    return std::ranges::count_if(events(id), [](const event& e) { return e.kind == "overdue"; });
  };
  EXPECT_EQ(overdue(healthy), 1);
  EXPECT_EQ(overdue(poisoned), 0);
  EXPECT_FALSE(state(poisoned).deadline_done);
  // Mended, it is handled on the next pass, once.
  set_workflow(original);
  EXPECT_EQ(eng.run_due_deadlines(later), 1);
  EXPECT_EQ(overdue(poisoned), 1);
  EXPECT_EQ(eng.run_due_deadlines(later), 0);
}

TEST_P(engine_test, escalation_takes_the_configured_action) {
  auto def = builtin_definition();
  auto& obj = def.as_object();
  obj["id"] = "escalating_plan";
  for (auto& s : obj["stages"].as_array()) {
    if (s.as_object()["id"] == "agency_review") {
      s.as_object()["deadline"] = {{"days", 7}, {"escalation", {{"action", "endorse"}}}};
    }
  }
  store.publish(def, std::nullopt);
  auto id = start(0, "escalating_plan");
  act(id, officer, "submit");
  EXPECT_EQ(eng.run_due_deadlines(std::chrono::system_clock::now() + std::chrono::days(8)), 1);
  EXPECT_EQ(state(id).stage, "committee_approval");
  EXPECT_EQ(events(id).back().kind, "escalation");
  EXPECT_EQ(engine::replay_stage(events(id)), "committee_approval");
}

TEST_P(engine_test, running_cases_keep_their_version_and_can_be_migrated) {
  auto old_case = start();
  // v2 adds a legal-review stage between agency review and the committee.
  auto v2 = builtin_definition();
  auto& obj = v2.as_object();
  obj["stages"].as_array().push_back(
      {{"id", "legal_review"}, {"title", {{"th", "ตรวจสอบข้อกฎหมาย"}, {"en", "Legal review"}}}, {"kind", "review"}});
  for (auto& t : obj["transitions"].as_array()) {
    if (t.as_object()["action"] == "endorse") t.as_object()["to"] = "legal_review";
  }
  obj["transitions"].as_array().push_back({{"action", "clear"},
                                           {"title", {{"th", "ผ่านการตรวจ"}, {"en", "Clear"}}},
                                           {"from", "legal_review"},
                                           {"to", "committee_approval"},
                                           {"roles", {"agency_head"}}});
  auto published = store.publish(v2, std::nullopt);
  EXPECT_EQ(published.version, 2);

  auto new_case = start();
  EXPECT_EQ(state(new_case).workflow_version, 2);
  act(new_case, officer, "submit");
  EXPECT_EQ(act(new_case, head, "endorse").to, "legal_review");

  EXPECT_EQ(state(old_case).workflow_version, 1);
  act(old_case, officer, "submit");
  EXPECT_EQ(act(old_case, head, "endorse").to, "committee_approval");  // still v1

  store.set_default_version("provincial_plan", 1, std::nullopt);
  EXPECT_EQ(state(start()).workflow_version, 1);
  store.set_default_version("provincial_plan", 0, std::nullopt);
  EXPECT_EQ(state(start()).workflow_version, 2);

  directory::user admin;
  admin.id = officer.id;
  EXPECT_EQ(status_of([&] { eng.migrate_case(old_case, 2, {{"draft", "draft"}}, admin, "127.0.0.1"); }), 422);
  eng.migrate_case(old_case, 2, {{"committee_approval", "legal_review"}}, admin, "127.0.0.1");
  EXPECT_EQ(state(old_case).workflow_version, 2);
  EXPECT_EQ(state(old_case).stage, "legal_review");
  EXPECT_EQ(events(old_case).back().kind, "workflow_migrated");
  EXPECT_EQ(act(old_case, head, "clear").to, "committee_approval");
}

TEST_P(engine_test, concurrent_approvals_each_count_once) {
  auto id = start();
  to_committee(id);
  std::atomic<int> signed_count{0}, refused{0};
  std::vector<std::thread> threads;
  for (const auto& m : members) {
    threads.emplace_back([&, m] {
      try {
        if (act(id, m, "approve").signed_) ++signed_count;
      } catch (const error::problem& p) {
        EXPECT_EQ(std::string(p.type().slug), "action-not-available") << p.what();
        ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(signed_count + refused, 3);
  EXPECT_GE(signed_count.load(), 2);
  EXPECT_EQ(state(id).stage, "approved");
  int moves_to_approved = 0;
  for (const auto& e : events(id)) moves_to_approved += e.kind == "transition" && e.to_stage == "approved";
  EXPECT_EQ(moves_to_approved, 1);
}

TEST_P(engine_test, conflicting_actions_never_both_succeed) {
  for (int round = 0; round < 5; ++round) {
    auto id = start();
    act(id, officer, "submit");
    std::atomic<int> ok{0};
    std::thread a([&] {
      try {
        act(id, head, "endorse");
        ++ok;
      } catch (const error::problem&) {
      }
    });
    std::thread b([&] {
      try {
        act(id, head, "return", "no");
        ++ok;
      } catch (const error::problem&) {
      }
    });
    a.join();
    b.join();
    EXPECT_EQ(ok.load(), 1);
    EXPECT_EQ(engine::replay_stage(events(id)), state(id).stage);
  }
}

TEST_P(engine_test, concurrent_publishers_get_distinct_versions) {
  std::vector<std::thread> threads;
  std::vector<int> versions(3);
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      auto def = builtin_definition();
      def.as_object()["max_revision_rounds"] = 20 + i;  // three different definitions
      versions[std::size_t(i)] = store.publish(def, std::nullopt).version;
    });
  }
  for (auto& t : threads) t.join();
  std::ranges::sort(versions);
  EXPECT_EQ(versions, (std::vector<int>{2, 3, 4}));
}

// Thousands of random actions by random people; after each, the invariants.
TEST_P(engine_test, randomized_actions_keep_the_invariants) {
  std::mt19937 rng(20261123);
  const int steps = GetParam() == "sqlite" ? 3000 : 1000;
  std::vector<directory::user> people{officer, head, outsider};
  people.insert(people.end(), members.begin(), members.end());
  const std::vector<std::string> actions{"submit", "endorse", "return", "approve", "request_changes", "close", "bogus"};
  auto def = store.get("provincial_plan", 1);
  std::vector<std::int64_t> cases{start(), start(), start(1)};
  int moved = 0;
  for (int i = 0; i < steps; ++i) {
    auto id = cases[rng() % cases.size()];
    const auto& who = people[rng() % people.size()];
    const auto& action = actions[rng() % actions.size()];
    try {
      moved += act(id, who, action, rng() % 4 == 0 ? "" : "comment").moved;
    } catch (const error::problem& p) {
      ASSERT_TRUE(error::status(p.type()) == 403 || error::status(p.type()) == 409 || error::status(p.type()) == 422)
          << p.what();
    }
    if (rng() % 50 == 0) {  // an officer edits when the stage allows it
      try {
        storage::in_transaction(db, [&](soci::session& sql) {
          auto c = *eng.find_case(sql, id);
          eng.record_revision(sql, id, c.revision + 1, "sha-" + std::to_string(i), 0, officer, "127.0.0.1");
        });
      } catch (const error::problem& p) {
        ASSERT_EQ(error::status(p.type()), 409);
      }
    }
    auto c = state(id);
    ASSERT_NE(def->find_stage(c.stage), nullptr) << c.stage;
    auto history = events(id);
    ASSERT_EQ(engine::replay_stage(history), c.stage);
    ASSERT_EQ(int(history.size()), c.event_count);
    if (c.stage == "approved" && history.back().kind == "transition" && history.back().to_stage == "approved") {
      // Approved only with a quorum of signatures on the current revision.
      storage::lease session(db);
      int valid = 0;
      for (const auto& s : eng.signatures(*session, id)) {
        valid += !s.voided_at && s.revision == c.revision && s.stage_seq == c.stage_seq - 1;
      }
      ASSERT_GE(valid, 2);
    }
    if (c.stage == "closed") cases[std::size_t(std::find(cases.begin(), cases.end(), id) - cases.begin())] = start();
  }
  EXPECT_GT(moved, 10);
}

INSTANTIATE_TEST_SUITE_P(backends, engine_test, testing::ValuesIn(test::available_backends()), test::backend_name{});

}  // namespace
}  // namespace planflow::workflow
