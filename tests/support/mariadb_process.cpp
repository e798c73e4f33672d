#include "mariadb_process.hpp"

#include "files.hpp"
#include "process.hpp"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace planflow::test {
namespace {

const char* k_server = "/usr/sbin/mariadbd";
const char* k_install = "/usr/bin/mariadb-install-db";

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

mariadb_process::mariadb_process(std::vector<std::string> extra) : extra_(std::move(extra)) {
  if (!std::filesystem::exists(k_server)) throw std::runtime_error(std::string(k_server) + " is not installed");
  // tmpfs when there is one: these tests kill planflow, not the machine.
  std::string pattern = (std::filesystem::exists("/dev/shm") ? std::string("/dev/shm") : std::string("/tmp")) +
                        "/planflow_fault_mariadb_XXXXXX";
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  port_ = free_port();
  if (!run_command(std::string(k_install) + " --no-defaults --datadir=" + dir_ +
                   "/data --user=root "
                   "--auth-root-authentication-method=normal --skip-test-db >" +
                   dir_ + "/install.log 2>&1")) {
    throw std::runtime_error("mariadb-install-db failed:\n" + read_file(dir_ + "/install.log"));
  }
  launch();
  query(
      "CREATE DATABASE planflow CHARACTER SET utf8mb4; "
      "CREATE USER 'planflow'@'127.0.0.1' IDENTIFIED BY 'fault-test'; "
      "GRANT ALL PRIVILEGES ON planflow.* TO 'planflow'@'127.0.0.1';");
}

mariadb_process::~mariadb_process() {
  stop();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void mariadb_process::launch() {
  std::vector<std::string> args{k_server,
                                "--no-defaults",
                                "--datadir=" + dir_ + "/data",
                                "--socket=" + dir_ + "/mysqld.sock",
                                "--port=" + std::to_string(port_),
                                "--bind-address=127.0.0.1",
                                "--user=root",
                                "--skip-name-resolve",
                                "--character-set-server=utf8mb4",
                                "--collation-server=utf8mb4_unicode_ci",
                                "--log-error=" + dir_ + "/error.log"};
  args.insert(args.end(), extra_.begin(), extra_.end());
  int out_fd = -1;
  pid_ = spawn(args, dir_ + "/stderr.log", &out_fd);
  ::close(out_fd);
  // Ready when it answers a ping; give up (and say why) if it dies or takes too long.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!run_command("mariadb-admin --no-defaults --socket=" + dir_ + "/mysqld.sock -uroot ping >/dev/null 2>&1")) {
    if (::kill(pid_, 0) != 0 || std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("mariadbd did not start:\n" + read_file(dir_ + "/error.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void mariadb_process::stop() {
  if (pid_ < 0) return;
  stop_process(pid_, SIGTERM, std::chrono::seconds(60));
  pid_ = -1;
}

void mariadb_process::crash() {
  if (pid_ < 0) return;
  stop_process(pid_, SIGKILL, std::chrono::seconds(60));
  pid_ = -1;
}

void mariadb_process::start() {
  if (pid_ < 0) launch();
}

std::string mariadb_process::url() const {
  return "mysql://planflow:fault-test@127.0.0.1:" + std::to_string(port_) + "/planflow";
}

std::string mariadb_process::query(const std::string& sql) const {
  auto out = run_command("mariadb --no-defaults --socket=" + dir_ + "/mysqld.sock -uroot -N -B -e " + shell_quote(sql));
  if (!out) throw std::runtime_error("query failed: " + sql);
  return *out;
}

}  // namespace planflow::test
