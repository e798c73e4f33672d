// Several planflow instances on the cluster, as a ministry runs them (issue
// 12): one `planflow serve` per node, requests spread over all three, the
// whole plan story and committee members approving the same plans at the same
// moment through different nodes; background work (deadlines, report
// deliveries) raced by three instances and done exactly once.
#include "../fault/world.hpp"
#include "../support/databases.hpp"
#include "../support/files.hpp"
#include "../support/server_process.hpp"
#include "../support/webhook_receiver.hpp"
#include "cluster_fixture.hpp"
#include "instances.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

namespace planflow::test {
namespace {

const std::string k_office = "สำนักงานจังหวัดนราธิวาส";  // the world's agency, by the name plans use

// A plan whose one activity the world's agency reports on.
boost::json::object content_of(int budget) {
  return {{"items", {{{"id", "a1"}, {"title", "อบรมเชิงปฏิบัติการ"}, {"budget_baht", budget}, {"agency", k_office}}}},
          {"stated_total", budget}};
}

std::string plan_url(std::int64_t id) { return "/api/v1/plans/" + std::to_string(id); }

// Every answer that is not what a healthy cluster gives: a 5xx, or no answer.
class tally {
 public:
  void check(const std::string& what, const json_reply& r) {
    if (r.status < 500) return;
    std::lock_guard lock(mutex_);
    failures_.push_back(what + ": " + std::to_string(r.status) + " " + boost::json::serialize(r.body));
  }
  void transport(const std::string& what, const std::exception& e) {
    std::lock_guard lock(mutex_);
    failures_.push_back(what + ": " + e.what());
  }
  std::vector<std::string> failures() const {
    std::lock_guard lock(mutex_);
    return failures_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> failures_;
};

long long count_on(const galera_cluster& cluster, int node, const std::string& sql) {
  return std::stoll(cluster.query(node, sql));
}

// CHECKSUM TABLE's value without the table's name.
std::string checksum(const galera_cluster& cluster, int node, const std::string& table) {
  auto out = cluster.query(node, "CHECKSUM TABLE " + table);
  return out.substr(out.find('\t'));
}

class galera_scale_out : public galera_test {};

TEST_F(galera_scale_out, three_instances_run_the_plan_story_and_concurrent_approvals_without_a_5xx) {
  const std::string db = "planflow_story";
  cluster().fresh_database(db);
  const world w = build_world(cluster().url(1, db), 0);
  instances planflow(cluster(), db, {"--threads", "4", "--background-interval", "3600"});
  tally answers;
  const auto expect_status = [&](const std::string& what, const json_reply& r, int status) {
    answers.check(what, r);
    EXPECT_EQ(r.status, status) << what << ": " << boost::json::serialize(r.body);
  };
  const long long audit_before = count_on(cluster(), 1, "SELECT COUNT(*) FROM " + db + ".audit_entries");

  // Import through node 1; the draft is there through nodes 2 and 3 at once.
  auto officer1 = planflow.as("officer", 1);
  auto imported = officer1.send("POST", "/api/v1/imports?create_draft=true", seed_document("000_f86febe8b6e44396.txt"),
                                {{"Content-Type", "text/plain; charset=utf-8"}});
  expect_status("import", imported, 201);
  ASSERT_EQ(imported.status, 201);
  const auto imported_id = imported.obj().at("plan_id").as_int64();
  for (int node = 2; node <= k_nodes; ++node) {
    auto officer = planflow.as("officer", node);
    auto read = officer.get(plan_url(imported_id));
    expect_status("imported plan at node " + std::to_string(node), read, 200);
    EXPECT_EQ(read.obj().at("stage"), "draft");
    EXPECT_EQ(read.obj().at("fiscal_year"), 2566);
  }

  // The story, each step through another node than the one before.
  auto officer2 = planflow.as("officer", 2), officer3 = planflow.as("officer", 3);
  auto head1 = planflow.as("head", 1), head2 = planflow.as("head", 2);
  auto created = officer2.post("/api/v1/plans", {{"plan_type", "simple_plan"},
                                                 {"title", "แผนปฏิบัติการ ๒๕๖๗"},
                                                 {"province", "TH-96"},
                                                 {"agency", w.agency},
                                                 {"fiscal_year", 2567},
                                                 {"content", content_of(5000)}});
  expect_status("create", created, 201);
  ASSERT_EQ(created.status, 201);
  const std::string url = plan_url(created.obj().at("id").as_int64());
  expect_status("edit", officer3.put(url + "/content", content_of(12000), {{"If-Match", "\"1\""}}), 200);
  expect_status("submit", officer1.post(url + "/actions/submit", boost::json::object{}), 200);
  expect_status("return", head2.post(url + "/actions/return", {{"comment", "ตรวจสอบงบประมาณอีกครั้ง"}}), 200);
  expect_status("submit again", officer3.post(url + "/actions/submit", boost::json::object{}), 200);
  auto endorsed = head1.post(url + "/actions/endorse", boost::json::object{});
  expect_status("endorse", endorsed, 200);
  EXPECT_EQ(endorsed.obj().at("to"), "committee_approval");
  expect_status("approve 1", planflow.as("member1", 2).post(url + "/actions/approve", boost::json::object{}), 200);
  auto quorum = planflow.as("member2", 3).post(url + "/actions/approve", {{"comment", "เห็นชอบ"}});
  expect_status("approve 2", quorum, 200);
  EXPECT_TRUE(quorum.obj().at("moved").as_bool()) << boost::json::serialize(quorum.body);
  EXPECT_EQ(officer1.get(url).obj().at("stage"), "approved");

  // Its first quarterly report: entered, confirmed, compiled, acknowledged.
  auto reports = officer1.get(url + "/reports");
  expect_status("reports", reports, 200);
  ASSERT_EQ(reports.obj().at("items").as_array().size(), 4u);
  const std::string q1 =
      "/api/v1/reports/" + std::to_string(reports.obj().at("items").as_array()[0].at("id").as_int64());
  expect_status("entry", officer2.put(q1 + "/entries/a1", {{"status", "done"}, {"disbursed_baht", 11500}}), 200);
  expect_status("confirm", planflow.as("head", 3).post(q1 + "/confirm", boost::json::object{}), 200);
  expect_status("compile", planflow.as("secretary", 1).post(q1 + "/actions/compile", boost::json::object{}), 200);
  auto acknowledged = planflow.as("member3", 2).post(q1 + "/actions/acknowledge", boost::json::object{});
  expect_status("acknowledge", acknowledged, 200);
  EXPECT_EQ(acknowledged.obj().at("to"), "acknowledged");
  auto report = officer3.get(q1);
  expect_status("report at node 3", report, 200);
  EXPECT_EQ(report.obj().at("stage"), "acknowledged");

  // Load: six agency clients, two per node, each taking plans to the
  // committee (four audited writes a plan, the head's through the next node).
  constexpr int k_writers = 6, k_plans_each = 30;
  std::vector<std::vector<std::int64_t>> made(k_writers);
  {
    std::vector<std::thread> writers;
    for (int t = 0; t < k_writers; ++t) {
      writers.emplace_back([&, t] {
        const int node = t % k_nodes + 1;
        auto officer = planflow.as("officer", node);
        auto head = planflow.as("head", node % k_nodes + 1);
        for (int i = 0; i < k_plans_each; ++i) {
          const std::string what = "writer " + std::to_string(t) + " plan " + std::to_string(i);
          try {
            auto plan = officer.post("/api/v1/plans", {{"plan_type", "simple_plan"},
                                                       {"title", "แผนที่ " + std::to_string(t) + "-" + std::to_string(i)},
                                                       {"province", "TH-96"},
                                                       {"agency", w.agency},
                                                       {"fiscal_year", 2567},
                                                       {"content", content_of(1000 + i)}});
            answers.check(what + " create", plan);
            if (plan.status != 201) continue;
            const auto id = plan.obj().at("id").as_int64();
            answers.check(what + " edit",
                          officer.put(plan_url(id) + "/content", content_of(2000 + i), {{"If-Match", "\"1\""}}));
            answers.check(what + " submit", officer.post(plan_url(id) + "/actions/submit", boost::json::object{}));
            auto e = head.post(plan_url(id) + "/actions/endorse", boost::json::object{});
            answers.check(what + " endorse", e);
            if (e.status == 200) made[std::size_t(t)].push_back(id);
          } catch (const std::exception& e) {
            answers.transport(what, e);
          }
        }
      });
    }
    for (auto& t : writers) t.join();
  }
  std::vector<std::int64_t> at_committee;
  for (const auto& list : made) at_committee.insert(at_committee.end(), list.begin(), list.end());
  ASSERT_EQ(at_committee.size(), std::size_t(k_writers * k_plans_each)) << answers.failures().size() << " failures";

  // Three members, each through their own node, approve every plan in the
  // same order, so that two or three approvals of one plan race each time.
  std::map<std::int64_t, int> approvals;  // 200 answers per plan
  std::mutex approvals_mutex;
  {
    std::vector<std::thread> members;
    for (int m = 1; m <= 3; ++m) {
      members.emplace_back([&, m] {
        auto member = planflow.as("member" + std::to_string(m), m);
        for (auto id : at_committee) {
          const std::string what = "member" + std::to_string(m) + " approves " + std::to_string(id);
          try {
            auto r = member.post(plan_url(id) + "/actions/approve", boost::json::object{});
            answers.check(what, r);
            // 409: the quorum was reached before this one came.
            EXPECT_TRUE(r.status == 200 || r.status == 409) << what << ": " << boost::json::serialize(r.body);
            std::lock_guard lock(approvals_mutex);
            approvals[id] += r.status == 200;
          } catch (const std::exception& e) {
            answers.transport(what, e);
          }
        }
      });
    }
    for (auto& t : members) t.join();
  }
  // Every plan approved once by a quorum of two: no approval lost, none
  // extra, and each node's history says the same.
  for (auto id : at_committee) EXPECT_EQ(approvals[id], 2) << "plan " << id;
  for (int node = 1; node <= k_nodes; ++node) {
    std::istringstream per_plan(cluster().query(
        node, "SELECT p.id, COUNT(e.id) FROM " + db + ".plans p LEFT JOIN " + db +
                  ".workflow_events e "
                  "ON e.case_id = p.case_id AND e.kind = 'signature' AND e.action = 'approve' GROUP BY p.id"));
    std::map<std::int64_t, long long> recorded;
    for (long long id = 0, n = 0; per_plan >> id >> n;) recorded[id] = n;
    for (auto id : at_committee) EXPECT_EQ(recorded[id], 2) << "plan " << id << " on node " << node;
  }
  const auto failures = answers.failures();
  EXPECT_TRUE(failures.empty()) << failures.size() << " answers 5xx or none, first: " << failures.front();

  const long long audited = count_on(cluster(), 2, "SELECT COUNT(*) FROM " + db + ".audit_entries") - audit_before;
  std::cout << "[ measure ] " << audited << " audited writes through three nodes, " << failures.size() << " 5xx"
            << std::endl;
  EXPECT_GE(audited, 1000);

  // Every node holds the same log, and it verifies through every instance.
  for (int node = 1; node <= k_nodes; ++node) {
    auto admin = planflow.as("admin", node);
    auto v = admin.get("/api/v1/audit/verify");
    ASSERT_EQ(v.status, 200) << boost::json::serialize(v.body);
    EXPECT_TRUE(v.obj().at("intact").as_bool()) << "node " << node << ": " << boost::json::serialize(v.body);
  }
  for (const auto* table : {"audit_entries", "audit_chains", "workflow_events", "workflow_cases", "plans"}) {
    const auto first = checksum(cluster(), 1, db + "." + table);
    for (int node = 2; node <= k_nodes; ++node) EXPECT_EQ(checksum(cluster(), node, db + "." + table), first) << table;
  }
  planflow.stop_all();
  // The command-line verify agrees, with the deployment's key.
  auto cli = run_planflow({"audit", "verify", "--db", cluster().url(3, db), "--audit-key-file", planflow.key_file()});
  EXPECT_EQ(cli.exit_code, 0) << cli.out << cli.err;
}

TEST_F(galera_scale_out, deadlines_and_deliveries_raced_by_three_instances_are_each_handled_once) {
  const std::string db = "planflow_background";
  cluster().fresh_database(db);
  constexpr int k_cases = 120, k_receivers = 12;
  const world w = build_world(cluster().url(1, db), k_cases + 1);
  webhook_receiver ministry;
  std::int64_t poisoned = 0;
  std::string report_url;
  {
    // Set up with the in-process application, which runs no background pass.
    app_server setup(cluster().url(1, db));
    auto as = [&](const std::string& user) { return signed_in(setup.port(), user); };
    auto officer = as("officer"), head = as("head"), admin = as("admin");
    for (int i = 0; i < k_cases + 1; ++i) {
      const auto url = plan_url(w.plans[std::size_t(i)]);
      ASSERT_EQ(officer.put(url + "/content", content_of(3000), {{"If-Match", "\"1\""}}).status, 200);
      ASSERT_EQ(officer.post(url + "/actions/submit", boost::json::object{}).status, 200);
      ASSERT_EQ(head.post(url + "/actions/endorse", boost::json::object{}).status, 200);
    }
    // The last plan is approved and its first quarter acknowledged: one
    // delivery per recipient, one of which cannot be reached.
    const auto last = plan_url(w.plans.back());
    ASSERT_EQ(as("member1").post(last + "/actions/approve", boost::json::object{}).status, 200);
    ASSERT_EQ(as("member2").post(last + "/actions/approve", boost::json::object{}).status, 200);
    for (int i = 0; i < k_receivers; ++i) {
      ASSERT_EQ(admin
                    .post("/api/v1/report-recipients", {{"province", "TH-96"},
                                                        {"name", "ปลายทาง " + std::to_string(i)},
                                                        {"kind", "webhook"},
                                                        {"url", ministry.url()},
                                                        {"secret", "hmac-key-of-receiver-" + std::to_string(i)}})
                    .status,
                201);
    }
    ASSERT_EQ(admin
                  .post("/api/v1/report-recipients", {{"province", "TH-96"},
                                                      {"name", "ติดต่อไม่ได้"},
                                                      {"kind", "webhook"},
                                                      {"url", "http://127.0.0.1:9/hook"},
                                                      {"secret", "hmac-key-of-nobody"}})
                  .status,
              201);
    auto reports = officer.get(last + "/reports").obj().at("items").as_array();
    const std::string q1 = "/api/v1/reports/" + std::to_string(reports[0].at("id").as_int64());
    ASSERT_EQ(officer.put(q1 + "/entries/a1", {{"status", "done"}, {"disbursed_baht", 3000}}).status, 200);
    ASSERT_EQ(head.post(q1 + "/confirm", boost::json::object{}).status, 200);
    ASSERT_EQ(as("secretary").post(q1 + "/actions/compile", boost::json::object{}).status, 200);
    report_url = q1;
  }
  const std::string cases = db + ".workflow_cases";
  // One committee case names a workflow that is gone: it fails every time.
  poisoned = std::stoll(cluster().query(
      2, "SELECT MIN(id) FROM " + cases + " WHERE subject_kind = 'plan' AND stage = 'committee_approval'"));
  cluster().query(2,
                  "UPDATE " + cases + " SET workflow_id = 'removed_by_mistake' WHERE id = " + std::to_string(poisoned));

  // Every committee case due long ago, and three instances started together
  // that pass every second: their first passes meet on the same rows (a pass
  // over 120 cases takes about as long as the interval).
  const std::string due_sql =
      "SELECT COUNT(*) FROM " + cases + " WHERE deadline_done = 0 AND deadline_at <= '2001-01-02'";
  cluster().query(2, "UPDATE " + cases +
                         " SET deadline_at = '2001-01-01T00:00:00Z' WHERE subject_kind = 'plan' "
                         "AND stage = 'committee_approval'");
  ASSERT_EQ(count_on(cluster(), 3, due_sql), k_cases);
  instances planflow(cluster(), db, {"--background-interval", "1"});
  const auto began = steady::now();
  // Acknowledged: one delivery per recipient, one of which cannot be reached.
  ASSERT_EQ(planflow.as("member3", 3).post(report_url + "/actions/acknowledge", boost::json::object{}).status, 200);
  const std::string delivered_sql = "SELECT COUNT(*) FROM " + db + ".report_deliveries WHERE status = 'delivered'";
  ASSERT_TRUE(eventually(
      [&] { return count_on(cluster(), 1, due_sql) == 1 && count_on(cluster(), 1, delivered_sql) == k_receivers; },
      std::chrono::seconds(120)))
      << count_on(cluster(), 1, due_sql) << " cases still due, " << count_on(cluster(), 1, delivered_sql)
      << " delivered\n"
      << planflow.on(1).log().substr(0, 3000);
  std::cout << "[ measure ] " << k_cases - 1 << " deadlines and " << k_receivers << " deliveries handled by three "
            << "instances within " << elapsed_ms(began) << " ms" << std::endl;
  // Stopped by PID; SIGTERM lets a pass in flight finish, so nothing is still
  // being sent when the counts below are read.
  planflow.stop_all();

  for (int node = 1; node <= k_nodes; ++node) {
    std::istringstream per_case(cluster().query(
        node, "SELECT c.id, COUNT(e.seq) FROM " + cases + " c LEFT JOIN " + db +
                  ".workflow_events e ON e.case_id = c.id "
                  "AND e.kind IN ('overdue', 'escalation') WHERE c.deadline_at <= '2001-01-02' GROUP BY c.id"));
    int rows = 0;
    for (long long id = 0, events = 0; per_case >> id >> events; ++rows) {
      EXPECT_EQ(events, id == poisoned ? 0 : 1) << "case " << id << " on node " << node;
    }
    EXPECT_EQ(rows, k_cases) << "node " << node;
  }
  // The poisoned case was tried, logged, and held back nothing.
  bool logged = false;
  for (int node = 1; node <= k_nodes; ++node) {
    logged = logged || planflow.on(node).log().find("deadline not handled") != std::string::npos;
  }
  EXPECT_TRUE(logged);

  // Each delivery reached the receiver once: X-Planflow-Delivery never repeats.
  std::map<std::string, int> sent;
  for (const auto& r : ministry.all()) ++sent[r.delivery];
  EXPECT_EQ(sent.size(), std::size_t(k_receivers));
  for (const auto& [delivery, times] : sent)
    EXPECT_EQ(times, 1) << "delivery " << delivery << " sent " << times << " times";
  const auto unreachable =
      cluster().query(3, "SELECT status, attempts FROM " + db + ".report_deliveries WHERE status <> 'delivered'");
  EXPECT_EQ(unreachable.substr(0, unreachable.find('\t')), "pending") << unreachable;
  // How the work fell to the three (measured, not asserted: which instance
  // wins a row is the cluster's choice).
  const std::regex handled(R"("msg":"deadlines handled","cases":(\d+))");
  for (int node = 1; node <= k_nodes; ++node) {
    const auto log = planflow.on(node).log();
    long long cases_handled = 0;
    for (std::sregex_iterator m(log.begin(), log.end(), handled), end; m != end; ++m)
      cases_handled += std::stoll((*m)[1]);
    std::cout << "[ measure ] instance " << node << " handled " << cases_handled << " deadline(s)" << std::endl;
  }
}

}  // namespace
}  // namespace planflow::test
