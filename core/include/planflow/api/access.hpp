#pragma once
/// Who is calling, and what they may do: the checks every handler starts with.

#include <planflow/app/context.hpp>
#include <planflow/directory/users.hpp>
#include <planflow/http/message.hpp>
#include <planflow/http/router.hpp>
#include <planflow/policy/policy.hpp>

#include <boost/json/object.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace planflow::api {

/// The caller named by `Authorization: Bearer <token>`. Throws 401
/// `unauthenticated` (with WWW-Authenticate) when the token is missing,
/// unknown, expired or revoked.
directory::user require_user(app::context& ctx, const http::request& req);

/// A handler for a signed-in caller.
using signed_in_handler = std::function<http::response(http::request&, const directory::user&)>;

/// Registers a route for signed-in callers that needs `what`: the caller is
/// authenticated (401 otherwise), refused at once when no resource could
/// allow them `what` (policy::refusal_for_any), and handed to `h`, which asks
/// the policy about the resource itself. The route is labelled with the
/// action's name, so a test can hold every route against the policy's table.
void add_route(http::router& r, app::context& ctx, http::method m, std::string pattern, policy::action what,
               signed_in_handler h);

/// The same, for a handler that is a plain function of the context, the
/// request and the caller (how the API's handlers are written).
using handler_function = http::response (*)(app::context&, http::request&, const directory::user&);
void add_route(http::router& r, app::context& ctx, http::method m, std::string pattern, policy::action what,
               handler_function h);

/// Registers a route anyone may call (health, login, the API document).
void add_public_route(http::router& r, http::method m, std::string pattern, http::handler h,
                      http::execution how = http::execution::blocking);

/// The bearer token of the request, or "".
std::string_view bearer_token(const http::request& req);

/// A user as the API shows it (never the password hash).
boost::json::object user_json(const directory::user& user);

}  // namespace planflow::api
