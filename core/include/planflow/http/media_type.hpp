#pragma once
/// Reading a Content-Type (RFC 9110 8.3.1): the media type, lower-cased, and
/// its charset parameter, unquoted.

#include <planflow/http/field_list.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace planflow::http {

struct media_type {
  std::string essence;  ///< "type/subtype", lower case; "" when the header is empty
  std::string charset;  ///< the charset parameter as given, "" when there is none
};

inline media_type media_type_of(std::string_view content_type) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
  };
  media_type out;
  auto parts = split_list(content_type, ';');
  out.essence = lower(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    auto eq = parts[i].find('=');
    if (eq == std::string_view::npos || lower(trim_ows(parts[i].substr(0, eq))) != "charset") continue;
    auto value = trim_ows(parts[i].substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    out.charset = std::string(value);
  }
  return out;
}

}  // namespace planflow::http
