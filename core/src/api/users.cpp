#include "audited.hpp"

#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/auth/sessions.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/policy/policy.hpp>
#include <planflow/workflow/definition.hpp>

#include <algorithm>
#include <regex>
#include <tuple>

namespace planflow::api {
namespace {

bool is_known_role(const std::string& role) {
  const auto& known = workflow::known_roles();
  return std::ranges::find(known, role) != known.end();
}

// Reads {"role", "province"?, "plan_type"?} entries, checking each against
// the directory, with errors at their pointers.
std::vector<directory::role_grant> read_roles(soci::session& sql, app::context& ctx, const boost::json::value& value,
                                              std::vector<error::field>& errors) {
  std::vector<directory::role_grant> out;
  if (!value.is_array()) {
    errors.push_back({"/roles", error::messages::roles_shape});
    return out;
  }
  for (std::size_t i = 0; i < value.as_array().size(); ++i) {
    const std::string at = "/roles/" + std::to_string(i);
    http::object_reader in(value.as_array()[i], errors, at);
    directory::role_grant g;
    g.role = in.required_string("role", 32);
    g.province_code = in.optional_string("province", 8).value_or("");
    g.plan_type = in.optional_string("plan_type", 64).value_or("");
    in.reject_unknown();
    if (!g.role.empty() && !is_known_role(g.role)) errors.push_back({at + "/role", error::messages::unknown_role});
    if (!g.province_code.empty() && !directory::find_province(sql, g.province_code)) {
      errors.push_back({at + "/province", error::messages::not_province_code});
    }
    if (!g.plan_type.empty() && !ctx.plan_types.find(g.plan_type)) {
      errors.push_back({at + "/plan_type", error::messages::not_loaded_plan_type});
    }
    if (policy::is_committee_role(g.role) && g.province_code.empty()) {
      errors.push_back({at + "/province", error::messages::committee_needs_province});
    }
    if (std::ranges::find(out, g) != out.end()) errors.push_back({at, error::messages::repeated_role});
    out.push_back(std::move(g));
  }
  return out;
}

bool same_grants(std::vector<directory::role_grant> a, std::vector<directory::role_grant> b) {
  auto order = [](const directory::role_grant& x, const directory::role_grant& y) {
    return std::tie(x.role, x.province_code, x.plan_type) < std::tie(y.role, y.province_code, y.plan_type);
  };
  std::ranges::sort(a, order);
  std::ranges::sort(b, order);
  return a == b;
}

const std::regex k_username(R"([a-z0-9][a-z0-9._-]{1,63})");

http::response list_users(app::context& ctx) {
  storage::lease session(ctx.db);
  boost::json::array items;
  for (const auto& u : directory::list_users(*session)) items.push_back(user_json(u));
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response get_user(app::context& ctx, http::request& req, const directory::user& user) {
  const auto id = id_param(req);
  policy::require(policy::actor_of(user), policy::action::read_user, policy::resource::owned_by(id));
  storage::lease session(ctx.db);
  auto u = directory::find_user(*session, id);
  if (!u) throw error::not_found(error::messages::user_not_found);
  return http::response::json(200, user_json(*u));
}

// Creates a user (no id) or changes user `id`: names, agency, activity,
// roles and password, each only when sent.
http::response write_user(app::context& ctx, http::request& req, const directory::user& admin,
                          std::optional<std::int64_t> id) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  directory::new_user input;
  if (!id) {
    input.username = in.required_string("username", 64);
    if (!input.username.empty() && !std::regex_match(input.username, k_username)) {
      errors.push_back({"/username", error::messages::username_form});
    }
  }
  auto display = id ? in.optional_string("display_name", 200) : std::optional(in.required_string("display_name", 200));
  auto agency = in.optional_int("agency", 1, std::numeric_limits<std::int64_t>::max());
  auto password = in.optional_string("password", 1024);
  auto active = id ? in.optional_bool("active") : std::nullopt;
  const auto* roles_json = in.optional_value("roles");
  in.reject_unknown();
  if (!id && !password) errors.push_back({"/password", error::messages::required});
  if (password) check_new_password(*password, "/password", errors);
  error::throw_if_invalid(std::move(errors));

  std::optional<std::string> hash;
  if (password) hash = auth::hash_password(*password);  // slow on purpose: outside the transaction
  std::int64_t user_id = 0;
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    std::vector<error::field> found;
    std::vector<directory::role_grant> roles;
    if (roles_json) roles = read_roles(sql, ctx, *roles_json, found);
    if (agency && !directory::find_agency(sql, *agency)) found.push_back({"/agency", error::messages::no_such_agency});
    std::optional<directory::user> existing;
    if (id) {
      existing = directory::find_user(sql, *id);
      if (!existing) throw error::not_found(error::messages::user_not_found);
    }
    const bool has_agency = agency || (existing && existing->agency_id);
    for (std::size_t i = 0; i < roles.size(); ++i) {
      if ((roles[i].role == "agency_officer" || roles[i].role == "agency_head") && !has_agency) {
        found.push_back({"/roles/" + std::to_string(i) + "/role", error::messages::role_needs_agency});
      }
    }
    if (!id && directory::find_user_by_username(sql, input.username)) {
      throw error::problem(error::types::duplicate, error::messages::username_taken)
          .with_fields({{"/username", error::messages::username_in_use}});
    }
    error::throw_if_invalid(std::move(found));
    if (!id) {
      input.display_name = *display;
      input.agency_id = agency;
      input.password_hash = hash;
      input.roles = roles;
      user_id = directory::create_user(sql, input);
    } else {
      user_id = *id;
      const bool active_value = active.value_or(existing->active);
      directory::update_user(
          sql, user_id,
          {display.value_or(existing->display_name), agency ? agency : existing->agency_id, active_value});
      if (roles_json) directory::replace_roles(sql, user_id, roles);
      if (hash) directory::set_password_hash(sql, user_id, *hash);
      // A reset password, a deactivation or new rights end the user's
      // sessions at once: nobody keeps acting on what was true before.
      if (hash || !active_value || (roles_json && !same_grants(existing->roles, roles)) ||
          (agency && agency != existing->agency_id)) {
        auth::revoke_tokens_of(sql, user_id);
      }
    }
    auto saved = directory::find_user(sql, user_id);
    auto details = user_json(*saved);
    details["password_changed"] = hash.has_value();
    audit_change(sql, ctx, admin, req, id ? "user.update" : "user.create", "user", std::to_string(user_id), details);
  });
  storage::lease session(ctx.db);
  auto res = http::response::json(id ? 200 : 201, user_json(*directory::find_user(*session, user_id)));
  if (!id) res.set_header("Location", "/api/v1/users/" + std::to_string(user_id));
  return res;
}

