#pragma once
/// The database: a SOCI connection pool over SQLite (the embedded default) or
/// MySQL/MariaDB, and explicit transactions. Everything above the repository
/// layer reaches the database only through this.

#include <planflow/storage/errors.hpp>

#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

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

enum class sqlite_sync { normal, full };

struct database_options {
  std::size_t pool_size = 2;
  /// How long a request waits for a free connection before it is told 503.
  std::chrono::milliseconds lease_timeout{std::chrono::seconds(5)};
  /// A connection unused for this long is checked (and reopened if dead)
  /// before it is leased: servers close idle connections. On MySQL the limit
  /// is lowered to half the server's wait_timeout when that is shorter.
  std::chrono::milliseconds idle_check{std::chrono::seconds(5)};
  /// SQLite's durability: FULL syncs the WAL at every commit, so a commit
  /// survives power loss; NORMAL survives a crash of planflow only.
  sqlite_sync sqlite_synchronous = sqlite_sync::full;
  /// Attempts of one transaction block before it gives up with `unavailable`.
  int max_attempts = 5;
};

/// Parses "full" or "normal"; throws std::invalid_argument otherwise.
sqlite_sync parse_sqlite_sync(std::string_view text);

class lease;

/// A fixed pool of connections. Each is opened with the same session
/// settings and reopened with them when it is found dead, so the pool
/// recovers by itself after the database restarts.
class database {
 public:
  /// Opens every connection; SQLite files and their folder are created.
  database(const database_url& url, database_options options);
  database(const database_url& url, std::size_t pool_size);
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  storage::backend backend() const noexcept { return url_.backend; }
  const database_url& url() const noexcept { return url_; }
  const database_options& options() const noexcept { return options_; }

  /// True when a trivial query succeeds on a leased (and, if need be,
  /// reopened) connection. Never throws.
  bool ping() noexcept;

 private:
  friend class lease;
  struct slot_state {
    std::chrono::steady_clock::time_point last_used{};
    bool suspect = false;                    ///< the last lease ended in an exception: check before reuse
    std::chrono::milliseconds idle_limit{};  ///< idle longer than this: check before reuse
    std::uint64_t checked_in_epoch = 0;      ///< older than broken_epoch_: check before reuse
  };
  std::chrono::milliseconds idle_limit(soci::session& session);
  std::size_t acquire();
  void release(std::size_t slot, bool suspect) noexcept;
  void open(soci::session& session);
  void reopen(soci::session& session);

  database_url url_;
  database_options options_;
  soci::connection_pool pool_;
  std::vector<slot_state> slots_;  ///< each touched only by the holder of its lease
  // Bumped whenever a connection is found dead: the database probably
  // restarted, so every other connection is checked before its next use
  // instead of failing the first request that draws it.
  std::atomic<std::uint64_t> broken_epoch_{0};
};

/// One connection of the pool, held for one scope (a SOCI session is not
/// thread-safe). The rule: a thread holds at most one lease of a database at
/// a time, and services below a request take the caller's `soci::session&`
/// instead of leasing their own; a second lease on the same thread would
/// deadlock a small pool, so it throws std::logic_error. A lease waits at
/// most `lease_timeout` for a connection and then throws `unavailable`.
class lease {
 public:
  explicit lease(database& db);
  ~lease();
  lease(const lease&) = delete;
  lease& operator=(const lease&) = delete;

  soci::session& operator*() noexcept { return session_; }
  soci::session* operator->() noexcept { return &session_; }
  storage::backend backend() const noexcept { return db_.backend(); }
  storage::database& db() noexcept { return db_; }

  /// Reopens this connection (after a connection-level failure).
  void reopen() { db_.reopen(session_); }

 private:
  database& db_;
  std::size_t slot_;
  soci::session& session_;
  int uncaught_;
};

/// Throws std::logic_error when this thread holds a lease of `db`. For
/// services that lease only sometimes (on a cache miss): a caller that breaks
/// the rule learns it on its first call, not on the first cold cache.
void expect_no_lease(const database& db);

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
  /// True once COMMIT was sent: after a connection loss from here on, the
  /// outcome is unknown and the block must not be run again.
  bool commit_sent() const noexcept { return commit_sent_; }

 private:
  soci::session& session_;
  bool open_ = true;
  bool commit_sent_ = false;
};

namespace detail {
/// After attempt `attempt` of a transaction block failed with the current
/// exception: returns the pause before the next attempt, or rethrows (the
/// error itself, `unavailable` when retries ran out or the connection was
/// lost at COMMIT, `duplicate` for a unique key). Reopens a dead connection.
std::chrono::milliseconds retry_or_rethrow(lease& session, int attempt, bool commit_sent);
void pause(std::chrono::milliseconds how_long);
}  // namespace detail

/// Runs `fn(soci::session&)` in a transaction on the held lease and commits
/// if it returns normally. On contention (deadlock, lock wait timeout, SQLite
/// BUSY) or a lost connection the whole block is run again, a few times,
/// with jittered backoff; so `fn` must have no effect outside the database
/// (no HTTP calls, no e-mail, no changes to captured state it does not reset).
template <class Fn>
auto in_transaction(lease& session, Fn&& fn) {
  for (int attempt = 1;; ++attempt) {
    std::chrono::milliseconds wait{};
    {
      bool commit_sent = false;
      try {
        transaction tx(session);
        if constexpr (std::is_void_v<decltype(fn(*session))>) {
          fn(*session);
          commit_sent = true;
          tx.commit();
          return;
        } else {
          auto result = fn(*session);
          commit_sent = true;
          tx.commit();
          return result;
        }
      } catch (...) {
        wait = detail::retry_or_rethrow(session, attempt, commit_sent);
      }
    }
    detail::pause(wait);
  }
}

/// The same on a connection leased for the block. The only way for a caller
/// that holds no lease to write.
template <class Fn>
auto in_transaction(database& db, Fn&& fn) {
  lease session(db);
  return in_transaction(session, std::forward<Fn>(fn));
}

/// The id the last INSERT on this session gave to an auto-increment key of `table`.
std::int64_t last_insert_id(soci::session& sql, const std::string& table);

/// Current UTC time as an ISO 8601 string with milliseconds ("2026-11-23T10:00:00.123Z"),
/// the form every timestamp column holds.
std::string now_iso();

}  // namespace planflow::storage
