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

}  // namespace planflow
