#pragma once
/// Headers that answers get by rule rather than by each handler remembering
/// them, applied in one place (router::invoke) to every handler's answer,
/// problems included. A header the handler set itself is left alone.

#include <planflow/http/message.hpp>

#include <string_view>

namespace planflow::http {

/// The challenge of every 401 (RFC 9110 11.6.1): the API takes bearer tokens only.
inline constexpr std::string_view k_bearer_challenge = R"(Bearer realm="planflow")";

/// Completes `res`, the answer to `req`:
/// - a 401 gets WWW-Authenticate;
/// - the answer to a request with credentials (Authorization) gets
///   `Cache-Control: no-store` unless the handler chose its caching: what one
///   user was shown must not be kept by a shared cache, or by the browser of
///   a shared office computer, for the next. Public routes asked without
///   credentials and static files keep their own caching.
void apply_response_policy(const request& req, response& res);

}  // namespace planflow::http
