#include <planflow/api/routes.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/storage/migrations.hpp>

#include <boost/json/serialize.hpp>

namespace planflow::api {

void add_health_routes(http::router& r, app::context& ctx) {
  // Liveness says only that the process answers: it must not depend on the
  // database, or an orchestrator would restart a healthy server during a DB outage.
  r.add(http::method::get, "/healthz", [](http::request&) { return http::response::json(200, R"({"status":"ok"})"); },
        http::execution::inline_);

  r.add(http::method::get, "/readyz", [&ctx](http::request&) {
    if (!ctx.db.ping()) {
      throw http::problem_error(503, "not-ready", "Not ready", "The database is not reachable.");
    }
    auto status = storage::inspect_migrations(ctx.db);
    if (!status.pending.empty()) {
      boost::json::array pending(status.pending.begin(), status.pending.end());
      throw http::problem_error(503, "not-ready", "Not ready", "Database migrations are pending; run `planflow migrate`.")
          .with_extension("pending_migrations", std::move(pending));
    }
    boost::json::object body{{"status", "ready"},
                             {"database", ctx.db.backend() == storage::backend::sqlite ? "sqlite" : "mysql"},
                             {"schema_version", status.applied.empty() ? 0 : status.applied.back()}};
    return http::response::json(200, boost::json::serialize(body));
  });
}

}  // namespace planflow::api
