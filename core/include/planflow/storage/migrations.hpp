#pragma once
/// Schema migrations: numbered files under sql/, embedded in the binary at
/// build time and recorded in the schema_migrations table once applied.

#include <planflow/storage/database.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace planflow::storage {

struct migration {
  int version;
  std::string name;
  std::string text;  ///< statements separated by ';' at the end of a line
};

/// The migrations built into this binary, ordered by version.
const std::vector<migration>& embedded_migrations();

/// Expands the dialect placeholders ({{id}}, {{table_options}}, {{long_text}})
/// and splits a migration into statements.
std::vector<std::string> migration_statements(const migration& m, backend kind);

struct migration_status {
  std::vector<int> applied;
  std::vector<int> pending;
  std::vector<int> unknown;  ///< applied in the database but not known to this binary
};

migration_status inspect_migrations(database& db, const std::vector<migration>& all = embedded_migrations());

/// How migrators on MySQL/MariaDB take turns. The lock is a row of the
/// table schema_migration_lock, taken by a conditional UPDATE: GET_LOCK()
/// holds only on the Galera node that granted it, a row is certified by the
/// whole cluster. Its owner renews it while migrating.
struct migration_lock_options {
  /// A holder that stops renewing (it was killed) loses the lock after this
  /// long; a single statement may not run longer than this.
  std::chrono::seconds lease{120};
  /// How long a migrator waits for another's lock before it gives up.
  std::chrono::seconds wait{300};
};

/// Applies every pending migration. On SQLite each runs in its own
/// transaction (BEGIN IMMEDIATE serialises migrators). MySQL commits DDL
/// implicitly, so its migrations are written to be safely re-run, and one made
/// only of data statements (a seed) runs in one transaction with its record:
/// all of it or none, whoever runs it again. There concurrent migrators,
/// on one server or on several Galera nodes, take turns under the lock row;
/// a migrator that finds nothing pending takes no lock and runs no DDL.
/// Returns the versions applied now.
std::vector<int> apply_migrations(database& db, const std::vector<migration>& all = embedded_migrations(),
                                  const migration_lock_options& lock = {});

}  // namespace planflow::storage
