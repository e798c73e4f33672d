#include <planflow/util/json_util.hpp>

#include <cmath>
#include <limits>

namespace planflow {

std::string pointer_append(std::string_view pointer, std::string_view key) {
  std::string out(pointer);
  out.push_back('/');
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out.push_back(c);
  }
  return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + '/' + std::to_string(index);
}

std::optional<std::int64_t> integer_of(const boost::json::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) {
    auto n = value.get_uint64();
    return n > std::uint64_t(std::numeric_limits<std::int64_t>::max()) ? std::numeric_limits<std::int64_t>::max()
                                                                       : std::int64_t(n);
  }
  if (value.is_double()) {
    double d = value.get_double();
    if (!std::isfinite(d) || std::trunc(d) != d) return std::nullopt;
    if (d >= 9.2e18) return std::numeric_limits<std::int64_t>::max();
    if (d <= -9.2e18) return std::numeric_limits<std::int64_t>::min();
    return std::int64_t(d);
  }
  return std::nullopt;
}

boost::json::value baht_json(std::int64_t satang) {
  if (satang % 100 == 0) return satang / 100;
  // One correctly rounded division of an exact integer: the nearest double.
  return static_cast<double>(satang) / 100.0;
}

boost::json::value number_or_null(const std::optional<double>& value) {
  if (!value) return nullptr;
  if (std::trunc(*value) == *value && std::fabs(*value) < 1e15) return static_cast<std::int64_t>(*value);
  return *value;
}

}  // namespace planflow
