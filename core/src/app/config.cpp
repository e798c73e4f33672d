#include <planflow/app/config.hpp>
#include <planflow/http/client_address.hpp>
#include <planflow/storage/database.hpp>

#include <boost/program_options.hpp>

#include <charconv>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace planflow::app {
namespace po = boost::program_options;

listen_address parse_listen(const std::string& text) {
  std::string host;
  std::string port;
  if (text.starts_with("[")) {
    auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      throw std::invalid_argument("--listen '" + text + "': expected [ipv6]:port");
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("--listen '" + text + "': expected host:port");
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (host.empty()) host = "0.0.0.0";
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc{} || end != port.data() + port.size() || value > 65535) {
    throw std::invalid_argument("--listen '" + text + "': the port must be a number from 0 to 65535");
  }
  return {host, static_cast<unsigned short>(value)};
}

namespace {

constexpr const char* k_usage = R"(planflow — workflow and approval server for provincial plans

Usage:
  planflow serve   [options]   run the HTTP server (applies migrations first)
  planflow migrate [options]   apply pending database migrations and exit
  planflow user add --username U --role ROLE [--role ...] --password-stdin
                               create a user (the first administrator, say);
                               ROLE is role[:province[:plan_type]], e.g. admin or
                               committee_member:TH-96:anti_corruption_action_plan
  planflow import FILE [--plan-type T] [--province CODE]
                               turn a plan document into JSON {plan_type, plan,
                               totals, findings}; the type is detected when omitted
  planflow audit verify        check the audit log: every chain, every checkpoint
  planflow audit checkpoint    sign a checkpoint of the audit chains' heads now
  planflow --help | --version

Every option can also be set as an environment variable PLANFLOW_<NAME>
(--log-level is PLANFLOW_LOG_LEVEL) or in the file given by --config, one
`name = value` per line. Flags win over the environment, which wins over the file.
)";

// PLANFLOW_LOG_LEVEL=debug becomes --log-level=debug; a switch such as
// PLANFLOW_NO_MIGRATE is on for 1/true/yes. Unknown PLANFLOW_* variables (the
// test suite's own, say) are not ours to reject.
std::vector<std::string> environment_as_flags(const std::vector<std::string>& environment,
                                              const po::options_description& desc) {
  constexpr std::string_view prefix = "PLANFLOW_";
  std::vector<std::string> flags;
  for (const auto& entry : environment) {
    auto eq = entry.find('=');
    if (!entry.starts_with(prefix) || eq == std::string::npos) continue;
    std::string name = entry.substr(prefix.size(), eq - prefix.size());
    for (auto& c : name) c = c == '_' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    const auto* option = desc.find_nothrow(name, false);
    if (!option) continue;
    std::string value = entry.substr(eq + 1);
    if (option->semantic()->max_tokens() == 0) {
      if (value == "1" || value == "true" || value == "yes") flags.push_back("--" + name);
    } else {
      flags.push_back("--" + name + "=" + value);
    }
  }
  return flags;
}

}  // namespace

