// planflow on a real 3-node MariaDB Galera cluster on loopback (issue 12):
// migrators started together on three nodes, reads through one node of
// writes made through another, a certification failure at COMMIT, /readyz
// through node loss and rejoin by IST, and a node that lost quorum. One
// cluster serves the whole run (started on first use, stopped at the end);
// each test heals it first and works in a database of its own.
#include "../fault/world.hpp"
#include "../support/databases.hpp"
#include "../support/files.hpp"
#include "../support/join_on_exit.hpp"
#include "../support/server_process.hpp"
#include "cluster_fixture.hpp"

#include <planflow/storage/database.hpp>
#include <planflow/storage/migrations.hpp>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <condition_variable>
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

// --- the committed configuration is the tested one ---------------------------

TEST(galera_configs, committed_examples_are_the_template_rendered_with_the_defaults) {
  const auto tmpl = galera_config_template();
  for (int node = 1; node <= k_nodes; ++node) {
    const auto path = std::string(PLANFLOW_SOURCE_DIR) + "/deploy/galera/node" + std::to_string(node) + ".cnf";
    EXPECT_EQ(read_file(path), render_galera_config(tmpl, node, "/var/lib/planflow-galera/node" + std::to_string(node),
                                                    "mysql", k_galera_default_base_port))
        << path << " differs from node.cnf.in rendered: run deploy/galera/render.sh";
  }
  const auto ports = galera_ports_of(k_galera_default_base_port, 2);
  EXPECT_EQ(ports.sql, 24102);
  EXPECT_EQ(ports.gcomm, 24202);
  EXPECT_EQ(ports.ist, 24302);
  EXPECT_EQ(ports.sst, 24402);
}

// --- migrations ----------------------------------------------------------------

// Everything a migration decides, as one node sees it.
std::string schema_on(galera_cluster& c, int node, const std::string& db) {
  return c.query(node,
                 "SELECT table_name, column_name, column_type, is_nullable, IFNULL(column_default, 'NULL'), extra "
                 "FROM information_schema.columns WHERE table_schema = '" +
                     db + "' ORDER BY table_name, ordinal_position") +
         c.query(node,
                 "SELECT table_name, index_name, seq_in_index, column_name, non_unique "
                 "FROM information_schema.statistics WHERE table_schema = '" +
                     db + "' ORDER BY table_name, index_name, seq_in_index") +
         c.query(node, "SELECT version, name FROM " + db + ".schema_migrations ORDER BY version") +
         c.query(node, "SELECT COUNT(*) FROM " + db + ".provinces") +
         c.query(node, "CHECKSUM TABLE " + db + ".provinces, " + db + ".audit_head");
}

int applied_count(const std::string& out) {
  std::smatch m;
  static const std::regex pattern("applied ([0-9]+) migration");
  return std::regex_search(out, m, pattern) ? std::stoi(m[1]) : -1;
}

TEST_F(galera_test, three_migrators_on_three_nodes_all_succeed_and_apply_each_migration_once) {
  const std::string db = "planflow_migrate";
  const int expected = int(storage::embedded_migrations().size());
  for (int round = 1; round <= 2; ++round) {
    cluster().fresh_database(db);
    std::vector<command_result> results(k_nodes);
    std::barrier start_together(k_nodes);
    std::vector<std::thread> migrators;
    const auto began = steady::now();
    for (int node = 1; node <= k_nodes; ++node) {
      migrators.emplace_back([&, node] {
        start_together.arrive_and_wait();
        results[std::size_t(node - 1)] = run_planflow({"migrate", "--db", cluster().url(node, db)});
      });
    }
    for (auto& t : migrators) t.join();
    std::cout << "[ measure ] round " << round << ": three concurrent migrators done in " << elapsed_ms(began) << " ms"
              << std::endl;

    int total = 0, waited = 0;
    for (int node = 1; node <= k_nodes; ++node) {
      const auto& r = results[std::size_t(node - 1)];
      EXPECT_EQ(r.exit_code, 0) << "migrator on node " << node << ":\n" << r.out << r.err;
      EXPECT_NE(r.out.find("schema version " + std::to_string(expected)), std::string::npos) << r.out;
      total += applied_count(r.out);
      if (r.err.find("waiting for the migration lock") != std::string::npos) ++waited;
    }
    // Each migration ran exactly once in the cluster, whoever ran it.
    EXPECT_EQ(total, expected);
    std::cout << "[ measure ] round " << round << ": " << waited << " migrator(s) waited for the lock row" << std::endl;

    const auto reference = schema_on(cluster(), 1, db);
    EXPECT_NE(reference.find("77\n"), std::string::npos) << "provinces not seeded:\n" << reference;
    for (int node = 2; node <= k_nodes; ++node) EXPECT_EQ(schema_on(cluster(), node, db), reference) << "node " << node;
    EXPECT_EQ(cluster().query(2, "SELECT COUNT(*) FROM " + db + ".schema_migrations"), std::to_string(expected) + "\n");
    // Released: nobody holds the lock afterwards.
    EXPECT_EQ(cluster().query(3, "SELECT IFNULL(owner, 'free') FROM " + db + ".schema_migration_lock"), "free\n");
  }
}

