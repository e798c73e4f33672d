#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <stdexcept>

namespace planflow::log {
namespace {

std::atomic<level> g_level{level::info};
std::mutex g_write_mutex;

std::string_view name_of(level lvl) {
  switch (lvl) {
    case level::debug: return "debug";
    case level::info: return "info";
    case level::warn: return "warn";
    case level::error: return "error";
    case level::off: return "off";
  }
  return "unknown";
}

}  // namespace

level parse_level(std::string_view name) {
  for (auto lvl : {level::debug, level::info, level::warn, level::error, level::off}) {
    if (name == name_of(lvl)) return lvl;
  }
  throw std::invalid_argument(fmt::format("unknown log level '{}' (debug, info, warn, error, off)", name));
}

void set_level(level min_level) { g_level.store(min_level, std::memory_order_relaxed); }

bool enabled(level lvl) { return lvl != level::off && lvl >= g_level.load(std::memory_order_relaxed); }

void write(level lvl, std::string_view message, boost::json::object fields) {
  if (!enabled(lvl)) return;
  boost::json::object line;
  line.reserve(fields.size() + 3);
  line["ts"] = format_iso(std::chrono::system_clock::now());
  line["level"] = name_of(lvl);
  line["msg"] = message;
  for (auto& field : fields) line[field.key()] = std::move(field.value());
  std::string text = boost::json::serialize(line);
  text.push_back('\n');
  // One fwrite per line under a lock keeps lines whole when threads log at once.
  std::lock_guard lock(g_write_mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace planflow::log
