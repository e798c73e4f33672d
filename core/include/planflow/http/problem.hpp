#pragma once
/// Errors above the socket layer are thrown as problem_error and turned into
/// RFC 9457 application/problem+json responses in exactly one place (the
/// router's dispatch). The `type` of each problem is a stable URN.

#include <planflow/http/message.hpp>

#include <boost/json/object.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace planflow::http {

/// One offending input field: `pointer` is a JSON Pointer into the request
/// body ("/title") or a query/header name prefixed by its place ("query:limit").
struct field_error {
  std::string pointer;
  std::string detail;
  /// A stable machine-readable code, and what it is about as data; both are
  /// written only when `code` is set (e.g. the findings of invalid-workflow).
  std::string code = {};
  boost::json::object params = {};
};

class problem_error : public std::runtime_error {
 public:
  /// `slug` becomes the type "urn:planflow:problem:<slug>".
  problem_error(int status, std::string slug, std::string title, std::string detail = {});

  problem_error& with_errors(std::vector<field_error> errors);
  problem_error& with_header(std::string name, std::string value);
  problem_error& with_extension(std::string key, boost::json::value value);

  int status() const noexcept { return status_; }
  const std::string& slug() const noexcept { return slug_; }
  const std::string& title() const noexcept { return title_; }
  const std::string& detail() const noexcept { return detail_; }
  const std::vector<field_error>& errors() const noexcept { return errors_; }

  http::response to_response() const;

 private:
  int status_;
  std::string slug_;
  std::string title_;
  std::string detail_;
  std::vector<field_error> errors_;
  std::vector<std::pair<std::string, std::string>> headers_;
  boost::json::object extensions_;
};

/// The problem a handler's exception stands for: itself for a problem_error;
/// 503 with Retry-After when the database is unavailable or kept conflicting;
/// 409 `already-exists` naming the field for a unique key; otherwise a
/// logged 500 (`where` says which request, for the log).
problem_error to_problem(const std::exception& e, const std::string& where);

/// Builds a problem response directly, for the server layer that has no handler.
http::response problem_response(int status, std::string slug, std::string title, std::string detail = {});

// The problems every endpoint can raise, so their types stay the same everywhere.
problem_error bad_request(std::string detail);
problem_error not_found(std::string detail = "The requested resource does not exist.");
problem_error validation_failed(std::vector<field_error> errors);
problem_error conflict(std::string detail);
problem_error unsupported_media_type(std::string detail);

}  // namespace planflow::http
