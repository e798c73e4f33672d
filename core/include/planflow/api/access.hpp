#pragma once
/// Who is calling, and what they may do: the checks every handler starts with.

#include <boost/json/object.hpp>
#include <planflow/app/context.hpp>
#include <planflow/directory/users.hpp>
#include <planflow/http/message.hpp>
#include <string_view>

namespace planflow::api {

/// The caller named by `Authorization: Bearer <token>`. Throws 401
/// `unauthenticated` (with WWW-Authenticate) when the token is missing,
/// unknown, expired or revoked.
directory::user require_user(app::context& ctx, const http::request& req);

/// Throws 403 `forbidden` unless the user holds `role` in some scope.
void require_role(const directory::user& user, std::string_view role);

/// The bearer token of the request, or "".
std::string_view bearer_token(const http::request& req);

/// A user as the API shows it (never the password hash).
boost::json::object user_json(const directory::user& user);

}  // namespace planflow::api
