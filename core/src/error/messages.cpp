#include <planflow/error/messages.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace planflow::error {

namespace {

const boost::json::object& catalog() {
  static const boost::json::object parsed = boost::json::parse(catalog_text()).as_object();
  return parsed;
}

const boost::json::object& entry(std::string_view section, std::string_view key) {
  const auto& table = catalog().at(section).as_object();
  const auto* found = table.if_contains(key);
  // The constants are generated from this very catalog, so a miss is a build
  // mixing two catalogs, not an input error.
  if (!found) throw std::logic_error("message catalog has no " + std::string(section) + " " + std::string(key));
  return found->as_object();
}

std::string text_in(const boost::json::object& localized, language lang) {
  return std::string(localized.at(tag(lang)).as_string());
}

// 1025440 -> "1,025,440"; 30500.5 -> "30,500.50": amounts as Thai offices
// write them, satang shown only when there are any.
std::string baht(double amount) {
  const bool negative = amount < 0;
  const long long satang = std::llround(std::fabs(amount) * 100);
  std::string whole = std::to_string(satang / 100);
  for (int i = int(whole.size()) - 3; i > 0; i -= 3) whole.insert(std::size_t(i), ",");
  if (satang % 100 != 0) {
    char cents[4];
    std::snprintf(cents, sizeof cents, "%02lld", satang % 100);
    whole += std::string(".") + cents;
  }
  return (negative ? "-" : "") + whole;
}

std::string plain_number(double v) {
  if (std::nearbyint(v) == v && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string format_value(const boost::json::value& v, std::string_view how) {
  if (how == "baht" && v.is_number()) return baht(v.to_number<double>());
  switch (v.kind()) {
    case boost::json::kind::string:
      return std::string(v.get_string());
    case boost::json::kind::int64:
      return std::to_string(v.get_int64());
    case boost::json::kind::uint64:
      return std::to_string(v.get_uint64());
    case boost::json::kind::double_:
      return plain_number(v.get_double());
    case boost::json::kind::bool_:
      return v.get_bool() ? "true" : "false";
    case boost::json::kind::array: {
      std::string out;
      for (const auto& item : v.get_array()) out += (out.empty() ? "" : ", ") + format_value(item, how);
      return out;
    }
    default:
      return {};
  }
}

}  // namespace

std::string_view tag(language lang) { return lang == language::th ? "th" : "en"; }

std::string render(message_code code, const boost::json::object& params, language lang) {
  const std::string pattern = text_in(entry("messages", code.id), lang);
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size();) {
    const auto close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += pattern[i++];
      continue;
    }
    const std::string_view spec(pattern.data() + i + 1, close - i - 1);
    const auto colon = spec.find(':');
    const auto name = spec.substr(0, colon);
    const auto how = colon == std::string_view::npos ? std::string_view{} : spec.substr(colon + 1);
    if (const auto* v = params.if_contains(name)) {
      out += format_value(*v, how);
    } else {
      out.append(pattern, i, close - i + 1);
    }
    i = close + 1;
  }
  return out;
}

std::string title(problem_type type, language lang) {
  return text_in(entry("problems", type.slug).at("title").as_object(), lang);
}

int status(problem_type type) { return int(entry("problems", type.slug).at("status").to_number<int>()); }

std::optional<message_code> find_message(std::string_view id) {
  const auto& table = catalog().at("messages").as_object();
  auto it = table.find(id);
  // The view is of the catalog's own key, which lives as long as the process.
  if (it == table.end()) return std::nullopt;
  return message_code{it->key()};
}

std::vector<std::string> problem_slugs() {
  std::vector<std::string> out;
  for (const auto& kv : catalog().at("problems").as_object()) out.emplace_back(kv.key());
  return out;
}

std::vector<std::string> message_ids() {
  std::vector<std::string> out;
  for (const auto& kv : catalog().at("messages").as_object()) out.emplace_back(kv.key());
  return out;
}

}  // namespace planflow::error
