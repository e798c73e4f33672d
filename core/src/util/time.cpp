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

std::string format_http_date(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  // Fixed English names: the format is not localised (RFC 9110 5.6.7).
  static constexpr const char* k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto secs = floor<seconds>(t);
  auto day = floor<days>(secs);
  year_month_day date{day};
  hh_mm_ss<seconds> time{secs - day};
  return fmt::format("{}, {:02d} {} {:04d} {:02d}:{:02d}:{:02d} GMT", k_days[weekday(day).c_encoding()],
                     unsigned(date.day()), k_months[unsigned(date.month()) - 1], int(date.year()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

}  // namespace planflow
