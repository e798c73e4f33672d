#include "server_process.hpp"

#include "files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace planflow::test {
namespace {

std::string temp_file(const std::string& stem) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          (stem + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".log"))
      .string();
}

// fork+exec with stdout to a pipe (returned) and stderr to a file.
int spawn(const std::vector<std::string>& args, const std::string& err_path, int* stdout_fd, int stdin_fd = -1) {
  // Everything that allocates happens before fork: the test process has threads.
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int out_pipe[2];
  if (::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(out_pipe[1], 1);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) ::dup2(err, 2);
    if (stdin_fd >= 0) ::dup2(stdin_fd, 0);
    ::close(out_pipe[0]);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  *stdout_fd = out_pipe[0];
  return pid;
}

}  // namespace

std::string planflow_binary() { return PLANFLOW_BINARY; }

server_process::server_process(const std::string& db_url, const std::vector<std::string>& extra) {
  std::vector<std::string> args{planflow_binary(), "serve", "--listen", "127.0.0.1:0", "--db", db_url, "--threads", "4"};
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
}

int server_process::stop() {
  if (pid_ < 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 300; ++i) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
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
