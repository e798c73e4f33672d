#include <planflow/api/access.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/storage/cluster.hpp>
#include <planflow/storage/migrations.hpp>

#include <optional>

namespace planflow::api {
namespace {

error::problem not_reachable() {
  return error::problem(error::types::not_ready, error::messages::database_unreachable);
}

boost::json::object describe(const storage::galera_node& node) {
  return {{"wsrep_ready", node.ready},
          {"wsrep_local_state_comment", node.local_state},
          {"wsrep_cluster_status", node.cluster_status},
          {"wsrep_cluster_size", node.cluster_size}};
}

// What the Galera node behind this instance says of itself (nullopt off
// Galera). Read with SHOW only: a node that lost quorum still answers it.
std::optional<storage::galera_node> galera_node_of(storage::database& db) {
  try {
    storage::lease session(db);
    return storage::galera_state(*session, db.backend());
  } catch (const std::exception&) {
    throw not_reachable();
  }
}

}  // namespace

void add_health_routes(http::router& r, app::context& ctx) {
  // Liveness says only that the process answers: it must not depend on the
  // database, or an orchestrator would restart a healthy server during a DB outage.
  add_public_route(
      r, http::method::get, "/healthz",
      [](http::request&) { return http::response::json(200, std::string(R"({"status":"ok"})")); },
      http::execution::inline_);

  // Readiness is what a load balancer routes by, so it only reads: DDL here
  // would be replicated to the whole cluster on every health check.
  add_public_route(r, http::method::get, "/readyz", [&ctx](http::request&) {
    const auto galera = galera_node_of(ctx.db);
    // A node outside the primary component, or still catching up (joiner,
    // donor), accepts connections but must get no traffic.
    if (galera && !galera->serves()) {
      throw error::problem(error::types::not_ready, error::messages::node_not_synced)
          .with_extension("galera", describe(*galera));
    }
    if (!ctx.db.ping()) throw not_reachable();
    auto status = storage::inspect_migrations(ctx.db);
    if (!status.pending.empty()) {
      boost::json::array pending(status.pending.begin(), status.pending.end());
      throw error::problem(error::types::not_ready, error::messages::migrations_pending)
          .with_extension("pending_migrations", std::move(pending));
    }
    boost::json::object body{{"status", "ready"},
                             {"database", ctx.db.backend() == storage::backend::sqlite ? "sqlite" : "mysql"},
                             {"schema_version", status.applied.empty() ? 0 : status.applied.back()}};
    if (galera) body["galera"] = describe(*galera);
    return http::response::json(200, body);
  });
}

}  // namespace planflow::api
