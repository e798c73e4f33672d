#include <planflow/storage/database.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>

#include <boost/url/parse.hpp>
#include <soci/mysql/soci-mysql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>

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
  out.connect_string = "db=" + quote(db) + " host=" + quote(url.host()) + " charset=utf8mb4";
  if (url.has_port()) out.connect_string += " port=" + std::string(url.port());
  if (url.has_userinfo()) {
    out.connect_string += " user=" + quote(url.user());
    if (url.has_password()) out.connect_string += " password=" + quote(url.password());
  }
  for (auto param : url.params()) {
    if (param.key == "unix_socket") out.connect_string += " unix_socket=" + quote(param.value);
    else throw std::invalid_argument("unknown mysql URL parameter: " + param.key);
  }
  out.redacted = "mysql://" + std::string(url.user()) + (url.has_password() ? ":***" : "") + "@" +
                 std::string(url.host()) + (url.has_port() ? ":" + std::string(url.port()) : "") + "/" + db;
  return out;
}

void configure_sqlite(soci::session& sql) {
  // WAL lets readers proceed during a write; NORMAL sync is durable across
  // process crashes, which is what an embedded default needs.
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=NORMAL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=10000";
}

}  // namespace

database_url parse_database_url(std::string_view url) {
  if (url.starts_with("sqlite://")) {
    std::string path(url.substr(9));
    if (path.empty()) throw std::invalid_argument("sqlite URL needs a file: sqlite:///abs/path.db or sqlite://./rel.db");
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

database::database(const database_url& url, std::size_t pool_size)
    : url_(url), pool_size_(std::max<std::size_t>(1, pool_size)), pool_(std::make_unique<soci::connection_pool>(pool_size_)) {
  if (url_.backend == backend::sqlite) {
    auto parent = std::filesystem::path(url_.sqlite_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  for (std::size_t i = 0; i < pool_size_; ++i) {
    auto& session = pool_->at(i);
    if (url_.backend == backend::sqlite) {
      session.open(soci::sqlite3, url_.connect_string);
      configure_sqlite(session);
    } else {
      session.open(soci::mysql, url_.connect_string);
      session << "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci";
      session << "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION,ONLY_FULL_GROUP_BY'";
      session << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
    }
  }
}

database::~database() = default;

bool database::ping() {
  try {
    lease session(*this);
    int one = 0;
    *session << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception& e) {
    log::warn("database ping failed", {{"error", e.what()}});
    return false;
  }
}

transaction::transaction(lease& session) : session_(*session) {
  session_ << (session.backend() == backend::sqlite ? "BEGIN IMMEDIATE" : "START TRANSACTION");
}

transaction::~transaction() {
  if (!open_) return;
  try {
    session_ << "ROLLBACK";
  } catch (const std::exception& e) {
    log::error("rollback failed", {{"error", e.what()}});
  }
}

void transaction::commit() {
  session_ << "COMMIT";
  open_ = false;
}

std::int64_t last_insert_id(soci::session& sql, const std::string& table) {
  long long id = 0;
  if (!sql.get_last_insert_id(table, id)) throw std::runtime_error("no insert id for " + table);
  return id;
}

std::string now_iso() {
  return format_iso(std::chrono::system_clock::now());
}

}  // namespace planflow::storage
