#pragma once
/// MariaDB Galera Cluster as the storage layer sees it: whether the server
/// replicates (wsrep_on) and what the node behind a connection says of itself.
/// Everything here reads with SHOW, which a node answers even when it has
/// left the primary component and refuses every other query (error 1047).

#include <planflow/storage/database.hpp>

#include <optional>
#include <string>

namespace planflow::storage {

/// One node's view of itself (the wsrep status variables of the same names).
struct galera_node {
  bool ready = false;          ///< wsrep_ready: the node accepts queries
  std::string local_state;     ///< wsrep_local_state_comment: Synced, Joining, Joined, Donor/Desynced, Initialized…
  std::string cluster_status;  ///< wsrep_cluster_status: Primary, non-Primary or Disconnected
  int cluster_size = 0;        ///< wsrep_cluster_size: the members this node sees

  /// True when the node may serve traffic: in the primary component, ready,
  /// and caught up with the cluster (a joiner or a donor is not).
  bool serves() const noexcept { return ready && local_state == "Synced" && cluster_status == "Primary"; }
};

/// True when the server behind `sql` replicates with Galera (global wsrep_on
/// is ON). Always false on SQLite; false on MySQL/MariaDB without Galera.
bool wsrep_on(soci::session& sql, backend kind);

/// The Galera state of the node behind `sql`, or nullopt when wsrep is off.
std::optional<galera_node> galera_state(soci::session& sql, backend kind);

}  // namespace planflow::storage
