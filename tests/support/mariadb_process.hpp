#pragma once
// A MariaDB server of a test's own, in a throwaway datadir on loopback, that
// the test can stop and start again (by its PID) while planflow runs.

#include <string>
#include <vector>

namespace planflow::test {

class mariadb_process {
 public:
  /// Installs a datadir, starts the server on a free port with `extra`
  /// server options and creates the database `planflow` and its user.
  /// Throws when mariadbd is not installed or does not start.
  explicit mariadb_process(std::vector<std::string> extra = {});
  ~mariadb_process();
  mariadb_process(const mariadb_process&) = delete;
  mariadb_process& operator=(const mariadb_process&) = delete;

  /// Graceful shutdown (SIGTERM to the PID), waiting until it has exited.
  void stop();
  /// A crash: SIGKILL to the PID, no shutdown; InnoDB recovers at the next start.
  void crash();
  /// Starts the server again on the same datadir and port; returns once it answers.
  void start();

  std::string url() const;  ///< mysql://… for planflow
  int pid() const { return pid_; }
  /// Runs SQL as root through the socket; returns the client's tab-separated output.
  std::string query(const std::string& sql) const;

 private:
  void launch();

  std::string dir_;
  unsigned short port_ = 0;
  std::vector<std::string> extra_;
  int pid_ = -1;
};

}  // namespace planflow::test
