// The browser interface's files served by the real `planflow` executable
// beside the API.
#include "../support/databases.hpp"
#include "../support/http_client.hpp"
#include "../support/server_process.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace planflow::test {
namespace {

const std::string k_index = "<!doctype html><html lang=th><title>planflow</title><div id=app></div></html>";
const std::string k_script = "document.getElementById('app').textContent = 'สวัสดี';";

void write(const std::string& root, const std::string& relative, const std::string& content) {
  auto path = std::filesystem::path(root) / relative;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (auto pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + word.size())) ++n;
  return n;
}

TEST(web, serves_the_built_interface_beside_the_api) {
  scratch_database db("sqlite");
  scratch_dir web;
  write(web.path(), "index.html", k_index);
  write(web.path(), "favicon.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
  write(web.path(), "assets/index-5e6f7a.js", k_script);
  server_process server(db.url(), {"--web", web.path()});

  http_client client(server.port());
  auto index = client.get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, k_index);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_NE(index.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(index.header("x-content-type-options"), "nosniff");
  EXPECT_TRUE(is_current_http_date(index.header("date"))) << index.header("date");
  ASSERT_FALSE(index.header("etag").empty());

  auto script = client.get("/assets/index-5e6f7a.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body, k_script);
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_TRUE(is_current_http_date(script.header("date"))) << script.header("date");
  EXPECT_EQ(client.get("/favicon.svg").header("content-type"), "image/svg+xml");

  auto head = client.request("HEAD", "/");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(k_index.size()));
  EXPECT_EQ(head.header("etag"), index.header("etag"));
  EXPECT_TRUE(head.body.empty());

  auto cached = client.request("GET", "/", {}, {{"If-None-Match", index.header("etag")}});
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.body.empty());
  EXPECT_EQ(cached.header("etag"), index.header("etag"));
  EXPECT_EQ(cached.header("content-length"), "");
  EXPECT_TRUE(is_current_http_date(cached.header("date"))) << cached.header("date");
  auto cached_head = client.request("HEAD", "/", {}, {{"If-None-Match", index.header("etag")}});
  EXPECT_EQ(cached_head.status, 304);
  // A 304 carries no Content-Length rather than a wrong one of 0.
  EXPECT_EQ(cached_head.header("content-length"), "");

  auto missing = client.get("/assets/index-000000.js");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
  EXPECT_TRUE(is_current_http_date(missing.header("date"))) << missing.header("date");
  EXPECT_EQ(client.get("/assets/..%2Findex.html").status, 404);

  // The API is untouched, on the same connection.
  auto health = client.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.header("content-type"), "application/json");
  auto province = client.get("/api/v1/provinces/TH-30");
  EXPECT_EQ(province.status, 200);
  EXPECT_EQ(boost::json::parse(province.body).at("name_en"), "Nakhon Ratchasima");
  EXPECT_EQ(client.get("/api/v1/no-such-thing").status, 404);
}

TEST(web, a_web_directory_without_index_leaves_the_api_alone) {
  scratch_database db("sqlite");
  scratch_dir web;
  write(web.path(), "assets/index-5e6f7a.js", k_script);
  server_process server(db.url(), {"--web", web.path() + "/missing"});
  EXPECT_EQ(fetch(server.port(), "GET", "/").status, 404);
  EXPECT_EQ(fetch(server.port(), "GET", "/assets/index-5e6f7a.js").status, 404);
  EXPECT_EQ(fetch(server.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(fetch(server.port(), "GET", "/api/v1/provinces/TH-30").status, 200);
  EXPECT_EQ(server.stop(), 0);
  EXPECT_EQ(occurrences(server.log(), "web interface not served"), 1u) << server.log();

  server_process no_index(db.url(), {"--web", web.path()});
  EXPECT_EQ(fetch(no_index.port(), "GET", "/assets/index-5e6f7a.js").status, 404);
  EXPECT_EQ(fetch(no_index.port(), "GET", "/readyz").status, 200);
}

}  // namespace
}  // namespace planflow::test
