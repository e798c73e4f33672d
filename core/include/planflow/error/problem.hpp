#pragma once
/// The one error type of planflow: what went wrong as data (a problem type,
/// a message code with its parameters, the offending fields), so that the
/// HTTP layer, the command line and the web interface each word it in the
/// reader's language from the same catalog (api/messages.json). Code below
/// http/ throws it; the HTTP layer alone turns it into problem+json
/// (http::to_response).

#include <planflow/error/catalog.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace planflow::error {

/// One offending input: `pointer` is a JSON Pointer into the request body
/// ("/title", "/" for the body itself) or a place-prefixed name
/// ("query:limit", "header:If-Match", "body").
struct field {
  std::string pointer;
  message_code code;
  boost::json::object params = {};
};

class problem : public std::exception {
 public:
  problem(problem_type type, message_code code, boost::json::object params = {});

  problem& with_fields(std::vector<field> fields);
  /// A member beside the standard ones (`stage`, `guards`, `revision`, ...).
  problem& with_extension(std::string key, boost::json::value value);
  /// How long the client should wait before trying again.
  problem& with_retry_after(std::chrono::seconds wait);

  problem_type type() const noexcept { return type_; }
  message_code code() const noexcept { return code_; }
  const boost::json::object& params() const noexcept { return params_; }
  const std::vector<field>& fields() const noexcept { return fields_; }
  const boost::json::object& extensions() const noexcept { return extensions_; }
  std::optional<std::chrono::seconds> retry_after() const noexcept { return retry_after_; }

  /// The English detail, for logs and the command line.
  const char* what() const noexcept override { return english_.c_str(); }

 private:
  problem_type type_;
  message_code code_;
  boost::json::object params_;
  std::vector<field> fields_;
  boost::json::object extensions_;
  std::optional<std::chrono::seconds> retry_after_;
  std::string english_;
};

// The recurring kinds, so each keeps one type everywhere.

/// 404: the resource does not exist, or the caller may not know it does.
problem not_found(message_code code, boost::json::object params = {});
/// 403: the caller may never do this.
problem forbidden(message_code code, boost::json::object params = {});
/// 409: the state of things does not allow it now.
problem conflict(message_code code, boost::json::object params = {});
/// 400: the request cannot be read as asked.
problem bad_request(message_code code, boost::json::object params = {});
/// 422 validation-failed naming every offending field.
problem invalid(std::vector<field> fields);
problem invalid(std::string pointer, message_code code, boost::json::object params = {});
/// 400 invalid-parameter for the query parameter `name`.
problem invalid_parameter(std::string name, message_code code, boost::json::object params = {});
/// 400 invalid-header for the request header `name`.
problem invalid_header(std::string name, message_code code, boost::json::object params = {});

/// Throws invalid(fields) when there are any.
void throw_if_invalid(std::vector<field> fields);

/// The problem an exception stands for: itself for a problem; 503
/// database-unavailable with a retry time when the database is unreachable
/// or kept conflicting; 409 already-exists naming the field when a unique
/// key refused a row (the one place that mapping is made); otherwise a
/// logged 500 internal-error (`where` says which request, for the log).
problem to_problem(const std::exception& e, const std::string& where);

}  // namespace planflow::error
