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
  /// or a duplicate method and pattern.
  void add(method m, std::string pattern, handler h, execution how = execution::blocking);

  /// True when the route this request would reach is registered inline_
  /// (or when no route matches: errors are cheap to produce).
  bool runs_inline(const request& req) const;

  /// Runs the matching handler. Never throws: problem_error becomes its
  /// problem response, any other exception a logged 500; no route is a 404,
  /// a route without this method a 405 with `Allow`. HEAD falls back to GET.
  response dispatch(request& req) const;

  /// Every registered (method, pattern), e.g. for checking the OpenAPI document.
  std::vector<std::pair<method, std::string>> routes() const;

 private:
  struct route {
    method verb;
    std::string pattern;
    std::vector<std::string> segments;  ///< "{x}" marks a capture
    handler fn;
    execution how;
  };
  static bool match(const route& r, const std::vector<std::string_view>& parts,
                    std::map<std::string, std::string>* captures);

  std::vector<route> routes_;
};

}  // namespace planflow::http
