#pragma once
/// Headers that answers get by rule rather than by each handler remembering
/// them, applied in one place (router::invoke) to every handler's answer,
/// problems included. A header the handler set itself is left alone.

#include <planflow/http/message.hpp>

#include <string_view>

namespace planflow::http {

/// The challenge of every 401 (RFC 9110 11.6.1): the API takes bearer tokens only.
inline constexpr std::string_view k_bearer_challenge = R"(Bearer realm="planflow")";

/// For HTML whose handler said nothing: a page that may load, run and submit nothing.
inline constexpr std::string_view k_html_fallback_csp =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Completes `res`, the answer to `req`:
/// - a 401 gets WWW-Authenticate;
/// - the answer to a request with credentials (Authorization) gets
///   `Cache-Control: no-store` unless the handler chose its caching: what one
///   user was shown must not be kept by a shared cache, or by the browser of
///   a shared office computer, for the next. Public routes asked without
///   credentials and static files keep their own caching;
/// - every answer gets `X-Content-Type-Options: nosniff`, so a browser never
///   reads JSON, CSV or a download as HTML or script;
/// - an HTML answer without a Content-Security-Policy gets k_html_fallback_csp.
void apply_response_policy(const request& req, response& res);

}  // namespace planflow::http
