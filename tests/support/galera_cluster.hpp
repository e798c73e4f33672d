#pragma once
// A throwaway 3-node MariaDB Galera cluster on loopback, for tests: each
// node's config rendered from deploy/galera/node.cnf.in, node 1 bootstrapped,
// nodes 2 and 3 joined by SST, every process started and stopped by its PID.

#include <chrono>
#include <string>
#include <vector>

namespace planflow::test {

/// The four ports of node `node` (1-based) for a cluster whose ports start
/// at `base`: SQL base+100+node, group communication base+200+node, IST
/// base+300+node, SST base+400+node (24101, 24201, 24301, 24401 for node 1
/// with the default base).
struct galera_ports {
  unsigned short sql, gcomm, ist, sst;
};
galera_ports galera_ports_of(unsigned short base, int node);

/// Below Linux's ephemeral range (32768-60999), where no outgoing connection
/// of another test can hold one of them when a node (or its rsync) binds it.
inline constexpr unsigned short k_galera_default_base_port = 24000;

/// deploy/galera/node.cnf.in with node `node`'s directory, OS user and ports.
std::string render_galera_config(const std::string& template_text, int node, const std::string& dir,
                                 const std::string& user, unsigned short base_port);

/// The template as committed.
std::string galera_config_template();

class galera_cluster {
 public:
  static constexpr int k_nodes = 3;

  /// Why no cluster can run on this machine ("" when one can): galera-4,
  /// mariadbd or rsync missing.
  static std::string unavailable_reason();

  /// Starts the cluster (a free set of ports from `base_port` on) and waits
  /// until every node is Synced; creates the user planflow. Throws, having
  /// stopped what it started, when a node does not come up.
  explicit galera_cluster(unsigned short base_port = k_galera_default_base_port);
  /// Stops nodes 3, 2, 1 by PID, each waited for, and removes the datadirs.
  ~galera_cluster();
  galera_cluster(const galera_cluster&) = delete;
  galera_cluster& operator=(const galera_cluster&) = delete;

  /// mysql://… for planflow through node `node`, on `database`.
  std::string url(int node, const std::string& database) const;
  /// Drops and creates `database` (through node 1; DDL reaches every node).
  void fresh_database(const std::string& database) const;

  /// Runs SQL as root on node `node`; the client's tab-separated output. Throws on failure.
  std::string query(int node, const std::string& sql) const;
  /// A global status variable of node `node` ("" when the node does not answer).
  std::string status(int node, const std::string& variable) const;
  /// True when the node is Synced, ready and in the primary component.
  bool synced(int node) const;
  /// Waits until node `node` is synced; throws (with its log) when it is not within `limit` or it died.
  void wait_synced(int node, std::chrono::seconds limit = std::chrono::seconds(90));

  /// SIGKILL to the node's PID: a crash, no shutdown.
  void kill9(int node);
  /// Starts a killed node again the way the notes say: --wsrep-recover reads
  /// the last committed position from InnoDB, --wsrep_start_position hands it
  /// to Galera, so the node catches up by IST (only what it missed) instead of
  /// a full copy. Waits until it is synced; returns the recovered position.
  std::string restart(int node);
  /// Cuts the node off the group communication (gmcast.isolate) or lets it
  /// back in. Cut off, it is alone: non-Primary, and refuses queries (1047).
  void isolate(int node, bool isolated);
  /// Brings every node back to Synced: restarts killed ones, ends isolation.
  void heal();

  bool running(int node) const;
  /// The node's error log.
  std::string log(int node) const;
  unsigned short base_port() const { return base_; }
  /// From nothing to three synced nodes.
  std::chrono::milliseconds start_time() const { return start_time_; }

 private:
  struct node_state {
    int pid = -1;
    bool isolated = false;
  };
  std::string node_dir(int node) const;
  std::string config_path(int node) const;
  void write_configs();
  void install_first_node();
  void launch(int node, const std::vector<std::string>& extra);
  void stop_all() noexcept;
  bool exited(int node);

  std::string dir_;
  std::string user_;
  unsigned short base_ = 0;
  node_state nodes_[k_nodes + 1];  // 1-based
  std::chrono::milliseconds start_time_{};
};

}  // namespace planflow::test
