#include <planflow/app/config.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace planflow::app {
namespace {

parsed_command_line parse(std::vector<const char*> args, std::vector<std::string> env = {}) {
  args.insert(args.begin(), "planflow");
  return parse_command_line(int(args.size()), args.data(), env);
}

TEST(listen_address, parses_forms) {
  auto a = parse_listen("127.0.0.1:8080");
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 8080);
  auto b = parse_listen("[::1]:0");
  EXPECT_EQ(b.host, "::1");
  EXPECT_EQ(b.port, 0);
  EXPECT_EQ(parse_listen(":9000").host, "0.0.0.0");
  EXPECT_THROW(parse_listen("localhost"), std::invalid_argument);
  EXPECT_THROW(parse_listen("host:99999"), std::invalid_argument);
  EXPECT_THROW(parse_listen("host:80x"), std::invalid_argument);
  EXPECT_THROW(parse_listen("[::1]8080"), std::invalid_argument);
}

TEST(command_line, defaults) {
  auto p = parse({"serve"});
  ASSERT_TRUE(p.config);
  EXPECT_EQ(p.config->command, "serve");
  EXPECT_EQ(p.config->db, "sqlite://./var/planflow.db");
  EXPECT_EQ(p.config->listen, "127.0.0.1:8080");
  EXPECT_TRUE(p.config->migrate);
  EXPECT_GE(p.config->threads, 2u);
}

TEST(command_line, database_resilience_options) {
  auto defaults = parse({"serve"});
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->db_lease_timeout_ms, 5000u);
  EXPECT_EQ(defaults.config->sqlite_sync, "full");  // durable across power loss unless asked otherwise
  EXPECT_EQ(defaults.config->background_interval_s, 15u);
  auto set =
      parse({"serve", "--db-lease-timeout", "750", "--background-interval", "2"}, {"PLANFLOW_SQLITE_SYNC=normal"});
  ASSERT_TRUE(set.config);
  EXPECT_EQ(set.config->db_lease_timeout_ms, 750u);
  EXPECT_EQ(set.config->sqlite_sync, "normal");
  EXPECT_EQ(set.config->background_interval_s, 2u);
  auto wrong = parse({"serve", "--sqlite-sync", "off"});
  EXPECT_FALSE(wrong.config);
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.message.find("full or normal"), std::string::npos) << wrong.message;
  EXPECT_FALSE(parse({"serve", "--background-interval", "0"}).config);
}

TEST(command_line, audit_options) {
  auto defaults = parse({"serve"});
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->audit_key_file, "");  // derived from the database URL
  EXPECT_EQ(defaults.config->audit_checkpoint_interval_s, 600u);
  auto set =
      parse({"audit", "checkpoint", "--audit-checkpoint-interval", "0"}, {"PLANFLOW_AUDIT_KEY_FILE=/etc/planflow/k"});
  ASSERT_TRUE(set.config) << set.message;
  EXPECT_EQ(set.config->arguments, std::vector<std::string>{"checkpoint"});
  EXPECT_EQ(set.config->audit_key_file, "/etc/planflow/k");
  EXPECT_EQ(set.config->audit_checkpoint_interval_s, 0u);
  auto flag = parse({"audit", "verify", "--audit-key-file", "k.key"}, {"PLANFLOW_AUDIT_KEY_FILE=/etc/planflow/k"});
  ASSERT_TRUE(flag.config);
  EXPECT_EQ(flag.config->audit_key_file, "k.key");  // the flag wins over the environment
}

