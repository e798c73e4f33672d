#include <planflow/http/problem.hpp>
#include <planflow/http/response_policy.hpp>
#include <planflow/http/router.hpp>
#include <planflow/storage/errors.hpp>
#include <planflow/util/log.hpp>

#include <algorithm>
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

bool is_capture(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::size_t literal_count(const auto& r) {
  return std::size_t(std::ranges::count_if(r.segments, [](const std::string& s) { return !is_capture(s); }));
}

}  // namespace

void router::add(method m, std::string pattern, handler h, execution how) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with '/': " + pattern);
  route r{m, pattern, {}, std::move(h), how};
  for (auto part : split_path(pattern)) {
    if ((part.find('{') != std::string_view::npos || part.find('}') != std::string_view::npos) && !is_capture(part)) {
      throw std::invalid_argument("malformed capture in route pattern: " + pattern);
    }
    r.segments.emplace_back(part);
  }
  for (const auto& existing : routes_) {
    if (existing.verb == m && existing.segments == r.segments) throw std::invalid_argument("duplicate route: " + pattern);
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
      captured[seg.substr(1, seg.size() - 2)] = std::string(parts[i]);
    } else if (seg != parts[i]) {
      return false;
    }
  }
  if (captures) *captures = std::move(captured);
  return true;
}

router::resolution router::resolve(request& req) const {
  const auto parts = split_path(req.path);
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
      if (match.allow.empty()) throw not_found("No resource at " + req.path + ".");
      throw problem_error(405, "method-not-allowed", "Method not allowed",
                          req.method_name + " is not supported here; allowed: " + match.allow + ".")
          .with_header("Allow", match.allow);
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
    return to_problem(e, req.path).to_response();
  }
}

std::vector<std::pair<method, std::string>> router::routes() const {
  std::vector<std::pair<method, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(r.verb, r.pattern);
  return out;
}

}  // namespace planflow::http
