#pragma once
/// The database: a SOCI connection pool over SQLite (the embedded default) or
/// MySQL/MariaDB, and explicit transactions. Everything above the repository
/// layer reaches the database only through this.

#include <soci/soci.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace planflow::storage {

enum class backend { sqlite, mysql };

struct database_url {
  storage::backend backend = backend::sqlite;
  std::string connect_string;  ///< SOCI's form
  std::string redacted;        ///< the URL with its password hidden, for logs
  std::string sqlite_path;     ///< only for sqlite
};

/// Parses `sqlite://PATH` (sqlite:///abs/file.db or sqlite://./rel/file.db) or
/// `mysql://user:pass@host:port/db`; throws std::invalid_argument naming the problem.
database_url parse_database_url(std::string_view url);

class database {
 public:
  /// Opens `pool_size` connections; SQLite files and their folder are created.
  database(const database_url& url, std::size_t pool_size);
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  storage::backend backend() const noexcept { return url_.backend; }
  const database_url& url() const noexcept { return url_; }
  soci::connection_pool& pool() noexcept { return *pool_; }

  /// True when a trivial query succeeds within the pool's current state.
  bool ping();

 private:
  database_url url_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
};

/// A session leased from the pool for one scope (a SOCI session is not thread-safe).
class lease {
 public:
  explicit lease(database& db) : db_(db), session_(db.pool()) {}
  soci::session& operator*() noexcept { return session_; }
  soci::session* operator->() noexcept { return &session_; }
  storage::backend backend() const noexcept { return db_.backend(); }

 private:
  database& db_;
  soci::session session_;
};

/// An explicit write transaction: rolled back unless commit() is called.
/// On SQLite it takes the write lock at BEGIN (BEGIN IMMEDIATE), so two
/// writers queue on the busy timeout instead of failing with a lock upgrade.
class transaction {
 public:
  explicit transaction(lease& session);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;

  void commit();

 private:
  soci::session& session_;
  bool open_ = true;
};

/// Runs `fn(soci::session&)` inside a transaction on a leased session and
/// commits if it returns normally.
template <class Fn>
auto in_transaction(database& db, Fn&& fn) {
  lease session(db);
  transaction tx(session);
  if constexpr (std::is_void_v<decltype(fn(*session))>) {
    fn(*session);
    tx.commit();
  } else {
    auto result = fn(*session);
    tx.commit();
    return result;
  }
}

/// The id the last INSERT on this session gave to an auto-increment key of `table`.
std::int64_t last_insert_id(soci::session& sql, const std::string& table);

/// Current UTC time as an ISO 8601 string with milliseconds ("2026-11-23T10:00:00.123Z"),
/// the form every timestamp column holds.
std::string now_iso();

}  // namespace planflow::storage
