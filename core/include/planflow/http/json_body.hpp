#pragma once
/// Reading JSON request bodies with errors that name every offending field.

#include <planflow/error/problem.hpp>
#include <planflow/http/message.hpp>
#include <planflow/util/json_util.hpp>
#include <planflow/util/utf8.hpp>

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::http {

/// The body as JSON, read by planflow::parse_json (every double exactly as
/// written). Throws 415 unless the Content-Type is JSON; 400
/// `malformed-json` for bad syntax, invalid UTF-8 or nesting deeper than 32,
/// with the byte offset and the JSON Pointer of the value where reading
/// stopped; 422 `validation-failed` naming every number no stored document
/// may hold (1e999, 1e-400, integers beyond int64), so no route can store one.
boost::json::value parse_json_body(const request& req);

using planflow::pointer_append;

using planflow::utf8_length;

/// Reads the members of one JSON object, collecting an error::field for each
/// missing, mistyped, out-of-range or unknown member instead of stopping at
/// the first, so that a client can fix everything in one round trip.
using error::field;
class object_reader {
 public:
  object_reader(const boost::json::value& value, std::vector<field>& errors, std::string pointer = "");

  std::optional<std::string> optional_string(std::string_view key, std::size_t max_chars = 1000);
  std::string required_string(std::string_view key, std::size_t max_chars = 1000);
  std::optional<std::int64_t> optional_int(std::string_view key, std::int64_t min, std::int64_t max);
  std::int64_t required_int(std::string_view key, std::int64_t min, std::int64_t max);
  std::optional<bool> optional_bool(std::string_view key);
  /// Any JSON value, unchecked; nullptr when absent.
  const boost::json::value* optional_value(std::string_view key);
  const boost::json::value& required_value(std::string_view key);

  /// Records an error on a member of this object.
  void reject(std::string_view key, error::message_code code, boost::json::object params = {});
  const std::string& pointer() const noexcept { return pointer_; }

  /// Flags every member that was never read as unknown. Call once, last.
  void reject_unknown();

 private:
  const boost::json::value* lookup(std::string_view key);

  const boost::json::object* object_ = nullptr;
  std::vector<field>& errors_;
  std::string pointer_;
  std::set<std::string, std::less<>> seen_;
};

using error::throw_if_invalid;

}  // namespace planflow::http