// The committee of a province for a plan type: who holds committee roles there.
http::response get_committee(app::context& ctx, http::request& req) {
  auto province = std::string(req.query_param("province").value_or(""));
  auto plan_type = std::string(req.query_param("plan_type").value_or(""));
  if (province.empty()) {
    throw error::invalid_parameter("province", error::messages::required);
  }
  storage::lease session(ctx.db);
  boost::json::array members;
  for (const char* role : {"committee_chair", "committee_secretary", "committee_member"}) {
    for (auto id : directory::role_holders(*session, role, province, plan_type)) {
      auto u = directory::find_user(*session, id);
      members.push_back({{"user_id", id}, {"display_name", u->display_name}, {"role", role}});
    }
  }
  boost::json::object out{{"province", province}, {"plan_type", plan_type}, {"members", std::move(members)}};
  return http::response::json(200, out);
}

}  // namespace

void add_user_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::get, "/api/v1/users", action::administer_directory,
            [&ctx](http::request&, const directory::user&) { return list_users(ctx); });
  add_route(r, ctx, http::method::get, "/api/v1/users/{id}", action::read_user,
            [&ctx](http::request& req, const directory::user& user) { return get_user(ctx, req, user); });
  add_route(
      r, ctx, http::method::post, "/api/v1/users", action::administer_directory,
      [&ctx](http::request& req, const directory::user& user) { return write_user(ctx, req, user, std::nullopt); });
  add_route(
      r, ctx, http::method::put, "/api/v1/users/{id}", action::administer_directory,
      [&ctx](http::request& req, const directory::user& user) { return write_user(ctx, req, user, id_param(req)); });
  add_route(r, ctx, http::method::get, "/api/v1/committees", action::read_directory,
            [&ctx](http::request& req, const directory::user&) { return get_committee(ctx, req); });
}

}  // namespace planflow::api
