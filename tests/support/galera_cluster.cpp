#include "galera_cluster.hpp"

#include "files.hpp"
#include "process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace planflow::test {
namespace {

using steady = std::chrono::steady_clock;

const char* k_server = "/usr/sbin/mariadbd";
const char* k_provider = "/usr/lib/galera/libgalera_smm.so";
const char* k_rsync = "/usr/bin/rsync";
const std::string k_planflow_password = "galera-test";

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

// Runs a shell command; its standard output and error in `out`.
bool run_capture(const std::string& command, std::string& out) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return false;
  char buffer[4096];
  while (auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  return ::pclose(pipe) == 0;
}

// A port no listener and no live connection holds. Bound with SO_REUSEADDR
// as mariadbd, Galera and rsync bind theirs, so that the TIME-WAIT left by
// the previous run's connections does not count as taken.
bool port_is_free(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return free;
}

bool ports_are_free(unsigned short base) {
  for (int node = 1; node <= galera_cluster::k_nodes; ++node) {
    const auto p = galera_ports_of(base, node);
    for (auto port : {p.sql, p.gcomm, p.ist, p.sst}) {
      if (!port_is_free(port)) return false;
    }
  }
  return true;
}

// Another cluster of another test run may hold the default ports: the next
// thousand is as good, and every candidate stays below the ephemeral range.
unsigned short choose_base_port(unsigned short wanted) {
  if (const char* forced = std::getenv("PLANFLOW_TEST_GALERA_PORT_BASE")) {
    wanted = static_cast<unsigned short>(std::stoi(forced));
  }
  for (unsigned short base = wanted; base + 1000 < 32768; base += 1000) {
    if (ports_are_free(base)) return base;
  }
  throw std::runtime_error("no free set of Galera ports from " + std::to_string(wanted));
}

struct os_user {
  std::string name;
  uid_t uid;
  gid_t gid;
  bool switch_to;  ///< the test runs as root: the nodes run as this user
};

// rsync's SST daemon, started by a node run as root, drops to "nobody" and
// cannot write the datadir; so as root the nodes run as mysql (the notes'
// first choice), otherwise as whoever runs the test.
os_user node_user() {
  if (::geteuid() == 0) {
    const passwd* pw = ::getpwnam("mysql");
    if (!pw) throw std::runtime_error("running as root needs the mysql user (installed with mariadb-server)");
    return {"mysql", pw->pw_uid, pw->pw_gid, true};
  }
  const passwd* pw = ::getpwuid(::geteuid());
  return {pw ? pw->pw_name : std::to_string(::geteuid()), ::geteuid(), ::getegid(), false};
}

void chown_tree(const std::string& dir, const os_user& user) {
  if (!user.switch_to) return;
  if (::chown(dir.c_str(), user.uid, user.gid) != 0) throw std::runtime_error("chown failed: " + dir);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (::lchown(entry.path().c_str(), user.uid, user.gid) != 0)
      throw std::runtime_error("chown failed: " + entry.path().string());
  }
}

// fork+exec of a node. The child takes the node's user and then asks to be
// killed when the test process dies, so that a crashed or timed-out test
// leaves no node behind (the request must follow the user change, which
// clears it). It is tied to the forking thread: nodes are started from the
// thread that owns the cluster.
int spawn_node(const std::vector<std::string>& args, const std::string& log_path, const os_user& user) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log >= 0) {
      ::dup2(log, 1);
      ::dup2(log, 2);
    }
    int null_in = ::open("/dev/null", O_RDONLY);
    if (null_in >= 0) ::dup2(null_in, 0);
    if (user.switch_to && (::setgroups(0, nullptr) != 0 || ::setgid(user.gid) != 0 || ::setuid(user.uid) != 0)) {
      ::_exit(126);
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(125);  // the test died before the request took effect
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

std::string tail(const std::string& text, std::size_t chars = 4000) {
  return text.size() <= chars ? text : text.substr(text.size() - chars);
}

}  // namespace

galera_ports galera_ports_of(unsigned short base, int node) {
  const auto port = [&](int offset) { return static_cast<unsigned short>(base + offset + node); };
  return {port(100), port(200), port(300), port(400)};
}

