#include <planflow/http/problem.hpp>
#include <planflow/http/response_policy.hpp>
#include <planflow/http/router.hpp>
#include <planflow/storage/errors.hpp>
#include <planflow/util/log.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <stdexcept>

namespace planflow::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

// The segments of a request path as sent, if it is the one canonical spelling
// of its resource: no empty segment (so no "//" and no trailing slash) and
// no percent-encoded character that needs no encoding (RFC 3986 6.2.2.2:
// "%31" is "1"). Other spellings reach no route, so each resource has one
// URL for caches, logs and the audit trail, and a proxy's rules on "/a/b"
// cannot be sidestepped with "/a//b" or "/%61/b".
std::optional<std::vector<std::string_view>> canonical_segments(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path == "/") return parts;
  if (!path.starts_with('/')) return std::nullopt;
  for (std::size_t start = 1;;) {
    auto slash = path.find('/', start);
    auto part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (part.empty()) return std::nullopt;
    for (std::size_t i = 0; i < part.size(); ++i) {
      if (part[i] != '%') continue;
      if (i + 2 >= part.size()) return std::nullopt;
      const int high = hex_digit(part[i + 1]), low = hex_digit(part[i + 2]);
      if (high < 0 || low < 0 || is_unreserved(static_cast<unsigned char>(high * 16 + low))) return std::nullopt;
      i += 2;
    }
    parts.push_back(part);
    if (slash == std::string_view::npos) return parts;
    start = slash + 1;
  }
}

// A canonical segment's text (its escapes are well formed).
std::string percent_decoded(std::string_view segment) {
  std::string out;
  out.reserve(segment.size());
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '%') {
      out.push_back(char(hex_digit(segment[i + 1]) * 16 + hex_digit(segment[i + 2])));
      i += 2;
    } else {
      out.push_back(segment[i]);
    }
  }
  return out;
}

// The path as the client sent it. A request built in code (no target) has
// only its path, taken as sent.
std::string_view raw_path(const request& req) {
  if (req.target.empty()) return req.path;
  return std::string_view(req.target).substr(0, req.target.find_first_of("?#"));
}

bool is_capture(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::size_t literal_count(const auto& r) {
  return std::size_t(std::ranges::count_if(r.segments, [](const std::string& s) { return !is_capture(s); }));
}

}  // namespace

void router::add(method m, std::string pattern, handler h, execution how, std::string guard) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  route r{m, pattern, {}, std::move(h), how, std::move(guard)};
  for (auto part : split_path(pattern)) {
    if ((part.find('{') != std::string_view::npos || part.find('}') != std::string_view::npos) && !is_capture(part)) {
      throw std::invalid_argument("malformed capture in route pattern: " + pattern);
    }
    r.segments.emplace_back(part);
  }
  for (const auto& existing : routes_) {
    if (existing.verb == m && existing.segments == r.segments)
      throw std::invalid_argument("duplicate route: " + pattern);
  }
  routes_.push_back(std::move(r));
}

bool router::match(const route& r, const std::vector<std::string_view>& parts,
                   std::map<std::string, std::string>* captures) {
  if (r.segments.size() != parts.size()) return false;
  std::map<std::string, std::string> captured;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& seg = r.segments[i];
    if (is_capture(seg)) {
      captured[seg.substr(1, seg.size() - 2)] = percent_decoded(parts[i]);
    } else if (seg != parts[i]) {
      return false;
    }
  }
  if (captures) *captures = std::move(captured);
  return true;
}

router::resolution router::resolve(request& req) const {
  const auto canonical = canonical_segments(raw_path(req));
  if (!canonical) return {};  // a 404, like any path no route takes
  const auto& parts = *canonical;
  const route* found = nullptr;
  const route* get_fallback = nullptr;
  std::set<std::string> allowed;
  // Among routes that match, the one with more literal segments wins, so
  // "/items/new" beats "/items/{id}" whatever the order of registration.
  auto more_specific = [](const route* best, const route& candidate) {
    return !best || literal_count(candidate) > literal_count(*best);
  };
  for (const auto& r : routes_) {
    if (!match(r, parts, nullptr)) continue;
    allowed.insert(std::string(to_string(r.verb)));
    if (r.verb == method::get) allowed.insert("HEAD");
    if (r.verb == req.method && more_specific(found, r)) found = &r;
    if (r.verb == method::get && more_specific(get_fallback, r)) get_fallback = &r;
  }
  if (!found && req.method == method::head) found = get_fallback;

  resolution out;
  if (found) {
    match(*found, parts, &req.path_params);
    out.fn = &found->fn;
    out.how = found->how;
  } else {
    for (const auto& m : allowed) out.allow += (out.allow.empty() ? "" : ", ") + m;
  }
  return out;
}

response router::invoke(const resolution& match, request& req) {
  auto res = run(match, req);
  apply_response_policy(req, res);
  return res;
}

response router::run(const resolution& match, request& req) {
  try {
    if (!match.fn) {
      if (match.allow.empty()) throw error::not_found(error::messages::no_resource, {{"path", req.path}});
      auto res = to_response(error::problem(error::types::method_not_allowed, error::messages::method_not_allowed,
                                            {{"method", req.method_name}, {"allow", match.allow}}),
                             language_of(req));
      res.set_header("Allow", match.allow);
      return res;
    }
    if (req.method != method::get && req.method != method::head) return (*match.fn)(req);
    // A read that met a connection broken under it (the database restarted
    // since that connection was last used) is run once more: the lease now
    // checks and reopens the connection, and a safe method changes nothing,
    // so running it twice is harmless. Writes retry inside their transaction.
    try {
      return (*match.fn)(req);
    } catch (const std::exception& e) {
      if (storage::classify(e) != storage::failure::connection || dynamic_cast<const storage::unavailable*>(&e)) throw;
      log::info("read retried after a lost connection", {{"path", req.path}, {"error", e.what()}});
    }
    return (*match.fn)(req);
  } catch (const std::exception& e) {
    return to_response(error::to_problem(e, req.path), language_of(req));
  }
}

std::vector<router::route_info> router::route_table() const {
  std::vector<route_info> out;
  for (const auto& r : routes_) out.push_back({r.verb, r.pattern, r.guard});
  return out;
}

std::vector<std::pair<method, std::string>> router::routes() const {
  std::vector<std::pair<method, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(r.verb, r.pattern);
  return out;
}

}  // namespace planflow::http
