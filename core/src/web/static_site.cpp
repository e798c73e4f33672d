#include <planflow/auth/crypto.hpp>
#include <planflow/http/field_list.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/util/file.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/utf8.hpp>
#include <planflow/web/static_site.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <utility>

namespace planflow::web {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_gzip_suffix = ".gz";

// Vite names everything under assets/ by its content hash, so a changed file
// is a new URL and the old one can be cached for good; index.html and the
// top-level files keep their names and must be revalidated every time.
constexpr std::string_view k_immutable = "public, max-age=31536000, immutable";
constexpr std::string_view k_revalidate = "no-cache";

constexpr std::string_view k_html_csp =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

constexpr std::array<std::pair<std::string_view, std::string_view>, 13> k_content_types{{
    {"html", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"ico", "image/x-icon"},
    {"woff2", "font/woff2"},
    {"woff", "font/woff"},
    {"json", "application/json"},
    {"txt", "text/plain; charset=utf-8"},
    {"map", "application/json"},
    {"webmanifest", "application/manifest+json"},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; start <= s.size();) {
    auto end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// A relative path we are willing to serve: no empty, "." or ".." segments, no
// backslash or NUL, valid UTF-8 (request paths are), and no braces, which a
// literal route pattern would read as a capture.
bool acceptable_path(std::string_view path) {
  if (path.empty() || !is_valid_utf8(path)) return false;
  if (path.find_first_of(std::string_view("\\\0{}", 4)) != std::string_view::npos) return false;
  return std::ranges::none_of(split(path, '/'),
                              [](std::string_view seg) { return seg.empty() || seg == "." || seg == ".."; });
}

std::string etag_of(std::string_view body) { return "\"" + auth::sha256_hex(body).substr(0, 16) + "\""; }

// If-None-Match uses the weak comparison (RFC 9110 13.1.2), so W/"x" matches "x".
bool etag_listed(std::string_view header, std::string_view etag) {
  for (auto item : http::split_list(header)) {
    if (item == "*") return true;
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
  }
  return false;
}

// "gzip" or "x-gzip" listed without q=0; "*" is not taken as gzip, since a
// client that names no coding may not decode one.
bool accepts_gzip(std::optional<std::string_view> header) {
  if (!header) return false;
  for (auto item : http::split_list(*header)) {
    auto params = http::split_list(item, ';');
    auto coding = lower(params.front());
    if (coding != "gzip" && coding != "x-gzip") continue;
    bool refused = false;
    for (std::size_t i = 1; i < params.size(); ++i) {
      const auto p = params[i];
      if (p.size() < 2 || std::tolower(static_cast<unsigned char>(p[0])) != 'q' || p[1] != '=') continue;
      auto q = http::trim_ows(p.substr(2));
      refused = !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
    }
    if (!refused) return true;
  }
  return false;
}

static_file make_file(const std::string& path, std::string body) {
  static_file f;
  f.etag = etag_of(body);
  f.content_type = std::string(content_type_for(path));
  f.cache_control = std::string(path.starts_with("assets/") ? k_immutable : k_revalidate);
  f.body = std::move(body);
  return f;
}

// Does an existing route pattern answer this literal path? Then a web file
// there would shadow it (a literal route beats a capture) or collide with it.
bool pattern_matches(std::string_view pattern, std::string_view path) {
  auto want = split(pattern.substr(1), '/');
  auto have = split(path.substr(1), '/');
  std::erase(want, std::string_view{});
  std::erase(have, std::string_view{});
  if (want.size() != have.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    bool capture = want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}';
    if (!capture && want[i] != have[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view content_type_for(std::string_view path) {
  auto slash = path.rfind('/');
  auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  auto ext = lower(name.substr(dot + 1));
  for (auto [known, type] : k_content_types) {
    if (known == ext) return type;
  }
  return "application/octet-stream";
}

static_site::static_site(const fs::path& root) {
  auth::initialize_crypto();
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  std::map<std::string, std::string> gzipped;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto& entry = *it;
    std::error_code type_ec;
    const bool directory = entry.is_directory(type_ec);
    if (entry.path().filename().string().starts_with('.')) {
      if (directory) it.disable_recursion_pending();
      continue;
    }
    if (directory) {
      // Two levels: the root and assets/ (and siblings of it) is all a Vite build has.
      if (it.depth() >= 1) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(type_ec)) continue;
    auto path = entry.path().lexically_relative(root).generic_string();
    if (!acceptable_path(path)) {
      log::warn("web file not served: unsuitable name", {{"file", entry.path().string()}});
      continue;
    }
    auto body = read_file(entry.path());
    if (!body) {
      log::warn("web file not served: cannot read it", {{"file", entry.path().string()}});
      continue;
    }
    if (path.ends_with(k_gzip_suffix)) {
      gzipped.emplace(std::move(path), std::move(*body));
    } else {
      files_.emplace(path, make_file(path, std::move(*body)));
    }
  }
  if (ec) log::warn("web directory not fully read", {{"dir", root.string()}, {"error", ec.message()}});
  // A .gz beside its original is another encoding of it; one on its own is a file like any other.
  for (auto& [path, body] : gzipped) {
    auto original = files_.find(std::string_view(path).substr(0, path.size() - k_gzip_suffix.size()));
    if (original == files_.end()) {
      files_.emplace(path, make_file(path, std::move(body)));
    } else {
      original->second.gzip_etag = etag_of(body);
      original->second.gzip_body = std::move(body);
    }
  }
}

std::vector<std::string> static_site::paths() const {
  std::vector<std::string> out;
  for (const auto& [path, file] : files_) out.push_back(path);
  return out;
}

const static_file* static_site::find(std::string_view path) const {
  if (!acceptable_path(path)) return nullptr;
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

http::response static_site::serve(std::string_view path, const http::request& req) const {
  const auto* file = find(path);
  if (!file) throw error::not_found(error::messages::no_resource, {{"path", req.path}});
  const bool gzip = file->gzip_body && accepts_gzip(req.header("accept-encoding"));
  const auto& etag = gzip ? file->gzip_etag : file->etag;

  http::response res;
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", file->cache_control);
  // Caches must keep the two encodings apart, whichever one this answer carries.
  if (file->gzip_body) res.set_header("Vary", "Accept-Encoding");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (auto condition = req.header("if-none-match"); condition && etag_listed(*condition, etag)) {
    res.status = 304;
    return res;
  }
  res.status = 200;
  res.set_header("Content-Type", file->content_type);
  if (gzip) res.set_header("Content-Encoding", "gzip");
  if (file->content_type.starts_with("text/html")) {
    res.set_header("Content-Security-Policy", std::string(k_html_csp));
    res.set_header("Referrer-Policy", "no-referrer");
  }
  res.body = gzip ? *file->gzip_body : file->body;
  return res;
}

bool add_static_routes(http::router& r, const std::string& dir) {
  auto site = std::make_shared<const static_site>(dir);
  if (!site->has_index()) {
    log::warn("web interface not served: the directory is missing or has no index.html", {{"dir", dir}});
    return false;
  }
  // In memory and cheap, so answered on the I/O thread; anyone may load the
  // interface (it signs in through the API).
  constexpr auto on_io_thread = http::execution::inline_;
  const std::string anyone = "public";
  r.add(
      http::method::get, "/", [site](http::request& req) { return site->serve("index.html", req); }, on_io_thread,
      anyone);
  r.add(
      http::method::get, "/assets/{file}",
      [site](http::request& req) { return site->serve("assets/" + req.path_param("file"), req); }, on_io_thread,
      anyone);
  // Other files get literal routes one by one rather than a "/{file}" capture,
  // which would turn every unknown one-segment path into a 405 for POST.
  auto existing = r.routes();
  std::size_t hidden = 0;
  for (const auto& path : site->paths()) {
    if (path == "index.html" || path.starts_with("assets/")) continue;
    std::string pattern = "/" + path;
    if (std::ranges::any_of(existing, [&](const auto& route) { return pattern_matches(route.second, pattern); })) {
      log::warn("web file not served: an API route has its path", {{"file", path}});
      ++hidden;
      continue;
    }
    r.add(
        http::method::get, pattern, [site, path](http::request& req) { return site->serve(path, req); }, on_io_thread,
        anyone);
  }
  log::info("serving the web interface", {{"dir", dir}, {"files", site->paths().size() - hidden}});
  return true;
}

}  // namespace planflow::web