std::string render_galera_config(const std::string& template_text, int node, const std::string& dir,
                                 const std::string& user, unsigned short base_port) {
  const auto ports = galera_ports_of(base_port, node);
  std::string members;
  for (int n = 1; n <= galera_cluster::k_nodes; ++n) {
    members += (n > 1 ? "," : "") + std::string("127.0.0.1:") + std::to_string(galera_ports_of(base_port, n).gcomm);
  }
  std::string text = template_text;
  replace_all(text, "@NODE@", std::to_string(node));
  replace_all(text, "@USER@", user);
  replace_all(text, "@DIR@", dir);
  replace_all(text, "@SQL_PORT@", std::to_string(ports.sql));
  replace_all(text, "@GCOMM_PORT@", std::to_string(ports.gcomm));
  replace_all(text, "@IST_PORT@", std::to_string(ports.ist));
  replace_all(text, "@SST_PORT@", std::to_string(ports.sst));
  replace_all(text, "@CLUSTER_ADDRESS@", members);
  return text;
}

std::string galera_config_template() {
  const std::string path = std::string(PLANFLOW_SOURCE_DIR) + "/deploy/galera/node.cnf.in";
  auto text = read_file(path);
  if (text.empty()) throw std::runtime_error("cannot read " + path);
  return text;
}

std::string galera_cluster::unavailable_reason() {
  if (!std::filesystem::exists(k_provider)) return std::string("galera-4 is not installed (no ") + k_provider + ")";
  if (!std::filesystem::exists(k_server)) return std::string("mariadb-server is not installed (no ") + k_server + ")";
  if (!std::filesystem::exists(k_rsync)) return "rsync is not installed (Galera's SST needs it)";
  if (::geteuid() == 0 && !::getpwnam("mysql")) return "no mysql user to run the nodes as";
  return "";
}

galera_cluster::galera_cluster(unsigned short base_port) {
  const auto began = steady::now();
  base_ = choose_base_port(base_port);
  user_ = node_user().name;
  std::string pattern =
      (std::filesystem::exists("/dev/shm") ? std::string("/dev/shm") : std::string("/tmp")) + "/planflow_galera_XXXXXX";
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  try {
    write_configs();
    install_first_node();
    launch(1, {"--wsrep-new-cluster"});
    wait_synced(1);
    // Both joiners at once: each receives its copy from node 1 by SST.
    launch(2, {});
    launch(3, {});
    wait_synced(2);
    wait_synced(3);
    query(1, "CREATE USER 'planflow'@'127.0.0.1' IDENTIFIED BY '" + k_planflow_password +
                 "'; GRANT ALL PRIVILEGES ON *.* TO 'planflow'@'127.0.0.1';");
  } catch (...) {
    stop_all();
    throw;
  }
  start_time_ = std::chrono::duration_cast<std::chrono::milliseconds>(steady::now() - began);
}

