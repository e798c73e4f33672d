#include <planflow/http/message.hpp>
#include <planflow/util/json_text.hpp>

#include <boost/json/value.hpp>

#include <strings.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace planflow::http {
namespace {

constexpr std::array<std::pair<method, std::string_view>, 7> k_method_names{{
    {method::get, "GET"},
    {method::head, "HEAD"},
    {method::post, "POST"},
    {method::put, "PUT"},
    {method::patch, "PATCH"},
    {method::delete_, "DELETE"},
    {method::options, "OPTIONS"},
}};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string_view to_string(method m) {
  for (auto [value, name] : k_method_names) {
    if (value == m) return name;
  }
  return "OTHER";
}

method method_from_string(std::string_view name) {
  for (auto [value, text] : k_method_names) {
    if (text == name) return value;
  }
  return method::other;
}

std::optional<std::string_view> request::header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string_view> request::query_param(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end()) return std::nullopt;
  return it->second;
}

const std::string& request::path_param(std::string_view name) const {
  auto it = path_params.find(std::string(name));
  if (it == path_params.end()) throw std::logic_error("route has no path parameter " + std::string(name));
  return it->second;
}

void response::set_header(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (iequals(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> response::header(std::string_view name) const {
  auto it = std::ranges::find_if(headers, [&](const auto& h) { return iequals(h.first, name); });
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

response response::json(int status, std::string body) {
  response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", "application/json");
  return r;
}

response response::json(int status, const boost::json::value& body) { return json(status, json_text(body)); }

response response::text(int status, std::string body, std::string content_type) {
  response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("Content-Type", std::move(content_type));
  return r;
}

response response::no_content() {
  response r;
  r.status = 204;
  return r;
}

}  // namespace planflow::http
