#include <planflow/storage/migrations.hpp>
#include <planflow/util/log.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <thread>

namespace planflow::storage {
namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

void ensure_table(soci::session& sql, backend kind) {
  sql << std::string(
             "CREATE TABLE IF NOT EXISTS schema_migrations ("
             " version INTEGER NOT NULL PRIMARY KEY,"
             " name VARCHAR(200) NOT NULL,"
             " applied_at VARCHAR(32) NOT NULL)") +
             (kind == backend::mysql ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "");
}

// Asked without DDL, so that a readiness probe never writes (DDL is
// replicated cluster-wide and takes metadata locks).
bool table_exists(soci::session& sql, backend kind) {
  int count = 0;
  if (kind == backend::sqlite) {
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", soci::into(count);
  } else {
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
           "AND table_name = 'schema_migrations'",
        soci::into(count);
  }
  return count > 0;
}

std::vector<int> applied_versions(soci::session& sql) {
  std::vector<int> out;
  soci::rowset<int> rows = (sql.prepare << "SELECT version FROM schema_migrations ORDER BY version");
  for (int v : rows) out.push_back(v);
  return out;
}

bool is_applied(soci::session& sql, int version) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version), soci::into(count);
  return count > 0;
}

void record(soci::session& sql, const migration& m) {
  std::string applied_at = now_iso();
  int version = m.version;
  std::string name = m.name;
  sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)", soci::use(version),
      soci::use(name), soci::use(applied_at);
}

// The owner a lock row names: enough for an operator to find the process.
std::string lock_owner() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "unknown-host");
  std::random_device random;
  char token[17];
  std::snprintf(token, sizeof token, "%08x%08x", random(), random());
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" + token;
}

// The lock row's table and its one row. DDL, so only a migrator runs it
// (IF NOT EXISTS: Galera orders concurrent DDL cluster-wide), and only when
// something is pending.
void ensure_lock_table(lease& session) {
  *session << "CREATE TABLE IF NOT EXISTS schema_migration_lock ("
              " id INTEGER NOT NULL PRIMARY KEY,"
              " owner VARCHAR(200) NULL,"
              " expires_at BIGINT NOT NULL)"
              " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
  // Two nodes inserting it at once conflict at certification (1213): the
  // block is run again and IGNORE finds the row there.
  in_transaction(session, [](soci::session& sql) {
    sql << "INSERT IGNORE INTO schema_migration_lock (id, owner, expires_at) VALUES (1, NULL, 0)";
  });
}

struct lock_attempt {
  bool taken = false;
  std::string holder;  ///< who holds it when not taken; whose expired lock was taken over otherwise
  long long seconds_left = 0;
};

