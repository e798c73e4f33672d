#include "haproxy_process.hpp"

#include "files.hpp"
#include "http_client.hpp"
#include "process.hpp"

#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace planflow::test {
namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::vector<std::string> split(const std::string& line, char by) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, by)) out.push_back(field);
  return out;
}

}  // namespace

std::string render_haproxy_config(const std::string& template_text, const haproxy_ports& ports,
                                  const std::string& bind_address) {
  std::string out = template_text;
  replace_all(out, "@BIND_ADDRESS@", bind_address);
  replace_all(out, "@LISTEN_PORT@", std::to_string(ports.listen));
  replace_all(out, "@STATS_PORT@", std::to_string(ports.stats));
  replace_all(out, "@INSTANCE1_PORT@", std::to_string(ports.instance1));
  replace_all(out, "@INSTANCE2_PORT@", std::to_string(ports.instance2));
  replace_all(out, "@INSTANCE3_PORT@", std::to_string(ports.instance3));
  return out;
}

std::string haproxy_config_template() {
  return read_file(std::string(PLANFLOW_SOURCE_DIR) + "/deploy/haproxy/haproxy.cfg.in");
}

std::string haproxy_process::unavailable_reason() {
  return std::filesystem::exists("/usr/sbin/haproxy") ? "" : "haproxy is not installed (apt-get install haproxy)";
}

haproxy_process::haproxy_process(unsigned short instance1, unsigned short instance2, unsigned short instance3) {
  ports_ = {free_port(), free_port(), instance1, instance2, instance3};
  dir_ = temp_file("planflow_haproxy_");
  dir_.resize(dir_.size() - 4);  // a directory, not a ".log"
  std::filesystem::create_directories(dir_);
  const std::string config = dir_ + "/haproxy.cfg";
  std::ofstream(config) << render_haproxy_config(haproxy_config_template(), ports_);
  // -db: stay in the foreground, so the PID started is haproxy's own.
  pid_ = spawn({"/usr/sbin/haproxy", "-db", "-f", config}, dir_ + "/haproxy.log", &stdout_fd_);
  for (int i = 0; i < 200; ++i) {
    if (!server_status(1).empty()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  stop_process(pid_, SIGTERM, std::chrono::seconds(5));
  ::close(stdout_fd_);
  throw std::runtime_error("haproxy did not start:\n" + log());
}

haproxy_process::~haproxy_process() {
  if (pid_ > 0) stop_process(pid_, SIGTERM, std::chrono::seconds(5));
  if (stdout_fd_ >= 0) ::close(stdout_fd_);
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string haproxy_process::server_status(int instance) const {
  try {
    http_client c(ports_.stats, std::chrono::seconds(2));
    auto r = c.get("/stats;csv");
    if (r.status != 200) return "";
    std::istringstream lines(r.body);
    std::string line;
    std::getline(lines, line);  // "# pxname,svname,...,status,..."
    if (line.rfind("# ", 0) != 0) return "";
    const auto header = split(line.substr(2), ',');
    std::size_t status_column = 0;
    while (status_column < header.size() && header[status_column] != "status") ++status_column;
    const std::string name = "planflow" + std::to_string(instance);
    while (std::getline(lines, line)) {
      const auto fields = split(line, ',');
      if (fields.size() > status_column && fields[0] == "planflow_instances" && fields[1] == name) {
        return fields[status_column];
      }
    }
  } catch (const std::exception&) {
  }
  return "";
}

std::string haproxy_process::log() const { return read_file(dir_ + "/haproxy.log"); }

}  // namespace planflow::test
