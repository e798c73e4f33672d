#include <planflow/util/json_text.hpp>

#include <boost/json/serialize.hpp>

#include <charconv>
#include <cmath>
#include <system_error>

namespace planflow {
namespace {

void write_double(double d, std::string& out) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  // A whole double keeps a fraction (30500.0, -0.0): read back, bare digits
  // are an integer, a different JSON value to Boost and to canonical_json,
  // so served content sent back unchanged would no longer be the same
  // content, and beyond int64 it would be refused. Amounts and percentages
  // planflow computes are integers when whole, so they read 30500 and 50.
  const auto text = decimal_text(d);
  out += text;
  if (text.find_first_of(".e") == std::string::npos) out += ".0";
}

void write(const boost::json::value& v, std::string& out) {
  switch (v.kind()) {
    case boost::json::kind::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& member : v.get_object()) {
        if (!first) out.push_back(',');
        first = false;
        out += boost::json::serialize(member.key());
        out.push_back(':');
        write(member.value(), out);
      }
      out.push_back('}');
      break;
    }
    case boost::json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        write(item, out);
      }
      out.push_back(']');
      break;
    }
    case boost::json::kind::double_:
      write_double(v.get_double(), out);
      break;
    default:  // null, bool, integers and strings: Boost's form is already plain
      out += boost::json::serialize(v);
  }
}

}  // namespace

std::string decimal_text(double d) {
  // The shortest round-trip digits either way: fixed notation below 1e21
  // has at most 21 digits before the point, and from 1e-6 at most 6 zeros
  // after it before the 17 significant ones; 64 bytes hold both forms.
  char buffer[64];
  const double magnitude = std::fabs(d);
  const auto format = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21) ? std::chars_format::fixed
                                                                                : std::chars_format::scientific;
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d, format);
  if (ec != std::errc{}) return boost::json::serialize(boost::json::value(d));
  return std::string(buffer, end);
}

std::string json_text(const boost::json::value& value) {
  std::string out;
  write(value, out);
  return out;
}

}  // namespace planflow
