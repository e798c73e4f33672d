#pragma once
/// Schema migrations: numbered files under sql/, embedded in the binary at
/// build time and recorded in the schema_migrations table once applied.

#include <planflow/storage/database.hpp>

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

/// Applies every pending migration, each in its own transaction where the
/// database allows transactional DDL (SQLite; MySQL commits DDL implicitly, so
/// its migrations are written to be safely re-run). Concurrent migrators are
/// serialised by a database lock. Returns the versions applied now.
std::vector<int> apply_migrations(database& db, const std::vector<migration>& all = embedded_migrations());

}  // namespace planflow::storage