// A migrator killed while it held the lock leaves its row behind; the next
// one waits only until the row expires.
TEST_F(galera_test, a_lock_row_left_by_a_killed_migrator_is_taken_over_once_it_expires) {
  const std::string db = "planflow_lock";
  cluster().fresh_database(db);
  cluster().query(1, "CREATE TABLE " + db +
                         ".schema_migration_lock (id INTEGER NOT NULL PRIMARY KEY, "
                         "owner VARCHAR(200) NULL, expires_at BIGINT NOT NULL) ENGINE=InnoDB; "
                         "INSERT INTO " +
                         db +
                         ".schema_migration_lock VALUES (1, 'killed-host:4242:dead', "
                         "UNIX_TIMESTAMP() + 2);");
  storage::database on_node2(storage::parse_database_url(cluster().url(2, db)), 1);
  const auto began = steady::now();
  const auto applied = storage::apply_migrations(on_node2, storage::embedded_migrations(),
                                                 {.lease = std::chrono::seconds(30), .wait = std::chrono::seconds(60)});
  EXPECT_EQ(applied.size(), storage::embedded_migrations().size());
  EXPECT_GE(elapsed_ms(began), 1000) << "took a lock that had not expired";
  EXPECT_EQ(cluster().query(3, "SELECT IFNULL(owner, 'free') FROM " + db + ".schema_migration_lock"), "free\n");
}

// --- reads and commits across nodes --------------------------------------------

std::vector<std::unique_ptr<storage::database>> one_pool_per_node(galera_cluster& c, const std::string& db) {
  std::vector<std::unique_ptr<storage::database>> out;
  for (int node = 1; node <= k_nodes; ++node) {
    out.push_back(std::make_unique<storage::database>(storage::parse_database_url(c.url(node, db)), 1));
  }
  return out;
}

int count_mark(storage::database& db, int id) {
  storage::lease session(db);
  int found = 0;
  *session << "SELECT COUNT(*) FROM marks WHERE id = :i", soci::use(id), soci::into(found);
  return found;
}

