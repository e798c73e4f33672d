#include <planflow/storage/cluster.hpp>
#include <planflow/storage/row.hpp>

#include <string>

namespace planflow::storage {

bool wsrep_on(soci::session& sql, backend kind) {
  if (kind != backend::mysql) return false;
  // SHOW, not SELECT @@wsrep_on: MySQL without Galera has no such variable
  // (SHOW answers no row), and SELECT is refused by a non-primary node.
  soci::rowset<soci::row> rows = (sql.prepare << "SHOW GLOBAL VARIABLES LIKE 'wsrep_on'");
  for (const auto& row : rows) return column_text(row, 1) == "ON";
  return false;
}

std::optional<galera_node> galera_state(soci::session& sql, backend kind) {
  if (!wsrep_on(sql, kind)) return std::nullopt;
  galera_node node;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment', "
                      "'wsrep_cluster_status', 'wsrep_cluster_size')");
  for (const auto& row : rows) {
    const auto name = column_text(row, 0);
    const auto value = column_text(row, 1);
    if (name == "wsrep_ready") node.ready = value == "ON";
    if (name == "wsrep_local_state_comment") node.local_state = value;
    if (name == "wsrep_cluster_status") node.cluster_status = value;
    if (name == "wsrep_cluster_size") node.cluster_size = value.empty() ? 0 : std::stoi(value);
  }
  return node;
}

}  // namespace planflow::storage
