#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace planflow::log {
namespace {

std::atomic<level> g_level{level::info};

std::string_view name_of(level lvl) {
  switch (lvl) {
    case level::debug:
      return "debug";
    case level::info:
      return "info";
    case level::warn:
      return "warn";
    case level::error:
      return "error";
    case level::off:
      return "off";
  }
  return "unknown";
}

// Lines are gathered in memory and written by a background thread every few
// milliseconds: one write(2) per line costs a quarter of the server's
// throughput under load. Warnings and errors are written at once, so nothing
// that explains a crash waits in the buffer.
class sink {
 public:
  sink() : flusher_([this] { run(); }) {}
  ~sink() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    flusher_.join();
    flush();
  }

  void append(std::string_view line, bool urgent) {
    std::unique_lock lock(mutex_);
    pending_.append(line);
    if (urgent || pending_.size() >= k_max_pending) write_out(lock);
  }

  void flush() {
    std::unique_lock lock(mutex_);
    write_out(lock);
  }

 private:
  static constexpr std::size_t k_max_pending = 256 * 1024;

  void write_out(std::unique_lock<std::mutex>&) {
    std::size_t done = 0;
    while (done < pending_.size()) {
      auto n = ::write(STDERR_FILENO, pending_.data() + done, pending_.size() - done);
      if (n <= 0) break;  // nowhere to report a failing stderr
      done += std::size_t(n);
    }
    pending_.clear();
  }

  void run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, std::chrono::milliseconds(20));
      if (!pending_.empty()) write_out(lock);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::string pending_;
  bool stopping_ = false;
  std::thread flusher_;
};

sink& the_sink() {
  static sink instance;
  return instance;
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
  std::string line;
  line.reserve(160);
  line += R"({"ts":")";
  line += format_iso(std::chrono::system_clock::now());
  line += R"(","level":")";
  line += name_of(lvl);
  line += R"(","msg":)";
  line += boost::json::serialize(boost::json::string_view(message.data(), message.size()));
  for (const auto& field : fields) {
    line += ',';
    line += boost::json::serialize(field.key());
    line += ':';
    line += boost::json::serialize(field.value());
  }
  line += "}\n";
  the_sink().append(line, lvl >= level::warn);
}

void access(std::string_view method, std::string_view path, unsigned status, double duration_ms,
            std::string_view remote) {
  if (!enabled(level::info)) return;
  auto quoted = [](std::string_view text) {
    return boost::json::serialize(boost::json::string_view(text.data(), text.size()));
  };
  auto line = fmt::format(R"({{"ts":"{}","level":"info","msg":"request","method":{},"path":{},"status":{},)"
                          R"("duration_ms":{:.3f},"remote":{}}})"
                          "\n",
                          format_iso(std::chrono::system_clock::now()), quoted(method), quoted(path), status,
                          duration_ms, quoted(remote));
  the_sink().append(line, false);
}

void flush() { the_sink().flush(); }

}  // namespace planflow::log