TEST_F(galera_test, a_read_through_one_node_sees_a_write_just_committed_through_another) {
  const std::string db = "planflow_reads";
  cluster().fresh_database(db);
  cluster().query(1, "CREATE TABLE " + db +
                         ".marks (id INT NOT NULL PRIMARY KEY, node INT NOT NULL) ENGINE=InnoDB; "
                         "CREATE TABLE " +
                         db +
                         ".load_rows (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                         "filler VARCHAR(200) NOT NULL) ENGINE=InnoDB;");
  auto pools = one_pool_per_node(cluster(), db);
  for (auto& pool : pools) {
    storage::lease session(*pool);
    int sync_wait = 0;
    *session << "SELECT @@SESSION.wsrep_sync_wait", soci::into(sync_wait);
    EXPECT_EQ(sync_wait, 1) << "planflow's sessions on Galera must wait for causality";
  }
  // Writes through every node keep the appliers busy, as under real load:
  // that is when a read without the causal wait misses (issue 12: 10 of 300).
  std::atomic<bool> stop{false};
  std::vector<std::thread> load;
  for (int node = 0; node < k_nodes; ++node) {
    load.emplace_back([&, node] {
      storage::database own(storage::parse_database_url(cluster().url(node + 1, db)), 1);
      while (!stop) {
        storage::in_transaction(own, [](soci::session& sql) {
          for (int i = 0; i < 20; ++i) sql << "INSERT INTO load_rows (filler) VALUES (REPEAT('x', 200))";
        });
      }
    });
  }
  struct join_load {
    std::atomic<bool>& stop;
    std::vector<std::thread>& threads;
    ~join_load() {
      stop = true;
      for (auto& t : threads) t.join();
    }
  } joiner{stop, load};

  constexpr int k_rounds = 300;
  int missed = 0;
  const auto began = steady::now();
  for (int i = 0; i < k_rounds; ++i) {
    auto& writer = *pools[std::size_t(i % k_nodes)];
    auto& reader = *pools[std::size_t((i + 1) % k_nodes)];
    storage::in_transaction(writer, [&](soci::session& sql) {
      int node = i % k_nodes + 1;
      sql << "INSERT INTO marks (id, node) VALUES (:i, :n)", soci::use(i), soci::use(node);
    });
    if (count_mark(reader, i) != 1) ++missed;
  }
  EXPECT_EQ(missed, 0) << missed << " of " << k_rounds << " reads missed the write made just before on another node";
  std::cout << "[ measure ] " << k_rounds << " write-then-read pairs across nodes in " << elapsed_ms(began) << " ms, "
            << missed << " missed" << std::endl;

  // The same without the causal wait, to show what it prevents (not asserted:
  // whether a read races the applier depends on the machine's load).
  int missed_without = 0;
  for (auto& pool : pools) {
    storage::lease session(*pool);
    *session << "SET SESSION wsrep_sync_wait = 0";
  }
  for (int i = k_rounds; i < 2 * k_rounds; ++i) {
    storage::in_transaction(*pools[std::size_t(i % k_nodes)], [&](soci::session& sql) {
      int node = i % k_nodes + 1;
      sql << "INSERT INTO marks (id, node) VALUES (:i, :n)", soci::use(i), soci::use(node);
    });
    if (count_mark(*pools[std::size_t((i + 1) % k_nodes)], i) != 1) ++missed_without;
  }
  std::cout << "[ measure ] without wsrep_sync_wait: " << missed_without << " of " << k_rounds
            << " reads missed the write" << std::endl;
}

TEST_F(galera_test, a_certification_failure_at_commit_runs_the_whole_block_again) {
  const std::string db = "planflow_commit";
  cluster().fresh_database(db);
  cluster().query(1, "CREATE TABLE " + db +
                         ".counter (id INT NOT NULL PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB; "
                         "INSERT INTO " +
                         db + ".counter VALUES (1, 0);");
  auto pools = one_pool_per_node(cluster(), db);
  int attempts = 0;
  storage::in_transaction(*pools[0], [&](soci::session& sql) {
    ++attempts;
    sql << "UPDATE counter SET n = n + 1 WHERE id = 1";
    if (attempts == 1) {
      // Node 2 commits a change to the same row first. Node 1 holds its row
      // lock only locally, so node 2 does not wait; node 1's writeset comes
      // after node 2's in the cluster's order and fails certification when
      // this block returns and COMMIT is sent: nothing else is left to fail.
      storage::in_transaction(*pools[1],
                              [](soci::session& other) { other << "UPDATE counter SET n = n + 100 WHERE id = 1"; });
    }
  });
  EXPECT_EQ(attempts, 2) << "the block that lost at COMMIT was not run again";
  for (int node = 1; node <= k_nodes; ++node) {
    storage::lease session(*pools[std::size_t(node - 1)]);
    int n = 0;
    *session << "SELECT n FROM counter WHERE id = 1", soci::into(n);
    EXPECT_EQ(n, 101) << "node " << node;
  }
}

// --- instances on the cluster --------------------------------------------------

std::string describe(const json_reply& r) { return std::to_string(r.status) + " " + boost::json::serialize(r.body); }

// wsrep_local_state_comment as a /readyz answer reports it ("" when absent).
std::string galera_state_of(const json_reply& r) {
  if (!r.body.is_object()) return "";
  const auto* galera = r.obj().if_contains("galera");
  if (!galera || !galera->is_object()) return "";
  const auto* state = galera->as_object().if_contains("wsrep_local_state_comment");
  return state && state->is_string() ? std::string(state->as_string()) : "";
}

