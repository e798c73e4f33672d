#pragma once
/// Timestamps as planflow stores and logs them: ISO 8601, UTC, milliseconds.

#include <chrono>
#include <string>

namespace planflow {

/// "2026-11-23T10:00:00.123Z"
std::string format_iso(std::chrono::system_clock::time_point t);

/// The inverse of format_iso, for timestamps planflow wrote itself; throws
/// std::invalid_argument for anything else.
std::chrono::system_clock::time_point parse_iso(const std::string& text);

/// RFC 9110 IMF-fixdate, for the Date header: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string format_http_date(std::chrono::system_clock::time_point t);

}  // namespace planflow
