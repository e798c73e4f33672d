#pragma once
// Runs the real `planflow` executable as a child process on an ephemeral
// port and stops it by the PID it started.

#include <string>
#include <vector>

namespace planflow::test {

class server_process {
 public:
  /// Starts `planflow serve --listen 127.0.0.1:0 --db <db_url> <extra...>` and
  /// waits until it prints the URL it listens on.
  server_process(const std::string& db_url, const std::vector<std::string>& extra = {});
  ~server_process();
  server_process(const server_process&) = delete;
  server_process& operator=(const server_process&) = delete;

  unsigned short port() const { return port_; }
  int pid() const { return pid_; }
  /// Sends SIGTERM and waits; returns the exit status (or -1 when killed).
  int stop();
  /// `kill -9` by PID, as a power cut or the OOM killer would end it.
  void kill_hard();
  /// What the server wrote to stderr so far (its logs).
  std::string log() const;

 private:
  int pid_ = -1;
  unsigned short port_ = 0;
  std::string log_path_;
};

/// Runs `planflow <args...>` to completion; returns its exit code and output.
struct command_result {
  int exit_code;
  std::string out;
  std::string err;
};
command_result run_planflow(const std::vector<std::string>& args, const std::string& stdin_text = {});

/// The path of the planflow binary under test.
std::string planflow_binary();

}  // namespace planflow::test
