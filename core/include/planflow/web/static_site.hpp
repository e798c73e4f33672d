#pragma once
/// The browser interface's built files (a Vite build: index.html, assets/…),
/// read into memory at start-up and answered from there. Only the files found
/// at start can be served, so no request path reaches anything else on disk.

#include <planflow/http/message.hpp>
#include <planflow/http/router.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::web {

/// One file as it is served.
struct static_file {
  std::string body;
  std::string etag;  ///< strong, quoted: the first 16 hex digits of the body's SHA-256
  std::string content_type;
  std::string cache_control;
  std::optional<std::string> gzip_body;  ///< a precompressed sibling "<name>.gz", if there was one
  std::string gzip_etag;                 ///< the gzip body's own ETag (another representation)
};

class static_site {
 public:
  /// Reads every regular file in `root` and in its direct subdirectories,
  /// skipping names that start with '.'. A missing directory gives an empty
  /// site; a file that cannot be read is logged and left out.
  explicit static_site(const std::filesystem::path& root);

  bool has_index() const { return files_.contains("index.html"); }
  /// The servable paths relative to the root ("index.html", "assets/app-3f2a.js"), sorted.
  std::vector<std::string> paths() const;
  /// The file at a relative path, or null (always for paths with "..", '\' or NUL segments).
  const static_file* find(std::string_view path) const;

  /// The file at `path` for this request: 200 with the body (gzip when the
  /// client accepts it and a .gz sibling exists), or 304 when If-None-Match
  /// names its ETag. Throws error::problem 404 for an unknown path.
  http::response serve(std::string_view path, const http::request& req) const;

 private:
  std::map<std::string, static_file, std::less<>> files_;
};

/// The Content-Type for a file name by its extension (application/octet-stream when unknown).
std::string_view content_type_for(std::string_view path);

/// Loads `dir` and, when it has an index.html, registers GET / (index.html),
/// GET /assets/{file} and one literal route per other file ("/favicon.svg"),
/// never one that an existing route already answers. Otherwise logs a
/// warning, registers nothing and returns false.
bool add_static_routes(http::router& r, const std::string& dir);

}  // namespace planflow::web
