// planflow behind haproxy, as the deployment guide sets it up (issue 12):
// the committed haproxy configuration, rendered with the test's ports, in
// front of three instances on the three nodes. haproxy takes an instance out
// by its /readyz when its node dies and back when the node has rejoined;
// the instances see the real client's address through X-Forwarded-For
// because they trust the balancer, so the login limits and the audit log
// work per client and not per balancer.
#include "../support/files.hpp"
#include "../support/haproxy_process.hpp"
#include "../support/join_on_exit.hpp"
#include "instances.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

namespace planflow::test {
namespace {

TEST(haproxy_config, committed_example_is_the_template_rendered_with_the_defaults) {
  const auto rendered = render_haproxy_config(haproxy_config_template(), {8080, 8404, 8081, 8082, 8083});
  EXPECT_EQ(read_file(std::string(PLANFLOW_SOURCE_DIR) + "/deploy/haproxy/haproxy.cfg"), rendered)
      << "run deploy/haproxy/render.sh after changing haproxy.cfg.in";
  EXPECT_EQ(rendered.find('@'), std::string::npos) << "a placeholder was left";
}

std::string describe(const json_reply& r) {
  return std::to_string(r.status) + " from " + r.header("x-served-by") + " " + boost::json::serialize(r.body);
}

class galera_load_balancer : public galera_test {
 protected:
  void SetUp() override {
    if (auto reason = haproxy_process::unavailable_reason(); !reason.empty()) GTEST_SKIP() << reason;
    galera_test::SetUp();
  }
};

TEST_F(galera_load_balancer, haproxy_follows_readyz_through_a_node_loss_and_forwards_the_real_client) {
  const std::string db = "planflow_balanced";
  cluster().fresh_database(db);
  const world w = build_world(cluster().url(1, db), 1);
  instances planflow(cluster(), db, {"--trusted-proxy", "127.0.0.1", "--background-interval", "3600"});
  haproxy_process balancer(planflow.on(1).port(), planflow.on(2).port(), planflow.on(3).port());
  const auto all_up = [&] {
    for (int i = 1; i <= k_nodes; ++i) {
      if (balancer.server_status(i) != "UP") return false;
    }
    return true;
  };
  ASSERT_TRUE(eventually(all_up, std::chrono::seconds(30))) << balancer.log();

  // Two offices behind the balancer: their own addresses, not haproxy's.
  const auto office = [&](const std::string& address) {
    return api_client(balancer.port(), address, std::chrono::seconds(30));
  };
  auto guesser = office("127.0.0.2");
  std::set<std::string> served_by;
  for (int i = 0; i < 5; ++i) {
    auto r = guesser.login("officer", "not the password");
    EXPECT_EQ(r.status, 401) << describe(r);
    served_by.insert(r.header("x-served-by"));
  }
  auto locked = guesser.login("officer", "not the password");
  EXPECT_EQ(locked.status, 429) << describe(locked);
  // The limit is per account and address: the other office still signs in.
  auto officer = office("127.0.0.3");
  auto signed_in_office = officer.login("officer", k_password);
  ASSERT_EQ(signed_in_office.status, 200) << describe(signed_in_office);
  // Round robin spread the six logins over every instance.
  EXPECT_EQ(served_by.size(), std::size_t(k_nodes));

  // The audit log records the office's address, not the balancer's.
  auto created = officer.post("/api/v1/plans", {{"plan_type", "simple_plan"},
                                                {"title", "แผนผ่านตัวกระจายงาน"},
                                                {"province", "TH-96"},
                                                {"agency", w.agency},
                                                {"fiscal_year", 2567},
                                                {"content", plan_content(1000)}});
  ASSERT_EQ(created.status, 201) << describe(created);
  EXPECT_EQ(cluster().query(2, "SELECT remote_address FROM " + db +
                                   ".audit_entries WHERE action = 'plan.created' "
                                   "ORDER BY id DESC LIMIT 1"),
            "127.0.0.3\n");

  // Load through the balancer while node 2 dies and rejoins.
  std::mutex mutex;
  std::vector<std::string> acknowledged, wrong;
  std::size_t writes_refused = 0, reads = 0;
  std::atomic<bool> stop{false}, instance2_down{false};
  std::atomic<std::size_t> acknowledged_while_down{0};
  std::vector<std::thread> clients;
  clients.emplace_back([&] {
    auto writer = office("127.0.0.3");
    writer.set_token(officer.token());
    for (int i = 0; !stop; ++i) {
      const std::string title = "ผ่านตัวกระจายงาน " + std::to_string(i);
      try {
        auto r = writer.post("/api/v1/plans", {{"plan_type", "simple_plan"},
                                               {"title", title},
                                               {"province", "TH-96"},
                                               {"agency", w.agency},
                                               {"fiscal_year", 2567},
                                               {"content", plan_content(1000)}});
        std::lock_guard lock(mutex);
        if (r.status == 201) {
          acknowledged.push_back(title);
          if (instance2_down) ++acknowledged_while_down;
        } else if (r.status == 503 && !r.header("retry-after").empty() && !instance2_down) {
          // Sent to instance 2 before haproxy saw it unready: a write is not
          // retried by the balancer (it is the client's to repeat).
          ++writes_refused;
        } else {
          wrong.push_back("write " + describe(r));
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        wrong.push_back(std::string("write transport: ") + e.what());
      }
    }
  });
  clients.emplace_back([&] {
    auto reader = office("127.0.0.3");
    reader.set_token(officer.token());
    const std::string plan = "/api/v1/plans/" + std::to_string(w.plans[0]);
    while (!stop) {
      try {
        // Reads answered 503 are retried on another instance by haproxy.
        auto r = reader.get(plan);
        std::lock_guard lock(mutex);
        ++reads;
        if (r.status != 200) wrong.push_back("read " + describe(r));
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        wrong.push_back(std::string("read transport: ") + e.what());
      }
    }
  });
  join_on_exit joiner{stop, clients};
  const auto acknowledged_count = [&] {
    std::lock_guard lock(mutex);
    return acknowledged.size();
  };
  const auto more_writes = [&](std::size_t more) {
    const auto target = acknowledged_count() + more;
    return eventually([&] { return acknowledged_count() >= target; }, std::chrono::seconds(60));
  };

  ASSERT_TRUE(more_writes(20));
  cluster().kill9(2);
  const auto killed = steady::now();
  ASSERT_TRUE(eventually([&] { return balancer.server_status(2) == "DOWN"; }, std::chrono::seconds(30)))
      << balancer.server_status(2);
  instance2_down = true;
  std::cout << "[ measure ] haproxy took instance 2 out " << elapsed_ms(killed) << " ms after its node was killed"
            << std::endl;
  // From here on, every write goes to a ready instance: all acknowledged.
  ASSERT_TRUE(eventually([&] { return acknowledged_while_down >= 30; }, std::chrono::seconds(60)));

  cluster().restart(2);
  const auto rejoined = steady::now();
  ASSERT_TRUE(eventually([&] { return balancer.server_status(2) == "UP"; }, std::chrono::seconds(60)))
      << balancer.server_status(2);
  std::cout << "[ measure ] haproxy sent traffic to instance 2 again " << elapsed_ms(rejoined)
            << " ms after its node was synced" << std::endl;
  ASSERT_TRUE(more_writes(20));
  stop = true;
  for (auto& t : clients) t.join();

  EXPECT_TRUE(wrong.empty()) << wrong.size() << " unexpected answers, first: " << wrong.front();
  std::cout << "[ measure ] through haproxy: " << acknowledged.size() << " writes acknowledged, " << writes_refused
            << " refused with 503 before the check noticed, " << reads << " reads" << std::endl;
  for (int node = 1; node <= k_nodes; ++node) {
    std::istringstream titles(cluster().query(node, "SELECT title FROM " + db + ".plans"));
    std::multiset<std::string> stored;
    for (std::string line; std::getline(titles, line);) stored.insert(line);
    for (const auto& title : acknowledged) EXPECT_EQ(stored.count(title), 1u) << "node " << node << ": " << title;
  }
}

}  // namespace
}  // namespace planflow::test
