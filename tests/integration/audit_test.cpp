// The audit log on each database: one chain per entity, signed checkpoints
// over the heads, every kind of tampering caught and named, the frozen
// legacy chain still checked, and concurrent appends without a hot row.
#include "../support/databases.hpp"
#include "../support/server_process.hpp"

#include <planflow/app/application.hpp>
#include <planflow/audit/checkpoint.hpp>
#include <planflow/audit/log.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/storage/migrations.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/canonical_json.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

namespace planflow::audit {
namespace {

class audit_test : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { storage::apply_migrations(db); }

  std::int64_t append(const std::string& entity, const std::string& id, boost::json::object details = {}) {
    return storage::in_transaction(db, [&](soci::session& sql) {
      return audit::append(sql, db.backend(), {7, std::nullopt, "192.0.2.1", entity + ".change", entity, id, details});
    });
  }
  /// Three entries in plan_case 1 and in plan_case 2, one in user 3.
  void three_chains() {
    for (int i = 1; i <= 3; ++i) {
      append("plan_case", "1", {{"step", i}});
      append("plan_case", "2", {{"step", i}});
    }
    append("user", "3", {{"name", "สมชาย"}});
  }
  verification check(const std::optional<std::string>& key) {
    storage::lease session(db);
    return audit::verify(*session, db.backend(), key);
  }
  verification check() { return check(key.public_key_hex()); }
  void exec(const std::string& statement) {
    storage::lease session(db);
    *session << statement;
  }
  std::int64_t scalar(const std::string& query) {
    storage::lease session(db);
    long long value = 0;
    *session << query, soci::into(value);
    return value;
  }
  std::string text(const std::string& query) {
    storage::lease session(db);
    std::string value;
    *session << query, soci::into(value);
    return value;
  }
  std::int64_t entry_id(const std::string& entity_id, int chain_seq) {
    return scalar("SELECT id FROM audit_entries WHERE entity = 'plan_case' AND entity_id = '" + entity_id +
                  "' AND chain_seq = " + std::to_string(chain_seq));
  }
  test::scratch_database scratch{GetParam()};
  storage::database db{storage::parse_database_url(scratch.url()), 4};
  signing_key key = signing_key::generate();
};

std::string all_breaks(const verification& v) {
  std::string out;
  for (const auto& b : v.breaks) out += describe(b) + "\n";
  return out;
}

// Exactly one break, where and why expected.
void expect_one_break(const verification& v, const std::string& part, const std::string& entity_id,
                      std::optional<std::int64_t> chain_seq, const std::string& reason_part) {
  EXPECT_FALSE(v.intact);
  ASSERT_EQ(v.breaks.size(), 1u) << all_breaks(v);
  const auto& b = v.breaks.front();
  EXPECT_EQ(b.part, part) << describe(b);
  EXPECT_EQ(b.entity_id, entity_id) << describe(b);
  EXPECT_EQ(b.chain_seq, chain_seq) << describe(b);
  EXPECT_NE(b.reason.find(reason_part), std::string::npos) << describe(b);
}

#define EXPECT_ONE_BREAK(v, part, entity_id, chain_seq, reason_part) \
  ASSERT_NO_FATAL_FAILURE(expect_one_break(v, part, entity_id, chain_seq, reason_part))

TEST_P(audit_test, each_entity_has_its_own_chain_and_an_intact_log_verifies) {
  three_chains();
  storage::lease session(db);
  soci::rowset<soci::row> rows =
      (session->prepare << "SELECT entity, entity_id, chain_seq, prev_hash, hash FROM audit_entries ORDER BY id");
  std::map<std::string, std::pair<std::int64_t, std::string>> last;  // chain -> (seq, hash)
  int count = 0;
  for (const auto& row : rows) {
    const auto chain = storage::column_text(row, 0) + "/" + storage::column_text(row, 1);
    auto& [seq, hash] = last[chain];
    EXPECT_EQ(storage::column_int(row, 2), seq + 1) << chain;
    EXPECT_EQ(storage::column_text(row, 3), seq == 0 ? std::string(64, '0') : hash) << chain;
    seq = storage::column_int(row, 2);
    hash = storage::column_text(row, 4);
    ++count;
  }
  EXPECT_EQ(count, 7);
  EXPECT_EQ(last.size(), 3u);
  EXPECT_EQ(last["plan_case/1"].first, 3);
  EXPECT_EQ(last["user/3"].first, 1);
  long long head_seq = 0;
  std::string head_hash;
  *session << "SELECT last_seq, last_hash FROM audit_chains WHERE entity = 'plan_case' AND entity_id = '1'",
      soci::into(head_seq), soci::into(head_hash);
  EXPECT_EQ(head_seq, 3);
  EXPECT_EQ(head_hash, last["plan_case/1"].second);

  auto v = audit::verify(*session, db.backend(), key.public_key_hex());
  EXPECT_TRUE(v.intact) << all_breaks(v);
  EXPECT_EQ(v.entries, 7);
  EXPECT_EQ(v.chains, 3);
  EXPECT_EQ(v.legacy_entries, 0);
  EXPECT_FALSE(v.first_broken());
}

TEST_P(audit_test, append_returns_the_entry_id_in_global_order) {
  auto a = append("plan_case", "1");
  auto b = append("user", "3");
  auto c = append("plan_case", "1");
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(scalar("SELECT chain_seq FROM audit_entries WHERE id = " + std::to_string(c)), 2);
}

TEST_P(audit_test, altered_details_are_caught_at_the_entry) {
  three_chains();
  const auto id = entry_id("1", 2);
  exec("UPDATE audit_entries SET details = '{\"step\":9}' WHERE id = " + std::to_string(id));
  auto v = check();
  EXPECT_ONE_BREAK(v, "chain", "1", 2, "does not match its hash");
  EXPECT_EQ(v.breaks.front().entity, "plan_case");
  EXPECT_EQ(v.breaks.front().entry_id, id);
  EXPECT_EQ(v.first_broken(), id);
}

TEST_P(audit_test, an_entry_moved_to_another_chain_is_caught) {
  three_chains();
  // Its hash covers the chain it was written to.
  exec("UPDATE audit_entries SET entity_id = '9' WHERE id = " + std::to_string(entry_id("2", 1)));
  exec(
      "INSERT INTO audit_chains (entity, entity_id, last_seq, last_hash) SELECT entity, entity_id, chain_seq, hash "
      "FROM audit_entries WHERE entity_id = '9'");
  auto v = check();
  ASSERT_FALSE(v.intact);
  std::set<std::string> chains;
  for (const auto& b : v.breaks) chains.insert(b.entity_id);
  EXPECT_EQ(chains, (std::set<std::string>{"2", "9"}));  // 2 lost its first entry; 9's does not hash as 9's
}

TEST_P(audit_test, a_removed_middle_entry_is_named) {
  three_chains();
  exec("DELETE FROM audit_entries WHERE id = " + std::to_string(entry_id("1", 2)));
  auto v = check();
  EXPECT_ONE_BREAK(v, "chain", "1", 2, "entry 2 is missing");
}

TEST_P(audit_test, reordered_entries_are_caught) {
  three_chains();
  const auto first = std::to_string(entry_id("1", 1)), second = std::to_string(entry_id("1", 2));
  exec("UPDATE audit_entries SET chain_seq = -1 WHERE id = " + first);
  exec("UPDATE audit_entries SET chain_seq = 1 WHERE id = " + second);
  exec("UPDATE audit_entries SET chain_seq = 2 WHERE id = " + first);
  auto v = check();
  EXPECT_ONE_BREAK(v, "chain", "1", 1, "does not chain to the entry before it");
}

TEST_P(audit_test, a_cut_off_tail_is_caught_by_the_head) {
  three_chains();
  exec("DELETE FROM audit_entries WHERE id = " + std::to_string(entry_id("1", 3)));
  auto v = check();
  EXPECT_ONE_BREAK(v, "chain", "1", 3, "its head says 3");
}

TEST_P(audit_test, a_cut_off_tail_with_its_head_rewound_is_caught_by_the_checkpoint) {
  three_chains();
  auto cp = write_checkpoint(db, key);
  ASSERT_TRUE(cp.written);
  exec("DELETE FROM audit_entries WHERE id = " + std::to_string(entry_id("1", 3)));
  exec(
      "UPDATE audit_chains SET last_seq = 2, last_hash = (SELECT hash FROM audit_entries WHERE entity = 'plan_case' "
      "AND entity_id = '1' AND chain_seq = 2) WHERE entity = 'plan_case' AND entity_id = '1'");
  auto v = check();
  EXPECT_ONE_BREAK(v, "chain", "1", 3, "checkpoint " + std::to_string(cp.id) + " recorded 3");
  EXPECT_EQ(v.breaks.front().checkpoint_id, cp.id);
  // Without the checkpoint's evidence the chain looks whole: that is what it is for.
  auto keyless = check(std::nullopt);
  EXPECT_ONE_BREAK(keyless, "checkpoint", "", std::nullopt, "no signing key");
}

TEST_P(audit_test, a_chain_rewritten_after_a_checkpoint_is_caught) {
  three_chains();
  auto cp = write_checkpoint(db, key);
  // Cut back to one entry, then append anew: a whole, consistent chain, but
  // not the one the checkpoint saw.
  exec("DELETE FROM audit_entries WHERE entity = 'plan_case' AND entity_id = '1' AND chain_seq > 1");
  exec(
      "UPDATE audit_chains SET last_seq = 1, last_hash = (SELECT hash FROM audit_entries WHERE entity = 'plan_case' "
      "AND entity_id = '1' AND chain_seq = 1) WHERE entity = 'plan_case' AND entity_id = '1'");
  for (int i = 0; i < 3; ++i) append("plan_case", "1", {{"forged", i}});
  auto v = check();
  EXPECT_ONE_BREAK(v, "chain", "1", 3, "checkpoint " + std::to_string(cp.id) + " recorded another hash");
}

TEST_P(audit_test, a_whole_chain_deleted_after_a_checkpoint_is_caught) {
  three_chains();
  auto cp = write_checkpoint(db, key);
  exec("DELETE FROM audit_entries WHERE entity = 'plan_case' AND entity_id = '2'");
  exec("DELETE FROM audit_chains WHERE entity = 'plan_case' AND entity_id = '2'");
  auto v = check();
  EXPECT_ONE_BREAK(v, "chain", "2", 3, "the chain is gone");
  EXPECT_EQ(v.breaks.front().checkpoint_id, cp.id);
}

TEST_P(audit_test, checkpoints_record_only_heads_that_moved) {
  auto none = write_checkpoint(db, key);
  EXPECT_FALSE(none.written);  // an empty log needs none
  three_chains();
  auto first = write_checkpoint(db, key);
  ASSERT_TRUE(first.written);
  EXPECT_EQ(first.moved, 3);
  EXPECT_EQ(first.chains, 3);
  EXPECT_EQ(first.entries, 7);
  auto same = write_checkpoint(db, key);
  EXPECT_FALSE(same.written);
  EXPECT_EQ(same.id, first.id);
  append("user", "3");
  auto second = write_checkpoint(db, key);
  ASSERT_TRUE(second.written);
  EXPECT_EQ(second.moved, 1);
  EXPECT_EQ(text("SELECT heads FROM audit_checkpoints WHERE id = " + std::to_string(second.id)),
            "[[\"user\",\"3\",2,\"" +
                text("SELECT last_hash FROM audit_chains WHERE entity = 'user' AND entity_id = '3'") + "\"]]");
  EXPECT_EQ(text("SELECT prev_digest FROM audit_checkpoints WHERE id = " + std::to_string(second.id)), first.digest);
  auto v = check();
  EXPECT_TRUE(v.intact) << all_breaks(v);
  EXPECT_EQ(v.checkpoints, 2);
  ASSERT_TRUE(v.latest_checkpoint);
  EXPECT_EQ(v.latest_checkpoint->id, second.id);
  EXPECT_EQ(v.latest_checkpoint->digest, second.digest);
}

TEST_P(audit_test, a_checkpoint_signed_by_another_key_is_reported_and_not_trusted) {
  three_chains();
  auto trusted = write_checkpoint(db, key);
  append("plan_case", "1");
  auto forged = write_checkpoint(db, signing_key::generate());
  ASSERT_TRUE(forged.written);
  auto v = check();
  EXPECT_ONE_BREAK(v, "checkpoint", "", std::nullopt, "signed by an unknown key");
  EXPECT_EQ(v.breaks.front().checkpoint_id, forged.id);
  ASSERT_TRUE(v.latest_checkpoint);
  EXPECT_EQ(v.latest_checkpoint->id, trusted.id);  // the forged one is no evidence
  // Naming the trusted key does not make the forger's signature valid.
  exec("UPDATE audit_checkpoints SET public_key = '" + key.public_key_hex() +
       "' WHERE id = " + std::to_string(forged.id));
  auto renamed = check();
  EXPECT_ONE_BREAK(renamed, "checkpoint", "", std::nullopt, "has an invalid signature");
  // Without a key no checkpoint can be trusted, and verify says why.
  auto keyless = check(std::nullopt);
  ASSERT_EQ(keyless.breaks.size(), 2u);
  EXPECT_NE(keyless.breaks.front().reason.find("no signing key"), std::string::npos);
}

TEST_P(audit_test, an_altered_or_removed_checkpoint_is_caught) {
  three_chains();
  auto first = write_checkpoint(db, key);
  append("plan_case", "1");
  auto second = write_checkpoint(db, key);
  append("plan_case", "2");
  auto third = write_checkpoint(db, key);
  exec("UPDATE audit_checkpoints SET entries = 1000 WHERE id = " + std::to_string(first.id));
  auto altered = check();
  EXPECT_ONE_BREAK(altered, "checkpoint", "", std::nullopt, "does not match its digest");
  EXPECT_EQ(altered.breaks.front().checkpoint_id, first.id);
  exec("UPDATE audit_checkpoints SET entries = 7 WHERE id = " + std::to_string(first.id));
  EXPECT_TRUE(check().intact);

  exec("DELETE FROM audit_checkpoints WHERE id = " + std::to_string(second.id));
  auto middle = check();
  EXPECT_ONE_BREAK(middle, "checkpoint", "", std::nullopt, "does not follow the checkpoint before it");
  EXPECT_EQ(middle.breaks.front().checkpoint_id, third.id);

  exec("DELETE FROM audit_checkpoints WHERE id = " + std::to_string(third.id));
  auto last = check();
  EXPECT_ONE_BREAK(last, "checkpoint", "", std::nullopt, "was the latest written");
}

// The single chain written before this version: kept as it is, still checked
// by the formula it was written with, and covered by checkpoints.
class legacy_log {
 public:
  explicit legacy_log(storage::database& db) : db_(db) {}
  void add(const std::string& entity, const std::string& id) {
    ++seq_;
    const std::string at = "2026-01-01T00:00:00.000Z";
    boost::json::object fields{{"seq", seq_},
                               {"at", at},
                               {"actor_id", 1},
                               {"on_behalf_of", nullptr},
                               {"remote_address", "::1"},
                               {"action", "x.create"},
                               {"entity", entity},
                               {"entity_id", id},
                               {"details", boost::json::object{}}};
    const std::string hash = auth::sha256_hex(prev_ + canonical_json(fields));
    storage::in_transaction(db_, [&](soci::session& sql) {
      sql << "INSERT INTO audit_log (seq, at, actor_id, on_behalf_of, remote_address, action, entity, entity_id, "
             "details, prev_hash, hash) VALUES (:s, :at, 1, NULL, '::1', 'x.create', :e, :i, '{}', :p, :h)",
          soci::use(seq_), soci::use(at), soci::use(entity), soci::use(id), soci::use(prev_), soci::use(hash);
      sql << "UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1", soci::use(seq_), soci::use(hash);
    });
    prev_ = hash;
  }

