#include <planflow/api/routes.hpp>
#include <planflow/app/application.hpp>
#include <planflow/app/commands.hpp>
#include <planflow/app/paths.hpp>
#include <planflow/app/tool_commands.hpp>
#include <planflow/app/user_command.hpp>
#include <planflow/http/server.hpp>
#include <planflow/storage/migrations.hpp>
#include <planflow/util/log.hpp>

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

extern char** environ;

namespace planflow::app {
namespace {

storage::database_options database_options(const config& c, std::size_t pool_size) {
  return {.pool_size = pool_size,
          .lease_timeout = std::chrono::milliseconds(c.db_lease_timeout_ms),
          .sqlite_synchronous = storage::parse_sqlite_sync(c.sqlite_sync)};
}

std::unique_ptr<storage::database> open_database(const config& c, std::size_t pool_size) {
  auto url = storage::parse_database_url(c.db);
  log::info("opening database", {{"url", url.redacted}});
  return std::make_unique<storage::database>(url, database_options(c, pool_size));
}

}  // namespace

int serve(const config& c) {
  auto web_dir = c.web_dir.empty() ? beside_executable("web") : c.web_dir;
  if (web_dir.empty()) log::info("no web interface: no --web given and no web folder beside the executable");
  application app({.db_url = c.db,
                   .database = database_options(c, c.threads),
                   .plugins_dir = c.plugins_dir.empty() ? beside_executable("plugins") : c.plugins_dir,
                   .workflows_dir = c.workflows_dir.empty() ? beside_executable("workflows") : c.workflows_dir,
                   .migrate = c.migrate,
                   .web_dir = web_dir,
                   .audit_key_file = c.audit_key_file,
                   .audit_checkpoint_interval = std::chrono::seconds(c.audit_checkpoint_interval_s),
                   .sessions = {.limits = c.login_limits}});

  auto address = parse_listen(c.listen);
  http::server_options options;
  options.address = address.host;
  options.port = address.port;
  options.io_threads = c.io_threads;
  options.worker_threads = c.threads;
  options.body_limit = c.body_limit;
  options.max_connections = c.max_connections;
  options.max_connections_per_address = c.max_connections_per_address;
  options.access_log = c.access_log;
  options.trusted_proxies = c.trusted_proxies;
  http::server server(options, app.routes());
  server.listen();

  const bool v6 = address.host.find(':') != std::string::npos;
  std::string url =
      "http://" + (v6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(server.port()) + "/";
  log::info("listening", {{"url", url}});
  // Scripts and tests read the URL from standard output.
  std::cout << "planflow listening on " << url << std::endl;
  // Deadlines, deliveries and audit checkpoints run beside the server; the
  // database decides who handles what, so several processes can share the work.
  std::mutex background_mutex;
  std::condition_variable background_wake;
  bool stopping = false;
  std::thread background([&] {
    std::unique_lock lock(background_mutex);
    const auto interval = std::chrono::seconds(c.background_interval_s);
    while (!background_wake.wait_for(lock, interval, [&] { return stopping; })) {
      lock.unlock();
      app.run_background_pass();
      lock.lock();
    }
  });
  server.run(true);
  {
    std::lock_guard lock(background_mutex);
    stopping = true;
  }
  background_wake.notify_one();
  background.join();
  log::info("stopped");
  return 0;
}

int migrate(const config& c) {
  auto db = open_database(c, 1);
  auto applied = storage::apply_migrations(*db);
  auto status = storage::inspect_migrations(*db);
  std::cout << "applied " << applied.size() << " migration(s); schema version "
            << (status.applied.empty() ? 0 : status.applied.back()) << std::endl;
  return 0;
}

int run_command_line(int argc, const char* const* argv) {
  std::vector<std::string> environment;
  for (char** e = environ; e && *e; ++e) environment.emplace_back(*e);
  auto parsed = parse_command_line(argc, argv, environment);
  if (!parsed.config) {
    (parsed.exit_code == 0 ? std::cout : std::cerr) << parsed.message;
    return parsed.exit_code;
  }
  const auto& c = *parsed.config;
  static const std::map<std::string, std::function<int(const config&)>> commands{
      {"serve", serve},
      {"migrate", migrate},
      {"user", [](const config& cfg) { return user_command(cfg, std::cin); }},
      {"import", [](const config& cfg) { return import_command(cfg, std::cout); }},
      {"audit", [](const config& cfg) { return audit_command(cfg, std::cout); }},
  };
  auto command = commands.find(c.command);
  if (command == commands.end()) {
    std::cerr << "planflow: unknown command '" << c.command << "'\nRun `planflow --help` for usage.\n";
    return 2;
  }
  try {
    log::set_level(log::parse_level(c.log_level));
    int code = command->second(c);
    log::flush();
    return code;
  } catch (const std::exception& e) {
    log::error("fatal", {{"command", c.command}, {"error", e.what()}});
    std::cerr << "planflow " << c.command << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace planflow::app
