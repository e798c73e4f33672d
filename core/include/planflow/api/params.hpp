#pragma once
/// Reading path and query parameters, with problem responses naming them.

#include <planflow/http/message.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace planflow::api {

/// A positive integer id from the path; anything else is 404 (no such resource).
std::int64_t id_param(const http::request& req, const std::string& name = "id");

/// An optional integer query parameter within [min, max]; 400 naming it otherwise.
std::optional<std::int64_t> int_query(const http::request& req, const std::string& name, std::int64_t min,
                                      std::int64_t max);

/// The revision in `If-Match: "N"` (or N, or W/"N"); nullopt when absent, 400 when malformed.
std::optional<int> if_match_revision(const http::request& req);

}  // namespace planflow::api