 private:
  storage::database& db_;
  long long seq_ = 0;
  std::string prev_ = std::string(64, '0');
};

TEST_P(audit_test, the_legacy_chain_is_still_verified_and_checkpointed) {
  legacy_log legacy(db);
  for (int i = 1; i <= 3; ++i) legacy.add("agency", std::to_string(i));
  append("agency", "1");
  auto v = check();
  EXPECT_TRUE(v.intact) << all_breaks(v);
  EXPECT_EQ(v.legacy_entries, 3);
  EXPECT_EQ(v.entries, 4);
  // New entries go to the chains only.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), 3);

  exec("UPDATE audit_log SET entity_id = '7' WHERE seq = 2");
  auto altered = check();
  EXPECT_ONE_BREAK(altered, "legacy", "", 2, "does not match its hash");
  EXPECT_EQ(altered.first_broken(), 2);
  exec("UPDATE audit_log SET entity_id = '2' WHERE seq = 2");

  ASSERT_TRUE(write_checkpoint(db, key).written);
  exec("DELETE FROM audit_log WHERE seq = 3");
  exec("UPDATE audit_head SET last_seq = 2, last_hash = (SELECT hash FROM audit_log WHERE seq = 2) WHERE id = 1");
  auto rewound = check();
  EXPECT_ONE_BREAK(rewound, "legacy", "", 3, "recorded 3");
}

TEST_P(audit_test, appends_to_different_entities_from_many_threads_do_not_contend) {
  constexpr int k_threads = 8, k_each = 25;
  std::atomic<int> attempts{0};
  std::atomic<int> failures{0};
  std::barrier start(k_threads);
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < k_each; ++i) {
        try {
          storage::in_transaction(db, [&](soci::session& sql) {
            ++attempts;  // counts re-runs: the block runs once per attempt
            return audit::append(sql, db.backend(),
                                 {t, std::nullopt, "::1", "plan.edit", "plan", std::to_string(t), {}});
          });
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  // Different entities share no row: nothing to retry.
  EXPECT_EQ(attempts.load(), k_threads * k_each);
  auto v = check();
  EXPECT_TRUE(v.intact) << all_breaks(v);
  EXPECT_EQ(v.entries, k_threads * k_each);
  EXPECT_EQ(v.chains, k_threads);
}

TEST_P(audit_test, appends_to_one_new_entity_from_many_threads_all_succeed) {
  constexpr int k_threads = 8, k_each = 10;
  std::atomic<int> attempts{0};
  std::barrier start(k_threads);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      // All at once on a chain that does not exist yet: the race to create
      // its head must not surface as a duplicate.
      start.arrive_and_wait();
      for (int i = 0; i < k_each; ++i) {
        try {
          storage::in_transaction(db, [&](soci::session& sql) {
            ++attempts;
            return audit::append(sql, db.backend(), {t, std::nullopt, "::1", "plan.approve", "plan", "42", {{"i", i}}});
          });
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(scalar("SELECT last_seq FROM audit_chains WHERE entity = 'plan' AND entity_id = '42'"), k_threads * k_each);
  auto v = check();
  EXPECT_TRUE(v.intact) << all_breaks(v);
  EXPECT_EQ(v.entries, k_threads * k_each);
  RecordProperty("attempts", attempts.load());
  std::cout << "[ info ] " << k_threads * k_each << " appends to one entity took " << attempts.load() << " attempts\n";
}

TEST_P(audit_test, checkpointers_racing_each_other_link_one_after_the_other) {
  three_chains();
  std::barrier start(4);
  std::vector<std::thread> threads;
  std::atomic<int> written{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      append("user", std::to_string(100 + t));
      if (write_checkpoint(db, key).written) ++written;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_GE(written.load(), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_checkpoints"), written.load());
  auto v = check();
  EXPECT_TRUE(v.intact) << all_breaks(v);
  // However they interleaved, the last checkpoint knows every chain.
  EXPECT_FALSE(write_checkpoint(db, key).written);
}

TEST_P(audit_test, the_background_pass_checkpoints_moved_heads_at_most_every_interval) {
  test::scratch_dir dir;
  const auto key_file = dir.path() + "/audit.key";
  auto run = [&](std::chrono::seconds interval, auto&& body) {
    app::application app({.db_url = scratch.url(),
                          .database = {.pool_size = 2},
                          .migrate = false,
                          .audit_key_file = key_file,
                          .audit_checkpoint_interval = interval});
    body(app);
  };
  auto checkpoints = [&] { return scalar("SELECT COUNT(*) FROM audit_checkpoints"); };
  run(std::chrono::seconds(0), [&](app::application& app) {
    app.run_background_pass();
    EXPECT_EQ(checkpoints(), 0);  // nothing to record
    append("plan_case", "1");
    app.run_background_pass();
    EXPECT_EQ(checkpoints(), 1);
    app.run_background_pass();
    EXPECT_EQ(checkpoints(), 1);  // no head moved
    append("plan_case", "1");
    app.run_background_pass();
    EXPECT_EQ(checkpoints(), 2);
  });
  run(std::chrono::seconds(600), [&](app::application& app) {
    append("plan_case", "2");
    app.run_background_pass();  // the first pass of a process checkpoints
    EXPECT_EQ(checkpoints(), 3);
    append("plan_case", "2");
    app.run_background_pass();
    EXPECT_EQ(checkpoints(), 3);  // not again within the interval
    // The key was created on first use and both processes signed with it.
    auto v = check(app.audit_key().public_key_hex());
    EXPECT_TRUE(v.intact) << all_breaks(v);
    EXPECT_EQ(v.checkpoints, 3);
  });
}

TEST_P(audit_test, the_command_line_checkpoints_and_verifies_with_its_key_file) {
  test::scratch_dir dir;
  const auto key_file = dir.path() + "/audit.key";
  three_chains();
  auto cp = test::run_planflow({"audit", "checkpoint", "--db", scratch.url(), "--audit-key-file", key_file});
  ASSERT_EQ(cp.exit_code, 0) << cp.out << cp.err;
  EXPECT_NE(cp.out.find("audit checkpoint 1: 3 chains moved of 3, 7 entries"), std::string::npos) << cp.out;
  auto again = test::run_planflow({"audit", "checkpoint", "--db", scratch.url(), "--audit-key-file", key_file});
  EXPECT_NE(again.out.find("not needed"), std::string::npos) << again.out;
  auto ok = test::run_planflow({"audit", "verify", "--db", scratch.url(), "--audit-key-file", key_file});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("audit log intact: 7 entries in 3 chains, 1 checkpoints; latest checkpoint 1"),
            std::string::npos)
      << ok.out;
  // Another instance's key: its checkpoints are not evidence here.
  auto other =
      test::run_planflow({"audit", "verify", "--db", scratch.url(), "--audit-key-file", dir.path() + "/other.key"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_NE(other.out.find("no signing key"), std::string::npos) << other.out;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/other.key"));  // verify never creates a key
  exec("DELETE FROM audit_entries WHERE id = " + std::to_string(entry_id("2", 2)));
  auto broken = test::run_planflow({"audit", "verify", "--db", scratch.url(), "--audit-key-file", key_file});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.out.find("audit log BROKEN at chain plan_case 2 #2: entry 2 is missing"), std::string::npos)
      << broken.out;
  EXPECT_EQ(test::run_planflow({"audit", "seal"}).exit_code, 2);
}

INSTANTIATE_TEST_SUITE_P(backends, audit_test, testing::ValuesIn(test::available_backends()), test::backend_name{});

}  // namespace
}  // namespace planflow::audit
