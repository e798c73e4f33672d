#include <planflow/api/access.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/http/response_policy.hpp>

namespace planflow::api {

std::string_view bearer_token(const http::request& req) {
  auto header = req.header("authorization").value_or("");
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() <= scheme.size()) return {};
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != std::tolower(static_cast<unsigned char>(scheme[i])))
      return {};
  }
  return header.substr(scheme.size());
}

directory::user require_user(app::context& ctx, const http::request& req) {
  auto token = bearer_token(req);
  auto user = token.empty() ? std::nullopt : ctx.sessions.authenticate(token);
  if (!user) {
    throw error::problem(error::types::unauthenticated,
                         token.empty() ? error::messages::token_missing : error::messages::token_invalid);
  }
  return std::move(*user);
}

void add_route(http::router& r, app::context& ctx, http::method m, std::string pattern, policy::action what,
               signed_in_handler h) {
  r.add(
      m, std::move(pattern),
      [&ctx, what, h = std::move(h)](http::request& req) {
        auto user = require_user(ctx, req);
        if (auto why = policy::refusal_for_any(user, what)) throw std::move(*why);
        return h(req, user);
      },
      http::execution::blocking, std::string(policy::name(what)));
}

void add_route(http::router& r, app::context& ctx, http::method m, std::string pattern, policy::action what,
               handler_function h) {
  add_route(r, ctx, m, std::move(pattern), what,
            [&ctx, h](http::request& req, const directory::user& user) { return h(ctx, req, user); });
}

void add_public_route(http::router& r, http::method m, std::string pattern, http::handler h, http::execution how) {
  r.add(m, std::move(pattern), std::move(h), how, std::string(policy::name(policy::action::public_)));
}

boost::json::object user_json(const directory::user& user) {
  boost::json::array roles;
  for (const auto& g : user.roles) {
    roles.push_back({{"role", g.role}, {"province", g.province_code}, {"plan_type", g.plan_type}});
  }
  boost::json::object out{{"id", user.id},
                          {"username", user.username},
                          {"display_name", user.display_name},
                          {"active", user.active},
                          {"roles", std::move(roles)}};
  out["agency_id"] = user.agency_id ? boost::json::value(*user.agency_id) : boost::json::value(nullptr);
  return out;
}

}  // namespace planflow::api