// Three `planflow serve`, one per node, on one province; shared by the tests
// of this suite (each heals the cluster before it starts).
class galera_instances : public galera_test {
 protected:
  static void SetUpTestSuite() {}
  void SetUp() override {
    galera_test::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    if (instances_.empty()) start_instances();
  }
  static void TearDownTestSuite() { instances_.clear(); }

  static void start_instances() {
    cluster().fresh_database(k_db);
    world_ = build_world(cluster().url(1, k_db), 2);
    for (int node = 1; node <= k_nodes; ++node) {
      instances_.push_back(std::make_unique<server_process>(
          cluster().url(node, k_db), serve_options({"--threads", "4", "--background-interval", "3600",
                                                    "--audit-key-file", key_dir_.path() + "/audit-signing.key"})));
    }
  }
  static unsigned short port(int node) { return instances_[std::size_t(node - 1)]->port(); }
  static std::string log_of(int node) { return instances_[std::size_t(node - 1)]->log(); }
  // Commits stall for some seconds while the cluster evicts a dead node.
  static api_client client(int node) { return api_client(port(node), std::chrono::seconds(30)); }
  static api_client signed_in_at(int node, const std::string& user) {
    auto c = client(node);
    EXPECT_EQ(c.login(user, k_password).status, 200) << user << " at node " << node;
    return c;
  }
  static std::string comments_url() { return "/api/v1/plans/" + std::to_string(world_.plans[0]) + "/comments"; }

  static inline const std::string k_db = "planflow_instances";
  static inline world world_;
  static inline scratch_dir key_dir_;  // one signing key for the three, as in a deployment
  static inline std::vector<std::unique_ptr<server_process>> instances_;
};

TEST_F(galera_instances, readyz_reports_the_node_state_and_replicates_nothing) {
  for (int node = 1; node <= k_nodes; ++node) {
    auto r = client(node).get("/readyz");
    ASSERT_EQ(r.status, 200) << boost::json::serialize(r.body);
    const auto& galera = r.obj().at("galera").as_object();
    EXPECT_EQ(galera.at("wsrep_ready"), true);
    EXPECT_EQ(galera.at("wsrep_local_state_comment"), "Synced");
    EXPECT_EQ(galera.at("wsrep_cluster_status"), "Primary");
    EXPECT_EQ(galera.at("wsrep_cluster_size"), 3);
  }
  // Any write or DDL would be a new writeset: the cluster's position would move.
  const auto ddl = [&] {
    long long sum = 0;
    for (auto name : {"Com_create_table", "Com_alter_table", "Com_create_index", "Com_drop_table"}) {
      sum += std::stoll(cluster().status(1, name));
    }
    return sum;
  };
  const auto committed_before = cluster().status(1, "wsrep_last_committed");
  const auto ddl_before = ddl();
  for (int i = 0; i < 50; ++i) ASSERT_EQ(client(1).get("/readyz").status, 200);
  EXPECT_EQ(cluster().status(1, "wsrep_last_committed"), committed_before) << "/readyz replicated something";
  EXPECT_EQ(ddl(), ddl_before) << "/readyz ran DDL";
}

