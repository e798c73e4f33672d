#include <planflow/http/response_policy.hpp>

namespace planflow::http {

void apply_response_policy(const request& req, response& res) {
  // A client library only retries with credentials when challenged; the
  // login's own 401 (a wrong password) is one too.
  if (res.status == 401 && !res.header("WWW-Authenticate"))
    res.set_header("WWW-Authenticate", std::string(k_bearer_challenge));
  res.set_header("X-Content-Type-Options", "nosniff");
  if (res.header("Content-Type").value_or("").starts_with("text/html") && !res.header("Content-Security-Policy")) {
    res.set_header("Content-Security-Policy", std::string(k_html_fallback_csp));
  }
  if (req.header("authorization") && !res.header("Cache-Control")) res.set_header("Cache-Control", "no-store");
}

}  // namespace planflow::http
