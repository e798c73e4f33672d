#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/http/json_body.hpp>

namespace planflow::api {
namespace {

http::response session_response(const auth::login_result& session) {
  boost::json::object out{
      {"token", session.token}, {"expires_at", session.expires_at}, {"user", user_json(session.user)}};
  auto res = http::response::json(200, out);
  res.set_header("Cache-Control", "no-store");
  return res;
}

http::response logout(app::context& ctx, http::request& req, const directory::user&) {
  ctx.sessions.logout(bearer_token(req));
  return http::response::no_content();
}

// One's own password: every session of the user ends (this one too) and
// the answer carries a new token, as a login would.
http::response change_own_password(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  auto current = in.required_string("current_password", 1024);
  auto replacement = in.required_string("new_password", 1024);
  in.reject_unknown();
  // An empty one is already refused as required.
  if (!replacement.empty()) check_new_password(replacement, "/new_password", errors);
  error::throw_if_invalid(std::move(errors));
  return session_response(ctx.sessions.change_password(user, current, replacement, req.remote_address));
}

http::response get_me(app::context&, http::request&, const directory::user& user) {
  return http::response::json(200, user_json(user));
}

}  // namespace

void add_auth_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_public_route(r, http::method::post, "/api/v1/auth/login", [&ctx](http::request& req) {
    auto body = http::parse_json_body(req);
    std::vector<error::field> errors;
    http::object_reader in(body, errors);
    auto username = in.required_string("username", 64);
    auto password = in.required_string("password", 1024);
    in.reject_unknown();
    error::throw_if_invalid(std::move(errors));
    return session_response(ctx.sessions.login(username, password, req.remote_address));
  });

  add_route(r, ctx, http::method::post, "/api/v1/auth/logout", action::use_account, logout);
  add_route(r, ctx, http::method::put, "/api/v1/me/password", action::use_account, change_own_password);
  add_route(r, ctx, http::method::get, "/api/v1/me", action::use_account, get_me);
}

}  // namespace planflow::api