galera_cluster::~galera_cluster() {
  stop_all();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string galera_cluster::node_dir(int node) const { return dir_ + "/node" + std::to_string(node); }
std::string galera_cluster::config_path(int node) const { return dir_ + "/node" + std::to_string(node) + ".cnf"; }

void galera_cluster::write_configs() {
  const auto text = galera_config_template();
  for (int node = 1; node <= k_nodes; ++node) {
    // Joiners start with an empty datadir: SST fills it.
    std::filesystem::create_directories(node_dir(node) + "/data");
    std::ofstream(config_path(node)) << render_galera_config(text, node, node_dir(node), user_, base_);
  }
  chown_tree(dir_, node_user());
}

void galera_cluster::install_first_node() {
  std::string out;
  if (!run_capture("mariadb-install-db --defaults-file=" + config_path(1) + " --user=" + user_ +
                       " --auth-root-authentication-method=normal --skip-test-db",
                   out)) {
    throw std::runtime_error("mariadb-install-db failed:\n" + tail(out));
  }
}

void galera_cluster::launch(int node, const std::vector<std::string>& extra) {
  std::vector<std::string> args{k_server, "--defaults-file=" + config_path(node)};
  args.insert(args.end(), extra.begin(), extra.end());
  nodes_[node].pid = spawn_node(args, node_dir(node) + "/stdout.log", node_user());
  nodes_[node].isolated = false;
}

bool galera_cluster::exited(int node) {
  auto& pid = nodes_[node].pid;
  if (pid < 0) return true;
  int status = 0;
  if (::waitpid(pid, &status, WNOHANG) != pid) return false;
  pid = -1;
  return true;
}

bool galera_cluster::running(int node) const { return nodes_[node].pid > 0; }

void galera_cluster::stop_all() noexcept {
  // The last one stopped is the one safe to bootstrap from.
  for (int node = k_nodes; node >= 1; --node) {
    if (nodes_[node].pid > 0) stop_process(nodes_[node].pid, SIGTERM, std::chrono::seconds(60));
    nodes_[node].pid = -1;
  }
}

std::string galera_cluster::url(int node, const std::string& database) const {
  return "mysql://planflow:" + k_planflow_password + "@127.0.0.1:" + std::to_string(galera_ports_of(base_, node).sql) +
         "/" + database;
}

void galera_cluster::fresh_database(const std::string& database) const {
  query(1, "DROP DATABASE IF EXISTS " + database + "; CREATE DATABASE " + database +
               " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
}

std::string galera_cluster::query(int node, const std::string& sql) const {
  std::string out;
  if (!run_capture(
          "mariadb --no-defaults --socket=" + node_dir(node) + "/mysqld.sock -uroot -N -B -e " + shell_quote(sql),
          out)) {
    throw std::runtime_error("query on node " + std::to_string(node) + " failed: " + sql + "\n" + out);
  }
  return out;
}

std::string galera_cluster::status(int node, const std::string& variable) const {
  std::string out;
  if (!run_capture("mariadb --no-defaults --socket=" + node_dir(node) + "/mysqld.sock -uroot -N -B -e " +
                       shell_quote("SHOW GLOBAL STATUS LIKE '" + variable + "'"),
                   out)) {
    return "";
  }
  const auto tab = out.find('\t');
  if (tab == std::string::npos) return "";
  auto value = out.substr(tab + 1);
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
  return value;
}

bool galera_cluster::synced(int node) const {
  std::string out;
  if (!run_capture("mariadb --no-defaults --socket=" + node_dir(node) + "/mysqld.sock -uroot -N -B -e " +
                       shell_quote("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', "
                                   "'wsrep_ready', 'wsrep_cluster_status')"),
                   out)) {
    return false;
  }
  return out.find("wsrep_local_state_comment\tSynced\n") != std::string::npos &&
         out.find("wsrep_ready\tON\n") != std::string::npos &&
         out.find("wsrep_cluster_status\tPrimary\n") != std::string::npos;
}

void galera_cluster::wait_synced(int node, std::chrono::seconds limit) {
  const auto deadline = steady::now() + limit;
  while (!synced(node)) {
    if (exited(node)) {
      throw std::runtime_error("node " + std::to_string(node) + " exited:\n" + tail(log(node)));
    }
    if (steady::now() > deadline) {
      throw std::runtime_error("node " + std::to_string(node) + " not synced after " + std::to_string(limit.count()) +
                               " s:\n" + tail(log(node)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void galera_cluster::kill9(int node) {
  if (nodes_[node].pid < 0) return;
  stop_process(nodes_[node].pid, SIGKILL, std::chrono::seconds(30));
  nodes_[node].pid = -1;
}

std::string galera_cluster::restart(int node) {
  if (running(node)) throw std::logic_error("node " + std::to_string(node) + " is running");
  // After a crash grastate.dat says seqno -1; InnoDB knows the last
  // transaction it committed, and --wsrep-recover prints it.
  const auto recover_log = node_dir(node) + "/recover.log";
  std::filesystem::remove(recover_log);
  std::string out;
  const auto as_user = node_user().switch_to ? " --user=" + user_ : std::string();
  if (!run_capture(std::string(k_server) + " --defaults-file=" + config_path(node) + as_user +
                       " --wsrep-recover --log-error=" + recover_log,
                   out)) {
    throw std::runtime_error("--wsrep-recover failed:\n" + out + tail(read_file(recover_log)));
  }
  const std::string marker = "Recovered position: ";
  const auto text = read_file(recover_log);
  const auto at = text.rfind(marker);
  if (at == std::string::npos) throw std::runtime_error("no recovered position:\n" + tail(text));
  const auto end = text.find_first_of(" \r\n", at + marker.size());
  const auto position = text.substr(at + marker.size(), end - at - marker.size());
  launch(node, {"--wsrep_start_position=" + position});
  wait_synced(node);
  return position;
}

void galera_cluster::isolate(int node, bool isolated) {
  query(node, std::string("SET GLOBAL wsrep_provider_options='gmcast.isolate=") + (isolated ? "1" : "0") + "'");
  nodes_[node].isolated = isolated;
}

void galera_cluster::heal() {
  for (int node = 1; node <= k_nodes; ++node) {
    if (nodes_[node].isolated) isolate(node, false);
  }
  for (int node = 1; node <= k_nodes; ++node) {
    if (exited(node)) restart(node);
  }
  for (int node = 1; node <= k_nodes; ++node) wait_synced(node);
}

std::string galera_cluster::log(int node) const { return read_file(node_dir(node) + "/error.log"); }

}  // namespace planflow::test