// Holds the migration lock row of MySQL/MariaDB for the lifetime of the
// object. Expiry is read on the database's clock, so migrators on machines
// whose clocks differ still agree on it.
class migration_lock_row {
 public:
  migration_lock_row(lease& session, const migration_lock_options& options)
      : session_(session), options_(options), owner_(lock_owner()) {
    ensure_lock_table(session_);
    const auto deadline = std::chrono::steady_clock::now() + options_.wait;
    std::string waiting_for;
    for (;;) {
      const auto attempt = try_take();
      if (attempt.taken) {
        if (!attempt.holder.empty()) {
          log::warn("took over an expired migration lock", {{"previous_owner", attempt.holder}});
        }
        renewed_ = std::chrono::steady_clock::now();
        return;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        throw std::runtime_error("another migrator (" + attempt.holder + ") holds the migration lock; gave up after " +
                                 std::to_string(options_.wait.count()) + " s");
      }
      if (attempt.holder != waiting_for) {
        waiting_for = attempt.holder;
        log::info("waiting for the migration lock",
                  {{"owner", attempt.holder}, {"expires_in_s", attempt.seconds_left}});
      }
      // The holder needs seconds for DDL: polling faster only adds writes.
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }

  ~migration_lock_row() {
    try {
      in_transaction(session_, [&](soci::session& sql) {
        sql << "UPDATE schema_migration_lock SET owner = NULL, expires_at = 0 WHERE id = 1 AND owner = :o",
            soci::use(owner_);
      });
    } catch (const std::exception& e) {
      // It expires by itself; the next migrator only waits longer.
      log::warn("releasing the migration lock failed", {{"error", e.what()}});
    }
  }
  migration_lock_row(const migration_lock_row&) = delete;
  migration_lock_row& operator=(const migration_lock_row&) = delete;

  /// Extends the lease when a quarter of it has passed; throws when the lock
  /// was lost (it expired and another migrator took it), so that two never
  /// migrate at once for long.
  void renew() {
    const auto now = std::chrono::steady_clock::now();
    if (now - renewed_ < options_.lease / 4) return;
    const bool still_ours = in_transaction(session_, [&](soci::session& sql) {
      long long lease_s = options_.lease.count();
      sql << "UPDATE schema_migration_lock SET expires_at = UNIX_TIMESTAMP() + :l WHERE id = 1 AND owner = :o",
          soci::use(lease_s), soci::use(owner_);
      int mine = 0;
      sql << "SELECT COUNT(*) FROM schema_migration_lock WHERE id = 1 AND owner = :o", soci::use(owner_),
          soci::into(mine);
      return mine == 1;
    });
    if (!still_ours) throw std::runtime_error("the migration lock expired and another migrator took it");
    renewed_ = now;
  }

 private:
  lock_attempt try_take() {
    return in_transaction(session_, [&](soci::session& sql) {
      lock_attempt out;
      soci::indicator owner_ind = soci::i_ok;
      std::string owner;
      long long left = 0;
      sql << "SELECT owner, expires_at - UNIX_TIMESTAMP() FROM schema_migration_lock WHERE id = 1 FOR UPDATE",
          soci::into(owner, owner_ind), soci::into(left);
      const bool free = owner_ind == soci::i_null;
      if (!free && left >= 0) {
        out.holder = owner;
        out.seconds_left = left;
        return out;
      }
      // Two nodes that both saw it free both update it: Galera certifies
      // the first and fails the second at COMMIT (1213), which runs this
      // block again and now finds the row taken.
      long long lease_s = options_.lease.count();
      sql << "UPDATE schema_migration_lock SET owner = :o, expires_at = UNIX_TIMESTAMP() + :l WHERE id = 1",
          soci::use(owner_), soci::use(lease_s);
      out.taken = true;
      if (!free) out.holder = owner;
      return out;
    });
  }

  lease& session_;
  migration_lock_options options_;
  std::string owner_;
  std::chrono::steady_clock::time_point renewed_{};
};

bool is_data_statement(const std::string& statement) {
  const auto first = statement.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return false;
  std::string keyword;
  for (auto i = first; i < statement.size() && std::isalpha(static_cast<unsigned char>(statement[i])); ++i) {
    keyword.push_back(char(std::toupper(static_cast<unsigned char>(statement[i]))));
  }
  return keyword == "INSERT" || keyword == "UPDATE" || keyword == "DELETE" || keyword == "REPLACE";
}

// A migration made only of data statements (a seed) can be atomic on MySQL
// too; one with DDL cannot, as each DDL statement commits by itself.
bool only_data(const std::vector<std::string>& statements) {
  return std::ranges::all_of(statements, is_data_statement);
}

std::vector<int> apply_on_sqlite(lease& session, const std::vector<migration>& all) {
  std::vector<int> applied_now;
  for (const auto& m : all) {
    // BEGIN IMMEDIATE serialises concurrent migrators; re-check inside it.
    transaction tx(session);
    if (is_applied(*session, m.version)) continue;
    for (const auto& statement : migration_statements(m, backend::sqlite)) *session << statement;
    record(*session, m);
    tx.commit();
    log::info("migration applied", {{"version", m.version}, {"name", m.name}});
    applied_now.push_back(m.version);
  }
  return applied_now;
}

std::vector<int> apply_on_mysql(lease& session, const std::vector<migration>& all,
                                const migration_lock_options& lock_options) {
  migration_lock_row lock(session, lock_options);
  std::vector<int> applied_now;
  for (const auto& m : all) {
    if (is_applied(*session, m.version)) continue;
    const auto statements = migration_statements(m, backend::mysql);
    if (only_data(statements)) {
      lock.renew();
      in_transaction(session, [&](soci::session& sql) {
        for (const auto& statement : statements) sql << statement;
        record(sql, m);
      });
    } else {
      for (const auto& statement : statements) {
        lock.renew();
        *session << statement;
      }
      record(*session, m);
    }
    log::info("migration applied", {{"version", m.version}, {"name", m.name}});
    applied_now.push_back(m.version);
  }
  return applied_now;
}

}  // namespace

std::vector<std::string> migration_statements(const migration& m, backend kind) {
  std::string text = m.text;
  const bool mysql = kind == backend::mysql;
  replace_all(text, "{{id}}",
              mysql ? "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
  replace_all(text, "{{table_options}}",
              mysql ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" : "");
  replace_all(text, "{{long_text}}", mysql ? "LONGTEXT" : "TEXT");
  // SQLite runs a migration in one transaction; MySQL may re-run it after a
  // crash (DDL commits implicitly), so there the column may exist already.
  replace_all(text, "{{add_column}}", mysql ? "ADD COLUMN IF NOT EXISTS" : "ADD COLUMN");
  replace_all(text, "{{binary_text}}", mysql ? "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "TEXT");

  std::vector<std::string> statements;
  std::string current;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first).starts_with("--")) continue;
    current.append(line).push_back('\n');
    auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      statements.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) statements.push_back(current);
  // A statement marked {{mysql_only}} changes what SQLite already does (a
  // collation, say): MySQL runs it, SQLite skips it.
  constexpr std::string_view k_mysql_only = "{{mysql_only}}";
  std::vector<std::string> out;
  for (auto& statement : statements) {
    const auto at = statement.find(k_mysql_only);
    if (at == std::string::npos) {
      out.push_back(std::move(statement));
    } else if (mysql) {
      out.push_back(statement.erase(at, k_mysql_only.size()));
    }
  }
  return out;
}

migration_status inspect_migrations(database& db, const std::vector<migration>& all) {
  lease session(db);
  migration_status status;
  if (table_exists(*session, db.backend())) status.applied = applied_versions(*session);
  for (const auto& m : all) {
    if (!std::ranges::binary_search(status.applied, m.version)) status.pending.push_back(m.version);
  }
  for (int v : status.applied) {
    if (std::ranges::none_of(all, [v](const migration& m) { return m.version == v; })) status.unknown.push_back(v);
  }
  return status;
}

std::vector<int> apply_migrations(database& db, const std::vector<migration>& all,
                                  const migration_lock_options& lock_options) {
  // Every instance runs this at start: when nothing is pending, it must
  // neither take the lock nor run DDL, which Galera replicates cluster-wide.
  {
    const auto status = inspect_migrations(db, all);
    if (status.pending.empty()) return {};
  }
  lease session(db);
  ensure_table(*session, db.backend());
  return db.backend() == backend::sqlite ? apply_on_sqlite(session, all) : apply_on_mysql(session, all, lock_options);
}

}  // namespace planflow::storage
