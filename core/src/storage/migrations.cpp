#include <planflow/storage/migrations.hpp>
#include <planflow/util/log.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace planflow::storage {
namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

void ensure_table(soci::session& sql, backend kind) {
  sql << std::string("CREATE TABLE IF NOT EXISTS schema_migrations ("
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

// Holds MySQL's named lock for the lifetime of the object.
class mysql_migration_lock {
 public:
  explicit mysql_migration_lock(soci::session& sql) : sql_(sql) {
    soci::indicator ind;
    int got = 0;
    sql_ << "SELECT GET_LOCK('planflow.migrations', 120)", soci::into(got, ind);
    if (ind != soci::i_ok || got != 1) throw std::runtime_error("could not take the migration lock within 120 s");
  }
  ~mysql_migration_lock() {
    try {
      int released = 0;
      sql_ << "SELECT RELEASE_LOCK('planflow.migrations')", soci::into(released);
    } catch (const std::exception& e) {
      log::warn("releasing the migration lock failed", {{"error", e.what()}});
    }
  }

 private:
  soci::session& sql_;
};

}  // namespace

std::vector<std::string> migration_statements(const migration& m, backend kind) {
  std::string text = m.text;
  const bool mysql = kind == backend::mysql;
  replace_all(text, "{{id}}", mysql ? "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
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
  return statements;
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

std::vector<int> apply_migrations(database& db, const std::vector<migration>& all) {
  lease session(db);
  ensure_table(*session, db.backend());
  std::optional<mysql_migration_lock> lock;
  if (db.backend() == backend::mysql) lock.emplace(*session);

  std::vector<int> applied_now;
  for (const auto& m : all) {
    if (db.backend() == backend::sqlite) {
      // BEGIN IMMEDIATE serialises concurrent migrators; re-check inside it.
      transaction tx(session);
      if (is_applied(*session, m.version)) continue;
      for (const auto& statement : migration_statements(m, db.backend())) *session << statement;
      record(*session, m);
      tx.commit();
    } else {
      if (is_applied(*session, m.version)) continue;
      for (const auto& statement : migration_statements(m, db.backend())) *session << statement;
      record(*session, m);
    }
    log::info("migration applied", {{"version", m.version}, {"name", m.name}});
    applied_now.push_back(m.version);
  }
  return applied_now;
}

}  // namespace planflow::storage
