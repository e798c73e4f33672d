#include "server_process.hpp"

#include "contract_log.hpp"
#include "files.hpp"
#include "process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace planflow::test {

std::string planflow_binary() { return PLANFLOW_BINARY; }

server_process::server_process(const std::string& db_url, const std::vector<std::string>& extra) {
  std::vector<std::string> args{planflow_binary(), "serve", "--listen", "127.0.0.1:0", "--db", db_url};
  if (std::ranges::find(extra, "--threads") == extra.end()) args.insert(args.end(), {"--threads", "4"});
  args.insert(args.end(), extra.begin(), extra.end());
  log_path_ = temp_file("planflow_server_");
  int out_fd = -1;
  pid_ = spawn(args, log_path_, &out_fd);
  std::string output;
  char buf[512];
  const std::string marker = "listening on http://127.0.0.1:";
  while (output.find('\n', output.find(marker)) == std::string::npos || output.find(marker) == std::string::npos) {
    auto n = ::read(out_fd, buf, sizeof buf);
    if (n <= 0) {
      ::close(out_fd);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
      throw std::runtime_error("planflow serve exited before listening:\n" + log());
    }
    output.append(buf, std::size_t(n));
  }
  ::close(out_fd);
  auto at = output.find(marker) + marker.size();
  port_ = static_cast<unsigned short>(std::stoi(output.substr(at)));
  contract_serves_planflow(port_);
}

int server_process::stop() {
  contract_forget(port_);
  const int code = stop_process(pid_, SIGTERM, std::chrono::seconds(15));
  pid_ = -1;
  return code;
}

void server_process::kill_hard() {
  contract_forget(port_);
  stop_process(pid_, SIGKILL, std::chrono::seconds(15));
  pid_ = -1;
}

server_process::~server_process() {
  stop();
  std::filesystem::remove(log_path_);
}

std::string server_process::log() const { return read_file(log_path_); }

command_result run_planflow(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::vector<std::string> argv{planflow_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  int in_pipe[2];
  if (::pipe(in_pipe) != 0) throw std::runtime_error("pipe failed");
  auto err_path = temp_file("planflow_cmd_");
  int out_fd = -1;
  pid_t pid = spawn(argv, err_path, &out_fd, in_pipe[0]);
  ::close(in_pipe[0]);
  if (!stdin_text.empty()) {
    auto written = ::write(in_pipe[1], stdin_text.data(), stdin_text.size());
    (void)written;
  }
  ::close(in_pipe[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(out_fd, buf, sizeof buf)) > 0) out.append(buf, std::size_t(n));
  ::close(out_fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  command_result result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, read_file(err_path)};
  std::filesystem::remove(err_path);
  return result;
}

}  // namespace planflow::test
