#pragma once
// Child processes for tests: started with fork+exec, stopped by the PID that
// was started (never by name), waited for with a bound.

#include <chrono>
#include <string>
#include <vector>

namespace planflow::test {

/// A fresh path in the temporary folder for a log ("<stem><pid>_<n>.log").
std::string temp_file(const std::string& stem);

/// Starts args[0] with args; stdout goes to a pipe whose read end is stored in
/// `stdout_fd`, stderr to
/// `err_path`, stdin from `stdin_fd` when given. Returns the PID.
int spawn(const std::vector<std::string>& args, const std::string& err_path, int* stdout_fd, int stdin_fd = -1);

/// Sends `signal` to `pid` and waits up to `grace` for it to end, then
/// SIGKILL. Returns the exit code, or -1 when it ended by a signal.
int stop_process(int pid, int signal, std::chrono::milliseconds grace);

/// A TCP port on 127.0.0.1 that was free a moment ago.
unsigned short free_port();

}  // namespace planflow::test