// Audited writes (each a new plan, an entry in its own audit chain) through
// all three instances while node 2 is killed and rejoins: the other two keep
// answering, instance 2 answers 503 meanwhile and recovers by itself, and
// every acknowledged plan is on every node exactly once.
TEST_F(galera_instances, a_killed_node_takes_its_instance_out_until_it_rejoins_by_ist) {
  // Signed in before the load starts: a login still in flight when node 2
  // is killed would be refused, and its writer would never write.
  auto reader = signed_in_at(3, "officer");
  auto probe2 = client(2);

  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::string> acknowledged, wrong;
  std::size_t acknowledged_by_survivors = 0, acknowledged_by_node2 = 0, refused_by_node2 = 0;
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int node = 1; node <= k_nodes; ++node) {
    clients.emplace_back([&, node] {
      auto officer = client(node);
      officer.set_token(reader.token());  // sessions are in the database: one token serves every instance
      for (int i = 0; !stop; ++i) {
        const std::string title = "ระหว่างโหนดล่ม " + std::to_string(node) + "-" + std::to_string(i);
        try {
          auto r = officer.post("/api/v1/plans", {{"plan_type", "simple_plan"},
                                                  {"title", title},
                                                  {"province", "TH-96"},
                                                  {"agency", world_.agency},
                                                  {"fiscal_year", 2567},
                                                  {"content", plan_content(1000)}});
          std::unique_lock lock(mutex);
          if (r.status == 201) {
            acknowledged.push_back(title);
            acknowledged_by_survivors += node != 2;
            acknowledged_by_node2 += node == 2;
          } else if (node == 2 && r.status == 503 && !r.header("retry-after").empty()) {
            // Its database node is down: refused, saying when to try again.
            // A client backs off (briefly here) rather than spin.
            ++refused_by_node2;
            changed.wait_for(lock, std::chrono::milliseconds(100), [&] { return stop.load(); });
          } else {
            wrong.push_back("write at node " + std::to_string(node) + " " + describe(r));
          }
        } catch (const std::exception& e) {
          std::lock_guard lock(mutex);
          wrong.push_back("write transport at node " + std::to_string(node) + ": " + e.what());
        }
        changed.notify_all();
      }
    });
  }
  int donor_answers = 0;
  clients.emplace_back([&] {
    const std::string plan = "/api/v1/plans/" + std::to_string(world_.plans[0]);
    while (!stop) {
      try {
        auto read = reader.get(plan);
        auto ready = reader.get("/readyz");
        std::lock_guard lock(mutex);
        if (read.status != 200) wrong.push_back("node 3 read " + describe(read));
        // Node 3 may be the donor of node 2's IST for a moment: then it says
        // so and is unready, as a donor should be (an SST donor is blocked).
        // A donor passes through Joined, applying what it queued while it
        // donated, before it is Synced again.
        const auto state = ready.status == 503 ? galera_state_of(ready) : std::string();
        if (state == "Donor/Desynced" || state == "Joined") {
          ++donor_answers;
        } else if (ready.status != 200) {
          wrong.push_back("node 3 /readyz " + describe(ready));
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        wrong.push_back(std::string("read transport: ") + e.what());
      }
    }
  });
  join_on_exit joiner{stop, clients};
  // Writes acknowledged by the instances on nodes 1 and 3.
  auto wait_for_more_writes = [&](std::size_t more) {
    std::unique_lock lock(mutex);
    const auto target = acknowledged_by_survivors + more;
    return changed.wait_for(lock, std::chrono::seconds(60), [&] { return acknowledged_by_survivors >= target; });
  };

  ASSERT_TRUE(wait_for_more_writes(20));
  cluster().kill9(2);
  const auto killed = steady::now();
  ASSERT_TRUE(eventually([&] { return probe2.get("/readyz").status == 503; }, std::chrono::seconds(30)));
  std::cout << "[ measure ] instance of the killed node unready after " << elapsed_ms(killed) << " ms" << std::endl;
  ASSERT_TRUE(wait_for_more_writes(20)) << "writes through nodes 1 and 3 stopped while node 2 was down";
  std::cout << "[ measure ] 20 more writes through nodes 1 and 3 within " << elapsed_ms(killed) << " ms of the kill"
            << std::endl;
  EXPECT_EQ(client(1).get("/readyz").status, 200);
  EXPECT_EQ(client(3).get("/readyz").status, 200);
  EXPECT_EQ(probe2.get("/healthz").status, 200);  // the process itself is fine

  const auto log_before = cluster().log(2).size();
  const auto restarting = steady::now();
  const auto position = cluster().restart(2);
  std::cout << "[ measure ] node 2 recovered position " << position << " and was synced again after "
            << elapsed_ms(restarting) << " ms" << std::endl;
  const auto rejoin_log = cluster().log(2).substr(log_before);
  EXPECT_NE(rejoin_log.find("IST received"), std::string::npos) << "no IST:\n" << rejoin_log.substr(0, 3000);
  EXPECT_EQ(rejoin_log.find("SST completed"), std::string::npos) << "a full SST instead of IST";

  const auto synced = steady::now();
  ASSERT_TRUE(eventually([&] { return probe2.get("/readyz").status == 200; }, std::chrono::seconds(60)))
      << log_of(2).substr(0, 3000);
  std::cout << "[ measure ] its instance ready again " << elapsed_ms(synced) << " ms after the node was synced"
            << std::endl;
  ASSERT_TRUE(wait_for_more_writes(10));
  {
    // Instance 2 writes again, by itself: nothing restarted it.
    std::unique_lock lock(mutex);
    const auto target = acknowledged_by_node2 + 10;
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(60), [&] { return acknowledged_by_node2 >= target; }))
        << "instance 2 acknowledges no writes since its node rejoined";
  }
  stop = true;
  changed.notify_all();
  for (auto& t : clients) t.join();

  EXPECT_TRUE(wrong.empty()) << wrong.size() << " unexpected answers, first: " << wrong.front();
  std::cout << "[ measure ] node 3 answered /readyz as an IST donor " << donor_answers << " time(s); instance 2 "
            << "refused " << refused_by_node2 << " write(s) with 503 while its node was down" << std::endl;
  // Every acknowledged write is on every node exactly once, the ones made
  // while node 2 was down included.
  for (int node = 1; node <= k_nodes; ++node) {
    std::istringstream titles(cluster().query(node, "SELECT title FROM " + k_db + ".plans"));
    std::multiset<std::string> stored;
    for (std::string line; std::getline(titles, line);) stored.insert(line);
    for (const auto& title : acknowledged) EXPECT_EQ(stored.count(title), 1u) << "node " << node << ": " << title;
  }
  const auto checksum = [&](int node, const std::string& table) {
    auto out = cluster().query(node, "CHECKSUM TABLE " + k_db + "." + table);
    return out.substr(out.find('\t'));
  };
  for (const std::string table : {"plans", "workflow_cases", "workflow_events", "audit_entries", "audit_chains"}) {
    EXPECT_EQ(checksum(2, table), checksum(1, table)) << table;
    EXPECT_EQ(checksum(3, table), checksum(1, table)) << table;
  }
  // And the audit log verifies through every instance.
  for (int node = 1; node <= k_nodes; ++node) {
    auto v = signed_in_at(node, "admin").get("/api/v1/audit/verify");
    ASSERT_EQ(v.status, 200) << describe(v);
    EXPECT_TRUE(v.obj().at("intact").as_bool()) << "node " << node << ": " << describe(v);
  }
  std::cout << "[ measure ] " << acknowledged.size() << " audited writes acknowledged across the node loss"
            << std::endl;
}

