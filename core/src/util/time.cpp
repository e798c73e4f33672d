#include <planflow/util/time.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <stdexcept>

namespace planflow {

std::string format_iso(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  auto ms = floor<milliseconds>(t);
  auto day = floor<days>(ms);
  year_month_day date{day};
  hh_mm_ss<milliseconds> time{ms - day};
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:03d}Z", int(date.year()), unsigned(date.month()),
                     unsigned(date.day()), time.hours().count(), time.minutes().count(), time.seconds().count(),
                     time.subseconds().count());
}

std::chrono::system_clock::time_point parse_iso(const std::string& text) {
  using namespace std::chrono;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0, used = 0;
  const int read = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ%n", &y, &mo, &d, &h, &mi, &s, &ms, &used);
  const year_month_day date{year(y), month(unsigned(mo)), day(unsigned(d))};
  if (read != 7 || std::size_t(used) != text.size() || text.size() != 24 || !date.ok() || h > 23 || mi > 59 || s > 59) {
    throw std::invalid_argument("not a planflow timestamp: '" + text + "'");
  }
  return sys_days(date) + hours(h) + minutes(mi) + seconds(s) + milliseconds(ms);
}

}  // namespace planflow
