#include <planflow/storage/cluster.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>

#include <boost/url/parse.hpp>
#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <thread>

namespace planflow::storage {
namespace {

// SOCI's connect strings are key=value pairs; its MySQL backend reads
// single-quoted values with backslash escapes.
std::string quote(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

database_url parse_mysql(std::string_view text) {
  auto parsed = boost::urls::parse_uri(text);
  if (!parsed) throw std::invalid_argument("invalid database URL: " + parsed.error().message());
  const auto& url = *parsed;
  std::string db = url.path();
  if (!db.empty() && db.front() == '/') db.erase(0, 1);
  if (db.empty() || db.find('/') != std::string::npos) {
    throw std::invalid_argument("mysql URL needs a database name: mysql://user:pass@host:port/DATABASE");
  }
  if (url.host().empty()) throw std::invalid_argument("mysql URL needs a host: mysql://user:pass@HOST:port/db");
  database_url out;
  out.backend = backend::mysql;
  // Bounded waits on the network: an unreachable host or a server that stops
  // answering becomes an error (and a 503), not a request that hangs.
  out.connect_string = "db=" + quote(db) + " host=" + quote(url.host()) +
                       " charset=utf8mb4 connect_timeout=5 read_timeout=60 write_timeout=60";
  if (url.has_port()) out.connect_string += " port=" + std::string(url.port());
  if (url.has_userinfo()) {
    out.connect_string += " user=" + quote(url.user());
    if (url.has_password()) out.connect_string += " password=" + quote(url.password());
  }
  for (auto param : url.params()) {
    if (param.key == "unix_socket")
      out.connect_string += " unix_socket=" + quote(param.value);
    else
      throw std::invalid_argument("unknown mysql URL parameter: " + param.key);
  }
  out.redacted = "mysql://" + std::string(url.user()) + (url.has_password() ? ":***" : "") + "@" +
                 std::string(url.host()) + (url.has_port() ? ":" + std::string(url.port()) : "") + "/" + db;
  return out;
}

// The databases this thread holds a lease of: a second lease of the same
// one would wait for a connection the thread itself keeps busy.
thread_local std::vector<const database*> t_held;

// A round trip that proves the connection works and nothing more. On MySQL
// not a SELECT: with wsrep_sync_wait set, a SELECT on a node outside the
// primary component fails (1205) although the connection is fine.
void check_alive(soci::session& session) {
  if (session.get_backend_name() == "mysql") {
    session << "DO 1";
  } else {
    int one = 0;
    session << "SELECT 1", soci::into(one);
  }
}

std::mt19937& jitter_source() {
  thread_local std::mt19937 gen{std::random_device{}()};
  return gen;
}

}  // namespace

database_url parse_database_url(std::string_view url) {
  if (url.starts_with("sqlite://")) {
    std::string path(url.substr(9));
    if (path.empty())
      throw std::invalid_argument("sqlite URL needs a file: sqlite:///abs/path.db or sqlite://./rel.db");
    // SOCI's SQLite backend accepts double quotes and no escapes.
    if (path.find('"') != std::string::npos) throw std::invalid_argument("sqlite path must not contain '\"'");
    database_url out;
    out.backend = backend::sqlite;
    out.sqlite_path = path;
    out.connect_string = "db=\"" + path + "\" timeout=10";
    out.redacted = std::string(url);
    return out;
  }
  if (url.starts_with("mysql://") || url.starts_with("mariadb://")) return parse_mysql(url);
  throw std::invalid_argument("unsupported database URL '" + std::string(url.substr(0, url.find(':'))) +
                              "': use sqlite:// or mysql://");
}

sqlite_sync parse_sqlite_sync(std::string_view text) {
  if (text == "full") return sqlite_sync::full;
  if (text == "normal") return sqlite_sync::normal;
  throw std::invalid_argument("sqlite synchronous must be full or normal, not '" + std::string(text) + "'");
}

database::database(const database_url& url, std::size_t pool_size)
    : database(url, database_options{.pool_size = pool_size}) {}

database::database(const database_url& url, database_options options)
    : url_(url),
      options_(options),
      pool_(std::max<std::size_t>(1, options_.pool_size)),
      slots_(std::max<std::size_t>(1, options_.pool_size)) {
  options_.pool_size = slots_.size();
  if (url_.backend == backend::sqlite) {
    auto parent = std::filesystem::path(url_.sqlite_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  const auto now = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    open(pool_.at(i));
    slots_[i].last_used = now;
    slots_[i].idle_limit = idle_limit(pool_.at(i));
  }
}

database::~database() = default;

// Every setting a connection needs lives here, so that a reopened connection
// behaves exactly like the first one (MYSQL_OPT_RECONNECT would silently
// drop them, and any open transaction with them).
void database::open(soci::session& session) {
  if (url_.backend == backend::sqlite) {
    session.open(soci::sqlite3, url_.connect_string);
    // WAL lets readers proceed during a write; FULL makes each commit
    // durable across power loss, NORMAL only across a crash of the process.
    session << "PRAGMA journal_mode=WAL";
    session << (options_.sqlite_synchronous == sqlite_sync::full ? "PRAGMA synchronous=FULL"
                                                                 : "PRAGMA synchronous=NORMAL");
    session << "PRAGMA foreign_keys=ON";
    session << "PRAGMA busy_timeout=10000";
  } else {
    session.open(soci::mysql, url_.connect_string);
    session << "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci";
    session << "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ONLY_FULL_GROUP_BY'";
    session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
    // A lock held for long by another writer ends this one's wait with 1205,
    // which is retried, well before the client's read timeout.
    session << "SET SESSION innodb_lock_wait_timeout = 10";
    // On Galera a node applies other nodes' writes a moment after they
    // commit: without a causal wait, a client that wrote through one
    // instance can read the old row through another (issue 12). 1 = reads
    // and START TRANSACTION wait until this node has applied everything the
    // cluster committed before them; SHOW does not wait, so /readyz answers
    // even on a node that lags or has lost quorum.
    if (wsrep_on(session, backend::mysql)) session << "SET SESSION wsrep_sync_wait = 1";
  }
}

std::chrono::milliseconds database::idle_limit(soci::session& session) {
  if (url_.backend != backend::mysql) return options_.idle_check;
  // The server drops a connection idle for wait_timeout seconds: check well before.
  // SHOW, not SELECT: with wsrep_sync_wait set, a Galera node outside the
  // primary component refuses a SELECT, and this runs on every reopen.
  std::string name, value;
  session << "SHOW SESSION VARIABLES LIKE 'wait_timeout'", soci::into(name), soci::into(value);
  if (value.empty()) return options_.idle_check;
  const long long wait_timeout = std::stoll(value);
  return std::min<std::chrono::milliseconds>(options_.idle_check, std::chrono::milliseconds(wait_timeout * 500));
}

void database::reopen(soci::session& session) {
  try {
    session.close();
  } catch (const std::exception&) {
    // The old connection is already gone; closing it is only tidying up.
  }
  try {
    open(session);
    log::info("database connection reopened", {{"url", url_.redacted}});
  } catch (const std::exception& e) {
    throw unavailable(std::string("the database is unreachable: ") + e.what());
  }
}

std::size_t database::acquire() {
  std::size_t slot = 0;
  if (!pool_.try_lease(slot, int(options_.lease_timeout.count()))) {
    throw unavailable("no database connection became free within " + std::to_string(options_.lease_timeout.count()) +
                      " ms");
  }
  auto& state = slots_[slot];
  auto& session = pool_.at(slot);
  try {
    const bool stale = std::chrono::steady_clock::now() - state.last_used >= state.idle_limit;
    const auto epoch = broken_epoch_.load();
    // No check on a connection in regular use: a ping per lease would cost
    // every request a round trip. One found dead makes the others suspect.
    if (state.suspect || stale || state.checked_in_epoch < epoch) {
      bool alive = session.is_connected();
      if (alive) {
        try {
          check_alive(session);
        } catch (const std::exception& e) {
          if (classify(e) != failure::connection) throw;
          alive = false;
        }
      }
      if (!alive) {
        broken_epoch_.fetch_add(1);
        reopen(session);
        state.idle_limit = idle_limit(session);
      }
      state.suspect = false;
      state.checked_in_epoch = broken_epoch_.load();
    }
  } catch (...) {
    release(slot, true);
    throw;
  }
  return slot;
}

void database::release(std::size_t slot, bool suspect) noexcept {
  slots_[slot].last_used = std::chrono::steady_clock::now();
  slots_[slot].suspect = suspect;
  pool_.give_back(slot);
}

bool database::ping() noexcept {
  try {
    lease session(*this);
    check_alive(*session);
    return true;
  } catch (const std::exception& e) {
    log::warn("database ping failed", {{"error", e.what()}});
    return false;
  }
}

void expect_no_lease(const database& db) {
  if (std::ranges::find(t_held, &db) != t_held.end()) {
    throw std::logic_error("this thread already holds a connection of this database: pass its session down");
  }
}

lease::lease(database& db)
    : db_(db),
      slot_(0),
      session_([&]() -> soci::session& {
        expect_no_lease(db);
        slot_ = db.acquire();
        return db.pool_.at(slot_);
      }()),
      uncaught_(std::uncaught_exceptions()) {
  t_held.push_back(&db_);
}

lease::~lease() {
  std::erase(t_held, &db_);
  // Leaving by an exception may mean the connection broke: check it before
  // the next holder uses it.
  db_.release(slot_, std::uncaught_exceptions() > uncaught_);
}

transaction::transaction(lease& session) : session_(*session) {
  session_ << (session.backend() == backend::sqlite ? "BEGIN IMMEDIATE" : "START TRANSACTION");
}

transaction::~transaction() {
  if (!open_) return;
  try {
    session_ << "ROLLBACK";
  } catch (const std::exception& e) {
    log::warn("rollback failed", {{"error", e.what()}});
  }
}

void transaction::commit() {
  commit_sent_ = true;
  session_ << "COMMIT";
  open_ = false;
}

namespace detail {

std::chrono::milliseconds retry_or_rethrow(lease& session, int attempt, bool commit_sent) {
  try {
    throw;
  } catch (const unavailable&) {
    throw;
  } catch (const std::exception& e) {
    const auto kind = classify(e);
    if (kind == failure::duplicate) throw to_duplicate(e);
    if (kind == failure::other) throw;
    if (kind == failure::connection && commit_sent) {
      // COMMIT may or may not have reached the server: running the block
      // again could do it twice. The client repeats (with its Idempotency-Key).
      session.reopen();
      throw unavailable("the database connection was lost while committing; the outcome is unknown",
                        std::chrono::seconds(2), true);
    }
    const int max_attempts = session.db().options().max_attempts;
    if (attempt >= max_attempts) {
      if (kind == failure::connection) throw unavailable(std::string("the database is unreachable: ") + e.what());
      throw unavailable("the transaction kept conflicting with others (" + std::to_string(attempt) + " attempts)");
    }
    log::info("transaction retried", {{"attempt", attempt},
                                      {"reason", kind == failure::connection ? "connection" : "contention"},
                                      {"error", e.what()}});
    if (kind == failure::connection) session.reopen();
    // Exponential backoff from 5 ms with full jitter, so that the writers
    // that collided do not collide again in step.
    const int ceiling = 5 << std::min(attempt, 8);
    return std::chrono::milliseconds(std::uniform_int_distribution<int>(1, ceiling)(jitter_source()));
  }
}

void pause(std::chrono::milliseconds how_long) { std::this_thread::sleep_for(how_long); }

}  // namespace detail

std::int64_t last_insert_id(soci::session& sql, const std::string& table) {
  long long id = 0;
  if (!sql.get_last_insert_id(table, id)) throw std::runtime_error("no insert id for " + table);
  return id;
}

std::string now_iso() { return format_iso(std::chrono::system_clock::now()); }

}  // namespace planflow::storage
