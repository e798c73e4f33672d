#include <planflow/http/response_policy.hpp>

namespace planflow::http {

void apply_response_policy(const request& req, response& res) {
  // A client library only retries with credentials when challenged; the
  // login's own 401 (a wrong password) is one too.
  if (res.status == 401 && !res.header("WWW-Authenticate")) res.set_header("WWW-Authenticate", std::string(k_bearer_challenge));
  if (req.header("authorization") && !res.header("Cache-Control")) res.set_header("Cache-Control", "no-store");
}

}  // namespace planflow::http
