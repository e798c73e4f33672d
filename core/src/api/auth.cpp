#include <planflow/api/access.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/http/json_body.hpp>

#include <boost/json/serialize.hpp>

namespace planflow::api {

void add_auth_routes(http::router& r, app::context& ctx) {
  r.add(http::method::post, "/api/v1/auth/login", [&ctx](http::request& req) {
    auto body = http::parse_json_body(req);
    std::vector<http::field_error> errors;
    http::object_reader in(body, errors);
    auto username = in.required_string("username", 64);
    auto password = in.required_string("password", 1024);
    in.reject_unknown();
    http::throw_if_invalid(std::move(errors));
    auto session = ctx.sessions.login(username, password, req.remote_address);
    boost::json::object out{{"token", session.token}, {"expires_at", session.expires_at}, {"user", user_json(session.user)}};
    auto res = http::response::json(200, boost::json::serialize(out));
    res.set_header("Cache-Control", "no-store");
    return res;
  });

  r.add(http::method::post, "/api/v1/auth/logout", [&ctx](http::request& req) {
    require_user(ctx, req);
    ctx.sessions.logout(bearer_token(req));
    return http::response::no_content();
  });

  r.add(http::method::get, "/api/v1/me", [&ctx](http::request& req) {
    return http::response::json(200, boost::json::serialize(user_json(require_user(ctx, req))));
  });
}

}  // namespace planflow::api