parsed_command_line parse_command_line(int argc, const char* const* argv, const std::vector<std::string>& environment) {
  po::options_description general("General");
  general.add_options()("help,h", "show this help and exit")("version", "show the version and exit")(
      "config", po::value<std::string>(), "read options from this file (name = value lines)")(
      "db", po::value<std::string>(),
      "database URL: sqlite:///abs/file.db, sqlite://./rel.db or "
      "mysql://user:pass@host:port/db (default sqlite://./var/planflow.db)")(
      "log-level", po::value<std::string>(), "debug, info, warn, error or off (default info)")(
      "audit-key-file", po::value<std::string>(),
      "the Ed25519 key that signs audit checkpoints, created (mode 0600) on first use; "
      "copy it to every instance of a deployment (default: audit-signing.key beside the "
      "SQLite file, or in the working directory on MySQL)");
  po::options_description serve("serve");
  serve.add_options()("listen", po::value<std::string>(),
                      "address to listen on, host:port (default 127.0.0.1:8080; port 0 picks one)")(
      "threads", po::value<std::size_t>(),
      "worker threads for requests, also the database pool size (default: the number of cores, at least 2; more helps "
      "a remote MySQL)")("io-threads", po::value<std::size_t>(), "threads doing network I/O (default 1)")(
      "db-lease-timeout", po::value<std::size_t>(),
      "milliseconds a request waits for a free database connection before it is answered 503 (default 5000)")(
      "sqlite-sync", po::value<std::string>(),
      "SQLite durability: full (each commit survives power loss; default) or normal (survives a crash of planflow, not "
      "of the machine; faster)")("background-interval", po::value<std::size_t>(),
                                 "seconds between passes over stage deadlines and report deliveries (default 15)")(
      "audit-checkpoint-interval", po::value<std::size_t>(),
      "at most one signed checkpoint of the audit chains per this many seconds, taken by the background pass when a "
      "chain moved (default 600; 0: every pass)")("body-limit", po::value<std::size_t>(),
                                                  "largest accepted request body in bytes (default 8 MiB)")(
      "max-connections", po::value<std::size_t>(),
      "open connections at once; more are answered 503 and closed at once (default 1000; keep it below the file "
      "descriptor limit, ulimit -n)")(
      "max-connections-per-address", po::value<std::size_t>(),
      "open connections at once from one client address, trusted proxies not counted (default 100)")(
      "login-limit-account-address", po::value<int>(),
      "failed logins allowed for one account from one address within --login-window before that pair is locked "
      "(default 5)")(
      "login-limit-account", po::value<int>(),
      "failed logins allowed for one account from all addresses together before the account is locked (default 20)")(
      "login-limit-address", po::value<int>(),
      "failed logins allowed from one address for all accounts together before the address is locked (default 100)")(
      "login-window", po::value<int>(), "seconds over which failed logins are counted, from the first (default 900)")(
      "login-lockout", po::value<int>(),
      "seconds a locked account, pair or address is refused, from the attempt that reached its limit (default 900)")(
      "plugins", po::value<std::string>(),
      "directories of plan-type plugins, separated by ':' (default: ../plugins beside the executable)")(
      "workflows", po::value<std::string>(),
      "directory of built-in workflow definitions, published at start when changed (default: ../workflows beside the "
      "executable)")("web", po::value<std::string>(),
                     "directory of the web interface's built files, served at / when it has an index.html (default: "
                     "../web beside the executable)")("no-migrate", po::bool_switch(),
                                                      "do not apply pending migrations at start")(
      "trusted-proxy", po::value<std::vector<std::string>>()->composing(),
      "address or CIDR range of a load balancer whose Forwarded / X-Forwarded-For names the client; repeat for several "
      "(default: none, the headers are ignored)")("no-access-log", po::bool_switch(),
                                                  "do not log one line per request");
  po::options_description user("user add");
  user.add_options()("username", po::value<std::string>(), "login name of the new user")(
      "display-name", po::value<std::string>(), "name shown to people (default: the username)")(
      "role", po::value<std::vector<std::string>>()->composing(), "role[:province[:plan_type]]; repeat for several")(
      "agency", po::value<std::int64_t>(), "id of the user's agency (needed for agency roles)")(
      "password-stdin", po::bool_switch(), "read the password from standard input");
  po::options_description import_options("import");
  import_options.add_options()("plan-type", po::value<std::string>(), "plan type of the document (default: detected)")(
      "province", po::value<std::string>(), "the plan's province code, e.g. TH-96 (default: as the document says)");
  po::options_description hidden;
  hidden.add_options()("command", po::value<std::string>())("args", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(general).add(serve).add(user).add(import_options).add(hidden);
  po::options_description visible;
  visible.add(general).add(serve).add(user).add(import_options);
  po::positional_options_description positional;
  positional.add("command", 1).add("args", -1);

  parsed_command_line out;
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::options_description env_desc;
    env_desc.add(general).add(serve);
    po::store(po::command_line_parser(environment_as_flags(environment, env_desc)).options(env_desc).run(), vm);
    if (vm.count("config")) {
      po::store(po::parse_config_file<char>(vm["config"].as<std::string>().c_str(), visible), vm);
    }
    po::notify(vm);

    std::ostringstream help;
    help << k_usage << visible;
    if (vm.count("help")) {
      out.message = help.str();
      return out;
    }
    if (vm.count("version")) {
      out.message = "planflow " PLANFLOW_VERSION "\n";
      return out;
    }
    if (!vm.count("command")) {
      out.message = help.str();
      out.exit_code = 2;
      return out;
    }
    config c;
    c.command = vm["command"].as<std::string>();
    if (vm.count("args")) c.arguments = vm["args"].as<std::vector<std::string>>();
    c.threads = std::max(2u, std::thread::hardware_concurrency());
    if (vm.count("db")) c.db = vm["db"].as<std::string>();
    if (vm.count("log-level")) c.log_level = vm["log-level"].as<std::string>();
    if (vm.count("listen")) c.listen = vm["listen"].as<std::string>();
    if (vm.count("threads")) c.threads = vm["threads"].as<std::size_t>();
    if (vm.count("io-threads")) c.io_threads = vm["io-threads"].as<std::size_t>();
    if (vm.count("body-limit")) c.body_limit = vm["body-limit"].as<std::size_t>();
    if (vm.count("max-connections")) c.max_connections = vm["max-connections"].as<std::size_t>();
    if (vm.count("max-connections-per-address")) {
      c.max_connections_per_address = vm["max-connections-per-address"].as<std::size_t>();
    }
    if (vm.count("db-lease-timeout")) c.db_lease_timeout_ms = vm["db-lease-timeout"].as<std::size_t>();
    if (vm.count("sqlite-sync")) c.sqlite_sync = vm["sqlite-sync"].as<std::string>();
    if (vm.count("background-interval")) c.background_interval_s = vm["background-interval"].as<std::size_t>();
    if (vm.count("audit-key-file")) c.audit_key_file = vm["audit-key-file"].as<std::string>();
    if (vm.count("audit-checkpoint-interval")) {
      c.audit_checkpoint_interval_s = vm["audit-checkpoint-interval"].as<std::size_t>();
    }
    if (vm.count("login-limit-account-address"))
      c.login_limits.per_account_address = vm["login-limit-account-address"].as<int>();
    if (vm.count("login-limit-account")) c.login_limits.per_account = vm["login-limit-account"].as<int>();
    if (vm.count("login-limit-address")) c.login_limits.per_address = vm["login-limit-address"].as<int>();
    if (vm.count("login-window")) c.login_limits.window = std::chrono::seconds(vm["login-window"].as<int>());
    if (vm.count("login-lockout")) c.login_limits.lockout = std::chrono::seconds(vm["login-lockout"].as<int>());
    if (vm.count("plugins")) c.plugins_dir = vm["plugins"].as<std::string>();
    if (vm.count("workflows")) c.workflows_dir = vm["workflows"].as<std::string>();
    if (vm.count("web")) c.web_dir = vm["web"].as<std::string>();
    if (vm.count("username")) c.username = vm["username"].as<std::string>();
    if (vm.count("display-name")) c.display_name = vm["display-name"].as<std::string>();
    if (vm.count("role")) c.roles = vm["role"].as<std::vector<std::string>>();
    if (vm.count("agency")) c.agency_id = vm["agency"].as<std::int64_t>();
    c.password_stdin = vm["password-stdin"].as<bool>();
    if (vm.count("plan-type")) c.plan_type = vm["plan-type"].as<std::string>();
    if (vm.count("province")) c.province = vm["province"].as<std::string>();
    c.migrate = !vm["no-migrate"].as<bool>();
    c.access_log = !vm["no-access-log"].as<bool>();
    if (vm.count("trusted-proxy")) c.trusted_proxies = vm["trusted-proxy"].as<std::vector<std::string>>();
    http::trusted_proxies{c.trusted_proxies};  // reject a bad range before anything starts
    if (c.threads == 0 || c.io_threads == 0)
      throw std::invalid_argument("--threads and --io-threads must be at least 1");
    if (c.max_connections == 0 || c.max_connections_per_address == 0) {
      throw std::invalid_argument("--max-connections and --max-connections-per-address must be at least 1");
    }
    if (c.background_interval_s == 0) throw std::invalid_argument("--background-interval must be at least 1");
    auth::check_limits(c.login_limits);
    storage::parse_sqlite_sync(c.sqlite_sync);  // reject a bad value before anything starts
    parse_listen(c.listen);                     // reject a bad address before anything starts
    out.config = std::move(c);
  } catch (const std::exception& e) {
    out.message = std::string("planflow: ") + e.what() + "\nRun `planflow --help` for usage.\n";
    out.exit_code = 2;
  }
  return out;
}

}  // namespace planflow::app
