#pragma once
/// Reading header field values that are lists (RFC 9110 5.6.1): elements
/// separated by a delimiter, with optional whitespace around each.

#include <string_view>
#include <vector>

namespace planflow::http {

/// `s` without the spaces and tabs (RFC 9110 "OWS") at either end.
inline std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The elements of `list` between `separator`s, each trimmed; empty elements
/// are kept (a caller may refuse them), so "a," gives {"a", ""}.
inline std::vector<std::string_view> split_list(std::string_view list, char separator = ',') {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    auto at = list.find(separator, start);
    out.push_back(trim_ows(list.substr(start, at == std::string_view::npos ? at : at - start)));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

}  // namespace planflow::http
