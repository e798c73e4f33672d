#pragma once
/// Entity tags and the conditional headers that list them, If-Match and
/// If-None-Match (RFC 9110 8.8.3, 13.1.1, 13.1.2).

#include <planflow/http/message.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::http {

struct entity_tag {
  bool weak = false;
  std::string opaque;  ///< with its quotes, as in the ETag header: "\"3\""
};

/// An If-Match or If-None-Match value: `*`, or a list of entity tags.
struct tag_condition {
  bool any = false;
  std::vector<entity_tag> tags;

  /// If-Match: a strong tag equal to the strong `etag`; a weak tag never matches.
  bool matches_strongly(std::string_view etag) const;
  /// If-None-Match: equal opaque tags, weak or not (`etag` may be either).
  bool matches_weakly(std::string_view etag) const;
};

/// Reads a field value; nullopt when it is neither `*` nor a list of entity
/// tags (empty list elements are skipped, as RFC 9110 5.6.1 asks).
std::optional<tag_condition> parse_tag_condition(std::string_view value);

/// The request's `name` header ("If-Match", "If-None-Match") read by
/// parse_tag_condition; nullopt when absent. A malformed one throws 400
/// `invalid-header` naming `header:<name>`.
std::optional<tag_condition> read_tag_condition(const request& req, std::string_view name);

}  // namespace planflow::http
