#include "audited.hpp"

#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/directory/delegations.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>

#include <regex>

namespace planflow::api {
namespace {

http::response list_delegations(app::context& ctx, const directory::user& user) {
  storage::lease session(ctx.db);
  boost::json::array items;
  for (const auto& d : directory::delegations_of(*session, user.id)) {
    items.push_back({{"id", d.id},
                     {"from_user", d.from_user_id},
                     {"to_user", d.to_user_id},
                     {"role", d.role},
                     {"valid_from", d.valid_from},
                     {"valid_to", d.valid_to},
                     {"revoked_at", d.revoked_at ? boost::json::value(*d.revoked_at) : nullptr}});
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

// A user delegates one of their own roles; an administrator may record a
// delegation on someone's behalf (from_user).
http::response create_delegation(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  directory::delegation d;
  d.from_user_id = in.optional_int("from_user", 1, std::numeric_limits<std::int64_t>::max()).value_or(user.id);
  d.to_user_id = in.required_int("to_user", 1, std::numeric_limits<std::int64_t>::max());
  d.role = in.required_string("role", 32);
  d.valid_from = in.optional_string("valid_from", 32).value_or(storage::now_iso());
  d.valid_to = in.required_string("valid_to", 32);
  in.reject_unknown();
  auto iso = std::regex(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)?)");
  for (auto* field : {&d.valid_from, &d.valid_to}) {
    if (!field->empty() && !std::regex_match(*field, iso)) {
      errors.push_back({field == &d.valid_from ? "/valid_from" : "/valid_to", error::messages::not_iso_date});
    } else if (field->size() == 10) {
      *field += "T00:00:00.000Z";
    }
  }
  if (d.valid_to <= d.valid_from) errors.push_back({"/valid_to", error::messages::must_follow_valid_from});
  if (d.from_user_id == d.to_user_id) errors.push_back({"/to_user", error::messages::someone_else});
  error::throw_if_invalid(std::move(errors));
  policy::require(policy::actor_of(user), policy::action::delegate_role, policy::resource::owned_by(d.from_user_id));
  d.created_by = user.id;
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    auto from = directory::find_user(sql, d.from_user_id);
    if (!from) throw error::invalid("/from_user", error::messages::no_such_user);
    if (!directory::find_user(sql, d.to_user_id)) throw error::invalid("/to_user", error::messages::no_such_user);
    if (!from->has_role(d.role)) throw error::invalid("/role", error::messages::role_not_held);
    if (d.role == "admin") throw error::invalid("/role", error::messages::admin_not_delegable);
    d.id = directory::create_delegation(sql, d);
    audit_change(sql, ctx, user, req, "delegation.create", "delegation", std::to_string(d.id),
                 {{"from_user", d.from_user_id},
                  {"to_user", d.to_user_id},
                  {"role", d.role},
                  {"valid_from", d.valid_from},
                  {"valid_to", d.valid_to}});
  });
  boost::json::object out{{"id", d.id},     {"from_user", d.from_user_id}, {"to_user", d.to_user_id},
                          {"role", d.role}, {"valid_from", d.valid_from},  {"valid_to", d.valid_to}};
  return http::response::json(201, out);
}

http::response revoke_delegation(app::context& ctx, http::request& req, const directory::user& user) {
  const auto id = id_param(req);
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    auto d = directory::find_delegation(sql, id);
    if (!d) throw error::not_found(error::messages::delegation_not_found);
    policy::require(policy::actor_of(user), policy::action::revoke_delegation,
                    policy::resource::owned_by(d->from_user_id));
    if (!directory::revoke_delegation(sql, id)) throw error::conflict(error::messages::delegation_revoked);
    audit_change(sql, ctx, user, req, "delegation.revoke", "delegation", std::to_string(id), {});
  });
  return http::response::no_content();
}

}  // namespace

void add_delegation_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::get, "/api/v1/delegations", action::use_account,
            [&ctx](http::request&, const directory::user& user) { return list_delegations(ctx, user); });
  add_route(r, ctx, http::method::post, "/api/v1/delegations", action::delegate_role,
            [&ctx](http::request& req, const directory::user& user) { return create_delegation(ctx, req, user); });
  add_route(r, ctx, http::method::delete_, "/api/v1/delegations/{id}", action::revoke_delegation,
            [&ctx](http::request& req, const directory::user& user) { return revoke_delegation(ctx, req, user); });
}

}  // namespace planflow::api
