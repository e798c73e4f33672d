#pragma once
/// Timestamps as planflow stores and logs them: ISO 8601, UTC, milliseconds.

#include <chrono>
#include <string>

namespace planflow {

/// "2026-11-23T10:00:00.123Z"
std::string format_iso(std::chrono::system_clock::time_point t);

}  // namespace planflow
