#pragma once
/// Server configuration, read from (highest precedence first) command-line
/// flags, PLANFLOW_* environment variables and an optional INI-style file.

#include <planflow/auth/throttle.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planflow::app {

struct listen_address {
  std::string host;
  unsigned short port = 0;
};

/// Parses "host:port", "[v6]:port" or ":port" (all interfaces); throws
/// std::invalid_argument naming the problem.
listen_address parse_listen(const std::string& text);

struct config {
  std::string command;                 ///< serve, migrate, ...
  std::vector<std::string> arguments;  ///< the command's positional arguments
  std::string db = "sqlite://./var/planflow.db";
  std::string listen = "127.0.0.1:8080";
  std::size_t threads = 2;     ///< worker threads for handlers; also the pool size
  std::size_t io_threads = 1;  ///< one I/O thread measured fastest on 2 cores
  std::size_t body_limit = 8 * 1024 * 1024;
  std::size_t max_connections = 1000;             ///< open connections at once (see http::server_options)
  std::size_t max_connections_per_address = 100;  ///< of them from one client address
  std::size_t db_lease_timeout_ms = 5000;         ///< wait for a free connection before answering 503
  std::string sqlite_sync = "full";               ///< full (durable across power loss) or normal
  std::size_t background_interval_s = 15;         ///< seconds between passes over deadlines and deliveries
  /// The audit checkpoint signing key; "" is audit-signing.key beside the
  /// SQLite file, or in the working directory on MySQL (default_audit_key_file).
  std::string audit_key_file;
  std::size_t audit_checkpoint_interval_s = 600;  ///< at most one checkpoint per this many seconds (0: every pass)
  auth::login_limits login_limits{};              ///< failed-login counters (see auth/throttle.hpp)
  std::string plugins_dir;
  std::string workflows_dir;
  std::string web_dir;
  std::string log_level = "info";
  bool migrate = true;
  bool access_log = true;
  std::vector<std::string> trusted_proxies;  ///< see http::server_options

  // `import`
  std::string plan_type;
  std::string province;

  // `user add`
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;  ///< role[:province[:plan_type]]
  std::optional<std::int64_t> agency_id;
  bool password_stdin = false;
};

/// The outcome of reading the command line: a config to run, or text to print
/// (help, version, a usage error) with an exit code.
struct parsed_command_line {
  std::optional<app::config> config;
  std::string message;
  int exit_code = 0;
};

/// `environment` holds NAME=VALUE strings (as `environ`); tests pass their own.
parsed_command_line parse_command_line(int argc, const char* const* argv, const std::vector<std::string>& environment);

}  // namespace planflow::app