TEST_F(galera_instances, a_node_that_lost_quorum_answers_503_with_retry_after_and_recovers) {
  auto officer = signed_in_at(3, "officer");
  const std::string plan = "/api/v1/plans/" + std::to_string(world_.plans[1]);
  ASSERT_EQ(officer.get(plan).status, 200);

  cluster().isolate(3, true);
  const auto cut = steady::now();
  ASSERT_TRUE(eventually([&] { return cluster().status(3, "wsrep_cluster_status") == "non-Primary"; },
                         std::chrono::seconds(60)));
  std::cout << "[ measure ] node 3 non-Primary " << elapsed_ms(cut) << " ms after it was cut off" << std::endl;

  const auto expect_unavailable = [](const json_reply& r, const std::string& what) {
    EXPECT_EQ(r.status, 503) << what << ": " << boost::json::serialize(r.body);
    EXPECT_FALSE(r.header("retry-after").empty()) << what;
    EXPECT_EQ(r.problem(), "database-unavailable") << what;
  };
  expect_unavailable(officer.get(plan), "read");
  expect_unavailable(officer.post(plan + "/comments", {{"body", "ระหว่างขาดองค์ประชุม"}}), "write");
  auto ready = officer.get("/readyz");
  EXPECT_EQ(ready.status, 503);
  ASSERT_TRUE(ready.body.is_object() && ready.obj().contains("galera")) << boost::json::serialize(ready.body);
  EXPECT_EQ(ready.obj().at("galera").at("wsrep_ready"), false);
  EXPECT_EQ(ready.obj().at("galera").at("wsrep_cluster_status"), "non-Primary");
  // The answers came from the node's refusal, error 1047.
  EXPECT_NE(log_of(3).find("WSREP has not yet prepared node"), std::string::npos);
  // The majority carries on.
  EXPECT_EQ(client(1).get("/readyz").status, 200);

  cluster().isolate(3, false);
  cluster().wait_synced(3);
  ASSERT_TRUE(eventually([&] { return client(3).get("/readyz").status == 200; }, std::chrono::seconds(30)));
  EXPECT_EQ(officer.get(plan).status, 200);
  EXPECT_EQ(officer.post(plan + "/comments", {{"body", "กลับมาแล้ว"}}).status, 201);
}

}  // namespace
}  // namespace planflow::test
