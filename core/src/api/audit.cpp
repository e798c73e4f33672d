#include <planflow/api/access.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/audit/log.hpp>

namespace planflow::api {
namespace {

boost::json::object break_json(const audit::break_point& b) {
  boost::json::object out{{"part", b.part}, {"reason", b.reason}};
  if (b.part == "chain") {
    out["entity"] = b.entity;
    out["entity_id"] = b.entity_id;
  }
  if (b.chain_seq) out[b.part == "legacy" ? "seq" : "chain_seq"] = *b.chain_seq;
  if (b.entry_id) out["entry"] = *b.entry_id;
  if (b.checkpoint_id) out["checkpoint"] = *b.checkpoint_id;
  return out;
}

// intact, entries, first_broken and reason keep the meaning they had with
// the single chain; the rest says where in the chains or checkpoints.
boost::json::object verification_json(const audit::verification& v) {
  boost::json::object out{{"intact", v.intact},
                          {"entries", v.entries},
                          {"legacy_entries", v.legacy_entries},
                          {"chains", v.chains},
                          {"checkpoints", v.checkpoints}};
  if (v.latest_checkpoint) {
    out["latest_checkpoint"] = {
        {"id", v.latest_checkpoint->id}, {"at", v.latest_checkpoint->at}, {"digest", v.latest_checkpoint->digest}};
  }
  if (!v.breaks.empty()) {
    if (auto first = v.first_broken()) out["first_broken"] = *first;
    out["reason"] = audit::describe(v.breaks.front());
    out["broken"] = break_json(v.breaks.front());
    boost::json::array all;
    for (const auto& b : v.breaks) all.push_back(break_json(b));
    out["breaks"] = std::move(all);
  }
  return out;
}

http::response verify_audit_log(app::context& ctx) {
  storage::lease session(ctx.db);
  auto v = audit::verify(*session, ctx.db.backend(), ctx.audit_public_key);
  return http::response::json(200, verification_json(v));
}

}  // namespace

void add_audit_routes(http::router& r, app::context& ctx) {
  add_route(r, ctx, http::method::get, "/api/v1/audit/verify", policy::action::verify_audit,
            [&ctx](http::request&, const directory::user&) { return verify_audit_log(ctx); });
}

}  // namespace planflow::api
