#include <planflow/util/time.hpp>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace planflow {

std::string format_iso(std::chrono::system_clock::time_point t) {
  auto ms = std::chrono::floor<std::chrono::milliseconds>(t);
  auto secs = std::chrono::floor<std::chrono::seconds>(ms);
  return fmt::format("{:%FT%T}.{:03d}Z", secs, (ms - secs).count());
}

}  // namespace planflow