TEST(command_line, trusted_proxies_are_repeatable_and_checked) {
  auto none = parse({"serve"});
  ASSERT_TRUE(none.config);
  EXPECT_TRUE(none.config->trusted_proxies.empty());  // forwarding headers are ignored unless asked
  auto two = parse({"serve", "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "10.0.0.0/8"});
  ASSERT_TRUE(two.config);
  EXPECT_EQ(two.config->trusted_proxies, (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"}));
  auto wrong = parse({"serve", "--trusted-proxy", "10.0.0.0/33"});
  EXPECT_FALSE(wrong.config);
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.message.find("10.0.0.0/33"), std::string::npos) << wrong.message;
}

TEST(command_line, connection_caps) {
  auto defaults = parse({"serve"});
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->max_connections, 1000u);
  EXPECT_EQ(defaults.config->max_connections_per_address, 100u);
  auto set = parse({"serve", "--max-connections", "50", "--max-connections-per-address", "7"});
  ASSERT_TRUE(set.config);
  EXPECT_EQ(set.config->max_connections, 50u);
  EXPECT_EQ(set.config->max_connections_per_address, 7u);
  auto from_env = parse({"serve"}, {"PLANFLOW_MAX_CONNECTIONS=20", "PLANFLOW_MAX_CONNECTIONS_PER_ADDRESS=2"});
  ASSERT_TRUE(from_env.config);
  EXPECT_EQ(from_env.config->max_connections, 20u);
  EXPECT_EQ(from_env.config->max_connections_per_address, 2u);
  auto zero = parse({"serve", "--max-connections-per-address", "0"});
  EXPECT_FALSE(zero.config);
  EXPECT_EQ(zero.exit_code, 2);
}

TEST(command_line, login_limits) {
  auto defaults = parse({"serve"});
  ASSERT_TRUE(defaults.config);
  const auto& d = defaults.config->login_limits;
  // The pair locks first, the account later, an office's address much later.
  EXPECT_LT(d.per_account_address, d.per_account);
  EXPECT_LT(d.per_account, d.per_address);
  auto set =
      parse({"serve", "--login-limit-account-address", "3", "--login-limit-account", "9", "--login-window", "60"},
            {"PLANFLOW_LOGIN_LIMIT_ADDRESS=500", "PLANFLOW_LOGIN_LOCKOUT=30"});
  ASSERT_TRUE(set.config) << set.message;
  const auto& l = set.config->login_limits;
  EXPECT_EQ(l.per_account_address, 3);
  EXPECT_EQ(l.per_account, 9);
  EXPECT_EQ(l.per_address, 500);
  EXPECT_EQ(l.window, std::chrono::seconds(60));
  EXPECT_EQ(l.lockout, std::chrono::seconds(30));
  auto zero = parse({"serve", "--login-limit-account", "0"});
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.message.find("--login-limit-account must be at least 1"), std::string::npos) << zero.message;
  EXPECT_EQ(parse({"serve", "--login-lockout", "0"}).exit_code, 2);
}

TEST(command_line, help_and_version_exit_zero_with_text) {
  auto help = parse({"--help"});
  EXPECT_FALSE(help.config);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.message.find("--listen"), std::string::npos);
  EXPECT_NE(help.message.find("PLANFLOW_"), std::string::npos);
  auto version = parse({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_TRUE(version.message.starts_with("planflow "));
}

TEST(command_line, usage_errors_exit_2) {
  EXPECT_EQ(parse({}).exit_code, 2);
  EXPECT_EQ(parse({"serve", "--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(parse({"serve", "--threads", "many"}).exit_code, 2);
  EXPECT_EQ(parse({"serve", "--threads", "0"}).exit_code, 2);
  EXPECT_EQ(parse({"serve", "--listen", "nowhere"}).exit_code, 2);
}

TEST(command_line, flags_beat_environment_which_beats_file) {
  auto dir = std::filesystem::temp_directory_path() / ("planflow_cfg_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto file = dir / "planflow.conf";
  {
    std::ofstream out(file);
    out << "listen = 0.0.0.0:7000\nlog-level = warn\nthreads = 3\ndb = sqlite:///from/file.db\n";
  }
  auto p = parse({"serve", "--config", file.c_str(), "--listen", "127.0.0.1:9000"},
                 {"PLANFLOW_LISTEN=127.0.0.1:8000", "PLANFLOW_LOG_LEVEL=debug", "PLANFLOW_NO_MIGRATE=1",
                  "PLANFLOW_TEST_MYSQL_URL=ignored", "HOME=/root"});
  ASSERT_TRUE(p.config) << p.message;
  EXPECT_EQ(p.config->listen, "127.0.0.1:9000");  // flag
  EXPECT_EQ(p.config->log_level, "debug");        // environment over file
  EXPECT_EQ(p.config->threads, 3u);               // file
  EXPECT_EQ(p.config->db, "sqlite:///from/file.db");
  EXPECT_FALSE(p.config->migrate);
  std::filesystem::remove_all(dir);
}

TEST(command_line, web_directory_from_flag_or_environment) {
  EXPECT_EQ(parse({"serve"}).config->web_dir, "");  // serve then looks beside the executable
  EXPECT_EQ(parse({"serve"}, {"PLANFLOW_WEB=/srv/planflow/web"}).config->web_dir, "/srv/planflow/web");
  EXPECT_EQ(parse({"serve", "--web", "/opt/web"}, {"PLANFLOW_WEB=/srv/planflow/web"}).config->web_dir, "/opt/web");
}

TEST(command_line, positional_arguments_follow_the_command) {
  auto p = parse({"import", "plan.txt"});
  ASSERT_TRUE(p.config);
  EXPECT_EQ(p.config->command, "import");
  ASSERT_EQ(p.config->arguments.size(), 1u);
  EXPECT_EQ(p.config->arguments[0], "plan.txt");
}

}  // namespace
}  // namespace planflow::app
