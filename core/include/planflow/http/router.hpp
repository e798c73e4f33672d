#pragma once
/// Maps method and path to a handler. Patterns are literal segments and
/// `{name}` captures: "/api/v1/plans/{id}/actions/{action}".

#include <planflow/http/message.hpp>

#include <functional>
#include <string>
#include <vector>

namespace planflow::http {

using handler = std::function<response(request&)>;

/// Whether a handler may block. Blocking ones (anything touching the database)
/// run on the worker pool; inline ones run on the I/O thread, which saves two
/// thread hops for cheap answers such as /healthz.
enum class execution { blocking, inline_ };

class router {
 public:
  /// Registers a route; throws std::invalid_argument for a malformed pattern
  /// or a duplicate method and pattern. `guard` names what protects it (the
  /// API labels each route with the access action it needs), for tests that
  /// hold every route against an access table.
  void add(method m, std::string pattern, handler h, execution how = execution::blocking, std::string guard = {});

  /// The route a request reaches, found once and then invoked (the server
  /// needs to know how a handler runs before running it).
  struct resolution {
    const handler* fn = nullptr;         ///< null when no route takes this method here
    execution how = execution::inline_;  ///< a 404 or 405 is cheap to answer
    std::string allow;                   ///< the methods this path takes, when fn is null
  };

  /// Finds the route for the request's method and path and stores its
  /// captures in req.path_params. HEAD falls back to GET.
  resolution resolve(request& req) const;

  /// Runs a resolved handler. Never throws: an error::problem becomes its problem
  /// response, any other exception a logged 500; no route is a 404, a route
  /// without this method a 405 with `Allow`. The answer then gets the
  /// headers of apply_response_policy.
  static response invoke(const resolution& match, request& req);

  response dispatch(request& req) const { return invoke(resolve(req), req); }

  /// Every registered (method, pattern), e.g. for checking the OpenAPI document.
  std::vector<std::pair<method, std::string>> routes() const;

  struct route_info {
    method verb;
    std::string pattern;
    std::string guard;
  };
  /// Every route with its guard.
  std::vector<route_info> route_table() const;

 private:
  struct route {
    method verb;
    std::string pattern;
    std::vector<std::string> segments;  ///< "{x}" marks a capture
    handler fn;
    execution how;
    std::string guard;
  };
  static response run(const resolution& match, request& req);
  static bool match(const route& r, const std::vector<std::string_view>& parts,
                    std::map<std::string, std::string>* captures);

  std::vector<route> routes_;
};

}  // namespace planflow::http
