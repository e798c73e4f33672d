#include "../support/databases.hpp"

#include <planflow/auth/crypto.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/web/static_site.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace planflow::web {
namespace {

namespace fs = std::filesystem;

const std::string k_index =
    "<!doctype html><title>planflow</title><script type=module src=/assets/index-4f1c2a.js></script>";
const std::string k_script = "console.log('planflow');";
// Not real gzip: the server passes the bytes through and never decodes them.
const std::string k_script_gz = std::string("\x1f\x8b\x08\x00precompressed", 17);

void write(const fs::path& root, const std::string& relative, const std::string& content) {
  auto path = root / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

http::request make(http::method m, std::string path, std::map<std::string, std::string> headers = {}) {
  http::request r;
  r.method = m;
  r.method_name = std::string(http::to_string(m));
  r.path = std::move(path);
  r.headers = std::move(headers);
  return r;
}

// A Vite build with the things a loader must leave out.
class static_site_test : public testing::Test {
 protected:
  void SetUp() override {
    write(root, "index.html", k_index);
    write(root, "favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    write(root, "assets/index-4f1c2a.js", k_script);
    write(root, "assets/index-4f1c2a.js.gz", k_script_gz);
    write(root, "assets/index-9d8e7f.css", "body{margin:0}");
    write(root, "assets/inter-latin-400.woff2", std::string("wOF2\0\x01", 6));
    write(root, "icons/app-192.png", "\x89PNG");
    write(root, "healthz", "a file that must not hide the health check");
    write(root, "orphan.txt.gz", "gz without its original");
    write(root, ".env", "SECRET=1");
    write(root, ".git/config", "[core]");
    write(root, "assets/.DS_Store", "junk");
    write(root, "assets/nested/deeper.js", "too deep");
    write(root, "odd{name}.js", "braces would read as a capture");
  }

  test::scratch_dir dir;
  fs::path root{dir.path()};
};

TEST(static_site_types, content_type_by_extension) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("favicon.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("icon.PNG"), "image/png");
  EXPECT_EQ(content_type_for("favicon.ico"), "image/x-icon");
  EXPECT_EQ(content_type_for("assets/f.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("assets/f.woff"), "font/woff");
  EXPECT_EQ(content_type_for("data.json"), "application/json");
  EXPECT_EQ(content_type_for("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("assets/a.js.map"), "application/json");
  EXPECT_EQ(content_type_for("site.webmanifest"), "application/manifest+json");
  EXPECT_EQ(content_type_for("archive.tar"), "application/octet-stream");
  EXPECT_EQ(content_type_for("LICENSE"), "application/octet-stream");
  EXPECT_EQ(content_type_for("dotted.dir/LICENSE"), "application/octet-stream");
}

TEST_F(static_site_test, loads_two_levels_and_skips_dotfiles_and_odd_names) {
  static_site site(root);
  EXPECT_TRUE(site.has_index());
  EXPECT_EQ(site.paths(), (std::vector<std::string>{"assets/index-4f1c2a.js", "assets/index-9d8e7f.css",
                                                    "assets/inter-latin-400.woff2", "favicon.svg", "healthz",
                                                    "icons/app-192.png", "index.html", "orphan.txt.gz"}));
  ASSERT_NE(site.find("assets/index-4f1c2a.js"), nullptr);
  EXPECT_EQ(site.find("assets/index-4f1c2a.js")->body, k_script);
  EXPECT_EQ(site.find("assets/inter-latin-400.woff2")->body.size(), 6u);  // binary, NUL included
  EXPECT_EQ(site.find("orphan.txt.gz")->content_type, "application/octet-stream");
}

TEST_F(static_site_test, etag_is_the_start_of_the_sha256_and_if_none_match_gives_304) {
  static_site site(root);
  const auto* index = site.find("index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->etag, "\"" + auth::sha256_hex(k_index).substr(0, 16) + "\"");
  EXPECT_NE(site.find("favicon.svg")->etag, index->etag);

  auto plain = make(http::method::get, "/");
  auto full = site.serve("index.html", plain);
  EXPECT_EQ(full.status, 200);
  EXPECT_EQ(full.body, k_index);
  EXPECT_EQ(full.header("ETag").value_or(""), index->etag);

  for (std::string condition : {index->etag, "W/" + index->etag, "\"other\", " + index->etag, std::string("*")}) {
    auto req = make(http::method::get, "/", {{"if-none-match", condition}});
    auto res = site.serve("index.html", req);
    EXPECT_EQ(res.status, 304) << condition;
    EXPECT_TRUE(res.body.empty());
    EXPECT_EQ(res.header("ETag").value_or(""), index->etag);
    EXPECT_EQ(res.header("Cache-Control").value_or(""), "no-cache");
    EXPECT_FALSE(res.header("Content-Type"));
  }
  auto stale = make(http::method::get, "/", {{"if-none-match", "\"0123456789abcdef\""}});
  EXPECT_EQ(site.serve("index.html", stale).status, 200);
}

TEST_F(static_site_test, hashed_assets_are_immutable_and_the_rest_revalidated) {
  static_site site(root);
  auto req = make(http::method::get, "/");
  EXPECT_EQ(site.serve("assets/index-9d8e7f.css", req).header("Cache-Control").value_or(""),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(site.serve("assets/inter-latin-400.woff2", req).header("Cache-Control").value_or(""),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(site.serve("index.html", req).header("Cache-Control").value_or(""), "no-cache");
  EXPECT_EQ(site.serve("favicon.svg", req).header("Cache-Control").value_or(""), "no-cache");
  EXPECT_EQ(site.serve("icons/app-192.png", req).header("Cache-Control").value_or(""), "no-cache");
}

TEST_F(static_site_test, html_gets_security_headers_and_everything_nosniff) {
  static_site site(root);
  auto req = make(http::method::get, "/");
  auto html = site.serve("index.html", req);
  EXPECT_EQ(html.header("Content-Type").value_or(""), "text/html; charset=utf-8");
  EXPECT_EQ(html.header("Content-Security-Policy").value_or(""),
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
            "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  EXPECT_EQ(html.header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(html.header("Referrer-Policy").value_or(""), "no-referrer");
  auto css = site.serve("assets/index-9d8e7f.css", req);
  EXPECT_EQ(css.header("Content-Type").value_or(""), "text/css; charset=utf-8");
  EXPECT_EQ(css.header("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_FALSE(css.header("Content-Security-Policy"));
}

TEST_F(static_site_test, unknown_and_traversing_paths_are_not_found) {
  write(root.parent_path(), "planflow_outside_" + root.filename().string(), "outside the web root");
  static_site site(root);
  const std::vector<std::string> paths{"missing.js",
                                       "assets/missing.js",
                                       "assets/../index.html",
                                       "./index.html",
                                       "assets//index-4f1c2a.js",
                                       "../planflow_outside_" + root.filename().string(),
                                       "assets\\index-4f1c2a.js",
                                       std::string("index.html\0", 11),
                                       ".env",
                                       ".git/config",
                                       "assets/nested/deeper.js",
                                       ""};
  for (const auto& path : paths) {
    EXPECT_EQ(site.find(path), nullptr) << path;
    auto req = make(http::method::get, "/" + path);
    try {
      site.serve(path, req);
      ADD_FAILURE() << path << " was served";
    } catch (const error::problem& e) {
      EXPECT_EQ(error::status(e.type()), 404);
      EXPECT_EQ(e.type().slug, "not-found");
    }
  }
  fs::remove(root.parent_path() / ("planflow_outside_" + root.filename().string()));
}

TEST_F(static_site_test, precompressed_sibling_is_served_to_gzip_clients) {
  static_site site(root);
  const auto* script = site.find("assets/index-4f1c2a.js");
  ASSERT_NE(script, nullptr);
  ASSERT_TRUE(script->gzip_body);
  EXPECT_EQ(site.find("assets/index-4f1c2a.js.gz"), nullptr);  // an encoding, not a file of its own

  auto gzip_req = make(http::method::get, "/", {{"accept-encoding", "br, gzip;q=0.8, deflate"}});
  auto gz = site.serve("assets/index-4f1c2a.js", gzip_req);
  EXPECT_EQ(gz.status, 200);
  EXPECT_EQ(gz.body, k_script_gz);
  EXPECT_EQ(gz.header("Content-Encoding").value_or(""), "gzip");
  EXPECT_EQ(gz.header("Content-Type").value_or(""), "text/javascript; charset=utf-8");
  EXPECT_EQ(gz.header("Vary").value_or(""), "Accept-Encoding");
  EXPECT_EQ(gz.header("ETag").value_or(""), script->gzip_etag);
  EXPECT_NE(script->gzip_etag, script->etag);

  for (std::string refused : {"gzip;q=0", "deflate, gzip; q=0.0", "br", "*"}) {
    auto req = make(http::method::get, "/", {{"accept-encoding", refused}});
    auto plain = site.serve("assets/index-4f1c2a.js", req);
    EXPECT_EQ(plain.body, k_script) << refused;
    EXPECT_FALSE(plain.header("Content-Encoding")) << refused;
    EXPECT_EQ(plain.header("Vary").value_or(""), "Accept-Encoding");
    EXPECT_EQ(plain.header("ETag").value_or(""), script->etag);
  }
  // Each encoding revalidates against its own ETag.
  auto cached_gz = make(http::method::get, "/", {{"accept-encoding", "gzip"}, {"if-none-match", script->gzip_etag}});
  EXPECT_EQ(site.serve("assets/index-4f1c2a.js", cached_gz).status, 304);
  auto cached_plain = make(http::method::get, "/", {{"accept-encoding", "gzip"}, {"if-none-match", script->etag}});
  EXPECT_EQ(site.serve("assets/index-4f1c2a.js", cached_plain).status, 200);
  // Without a sibling there is no Vary.
  EXPECT_FALSE(site.serve("assets/index-9d8e7f.css", gzip_req).header("Vary"));
}

TEST_F(static_site_test, routes_serve_index_assets_and_top_level_files_beside_the_api) {
  http::router r;
  r.add(
      http::method::get, "/healthz", [](http::request&) { return http::response::text(200, "alive"); },
      http::execution::inline_);
  r.add(http::method::get, "/api/v1/plans/{id}", [](http::request&) { return http::response::text(200, "plan"); });
  ASSERT_TRUE(add_static_routes(r, root.string()));

  auto get = [&](std::string path, http::method m = http::method::get) {
    auto req = make(m, std::move(path));
    return r.dispatch(req);
  };
  auto index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, k_index);
  EXPECT_EQ(get("/assets/index-4f1c2a.js").body, k_script);
  EXPECT_EQ(get("/favicon.svg").header("Content-Type").value_or(""), "image/svg+xml");
  EXPECT_EQ(get("/icons/app-192.png").status, 200);
  EXPECT_EQ(get("/", http::method::head).status, 200);
  EXPECT_EQ(get("/healthz").body, "alive");  // the file named healthz does not take its place
  EXPECT_EQ(get("/api/v1/plans/7").body, "plan");

  for (std::string missing : {"/index.html", "/assets/missing.js", "/assets/..", "/assets", "/nothing.js", "/.env",
                              "/assets/nested/deeper.js"}) {
    auto res = get(missing);
    EXPECT_EQ(res.status, 404) << missing;
    EXPECT_EQ(res.header("Content-Type").value_or(""), "application/problem+json") << missing;
    EXPECT_EQ(boost::json::parse(res.body).at("type"), "urn:planflow:problem:not-found") << missing;
  }
  // Top-level files are literal routes, not a "/{file}" capture that would
  // answer 405 to a POST anywhere.
  EXPECT_EQ(get("/nothing.js", http::method::post).status, 404);
  EXPECT_EQ(get("/", http::method::post).status, 405);

  // In memory, so answered on the I/O thread.
  for (const auto& [verb, pattern] : r.routes()) {
    if (pattern.starts_with("/api/") || pattern == "/healthz") continue;
    auto req = make(verb, pattern == "/assets/{file}" ? "/assets/x.js" : pattern);
    EXPECT_EQ(r.resolve(req).how, http::execution::inline_) << pattern;
  }
}

TEST(static_site_routes, missing_directory_or_index_registers_nothing) {
  test::scratch_dir dir;
  http::router r;
  EXPECT_FALSE(add_static_routes(r, dir.path() + "/does-not-exist"));
  EXPECT_FALSE(static_site(dir.path() + "/does-not-exist").has_index());
  write(dir.path(), "assets/app.js", "x");
  write(dir.path(), "favicon.svg", "<svg/>");
  EXPECT_FALSE(add_static_routes(r, dir.path()));
  EXPECT_TRUE(r.routes().empty());
  auto req = make(http::method::get, "/favicon.svg");
  EXPECT_EQ(r.dispatch(req).status, 404);
}

}  // namespace
}  // namespace planflow::web
