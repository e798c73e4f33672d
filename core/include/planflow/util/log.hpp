#pragma once
/// Structured logging: one JSON object per line on stderr, so that access logs
/// and diagnostics can be read by people and by log collectors alike.

#include <boost/json/object.hpp>

#include <string_view>

namespace planflow::log {

enum class level { debug = 0, info = 1, warn = 2, error = 3, off = 4 };

/// Parses "debug", "info", "warn", "error" or "off"; throws std::invalid_argument.
level parse_level(std::string_view name);

void set_level(level min_level);
bool enabled(level lvl);

/// Writes {"ts":..., "level":..., "msg":..., <fields>} as one line. Info and
/// debug lines reach stderr within ~20 ms; warnings and errors at once.
void write(level lvl, std::string_view message, boost::json::object fields = {});

/// The access log line, formatted without building a JSON object (it is
/// written once per request): method, path, status, duration in ms, remote.
void access(std::string_view method, std::string_view path, unsigned status, double duration_ms,
            std::string_view remote);

/// Writes out buffered lines now (before exit, or in tests that read the log).
void flush();

inline void debug(std::string_view m, boost::json::object f = {}) { write(level::debug, m, std::move(f)); }
inline void info(std::string_view m, boost::json::object f = {}) { write(level::info, m, std::move(f)); }
inline void warn(std::string_view m, boost::json::object f = {}) { write(level::warn, m, std::move(f)); }
inline void error(std::string_view m, boost::json::object f = {}) { write(level::error, m, std::move(f)); }

}  // namespace planflow::log
