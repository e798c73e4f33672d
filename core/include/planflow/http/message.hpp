#pragma once
/// Transport-neutral request and response types. Handlers see only these, so
/// that Boost.Beast stays inside the server's own translation unit.

#include <boost/json/fwd.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planflow::http {

enum class method { get, head, post, put, patch, delete_, options, other };

std::string_view to_string(method m);
method method_from_string(std::string_view name);

struct request {
  http::method method = method::get;
  std::string method_name;                        ///< as sent, for logs and 405 answers
  std::string target;                             ///< path and query as sent
  std::string path;                               ///< percent-decoded path
  std::multimap<std::string, std::string> query;  ///< decoded query parameters
  std::map<std::string, std::string> headers;     ///< names lower-cased
  std::string body;
  std::string remote_address;
  std::map<std::string, std::string> path_params;  ///< filled by the router

  /// The header's value, if present (name must be lower case).
  std::optional<std::string_view> header(std::string_view name) const;
  /// The first value of a query parameter, if present.
  std::optional<std::string_view> query_param(std::string_view name) const;
  /// A path parameter captured by the route; throws if the route has none.
  const std::string& path_param(std::string_view name) const;
};

struct response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;

  /// A JSON answer from text already written (a stored or hashed body).
  static response json(int status, std::string body);
  /// A JSON answer written by json_text, so that every amount and percentage
  /// reaches the client as a plain decimal (30500, 12.5), never as 3.05E4:
  /// handlers pass the value and leave the writing to this one place.
  static response json(int status, const boost::json::value& body);
  static response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static response no_content();
};

}  // namespace planflow::http
