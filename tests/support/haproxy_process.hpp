#pragma once
// haproxy in front of planflow instances, for tests: its configuration is
// deploy/haproxy/haproxy.cfg.in rendered with the test's ports, the process
// started and stopped by its PID, its view of each instance read from its
// own statistics page.

#include <string>

namespace planflow::test {

struct haproxy_ports {
  unsigned short listen, stats, instance1, instance2, instance3;
};

/// deploy/haproxy/haproxy.cfg.in with these ports, bound to `bind_address`.
std::string render_haproxy_config(const std::string& template_text, const haproxy_ports& ports,
                                  const std::string& bind_address = "127.0.0.1");

/// The template as committed.
std::string haproxy_config_template();

class haproxy_process {
 public:
  /// Why haproxy cannot run here ("" when it can).
  static std::string unavailable_reason();

  /// Starts haproxy in the foreground on free ports in front of the three
  /// instance ports; waits until its statistics page answers.
  haproxy_process(unsigned short instance1, unsigned short instance2, unsigned short instance3);
  ~haproxy_process();
  haproxy_process(const haproxy_process&) = delete;
  haproxy_process& operator=(const haproxy_process&) = delete;

  unsigned short port() const { return ports_.listen; }
  /// The check state haproxy reports for server "planflowN": "UP", "DOWN",
  /// "UP 1/2" (going down), "DOWN 1/2" (coming up)...; "" when unknown.
  std::string server_status(int instance) const;
  std::string log() const;

 private:
  haproxy_ports ports_{};
  std::string dir_;
  int pid_ = -1;
  int stdout_fd_ = -1;  // kept open: haproxy must not meet a closed stdout
};

}  // namespace planflow::test
