// The OpenAPI document must describe every route the server has.
#include "../support/databases.hpp"

#include <planflow/api/routes.hpp>
#include <planflow/app/application.hpp>
#include <planflow/error/messages.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace planflow::test {
namespace {

TEST(openapi, documents_every_route_the_server_registers) {
  scratch_database db("sqlite");
  app::application app({.db_url = db.url(),
                        .database = {.pool_size = 1},
                        .plugins_dir = PLANFLOW_PLUGIN_DIR,
                        .workflows_dir = std::string(PLANFLOW_SOURCE_DIR) + "/workflows"});
  auto doc = boost::json::parse(api::openapi_document());
  ASSERT_EQ(doc.at("openapi"), "3.1.0");
  const auto& paths = doc.at("paths").as_object();
  auto routes = app.routes().routes();
  ASSERT_GT(routes.size(), 40u);
  for (const auto& [verb, pattern] : routes) {
    std::string method(http::to_string(verb));
    std::ranges::transform(method, method.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    auto path = paths.find(pattern);
    ASSERT_NE(path, paths.end()) << pattern << " is missing from api/openapi.json";
    EXPECT_TRUE(path->value().as_object().contains(method)) << method << " " << pattern << " is not documented";
  }
}

TEST(openapi, every_documented_operation_exists) {
  scratch_database db("sqlite");
  app::application app({.db_url = db.url(),
                        .database = {.pool_size = 1},
                        .plugins_dir = PLANFLOW_PLUGIN_DIR,
                        .workflows_dir = std::string(PLANFLOW_SOURCE_DIR) + "/workflows"});
  auto routes = app.routes().routes();
  auto doc = boost::json::parse(api::openapi_document());
  for (const auto& path : doc.at("paths").as_object()) {
    for (const auto& op : path.value().as_object()) {
      if (op.key() == "parameters" || op.key() == "summary" || op.key() == "description") continue;
      std::string method(op.key());
      std::ranges::transform(method, method.begin(), [](unsigned char c) { return char(std::toupper(c)); });
      bool found = std::ranges::any_of(
          routes, [&](const auto& r) { return r.second == path.key() && http::to_string(r.first) == method; });
      EXPECT_TRUE(found) << method << " " << path.key() << " is documented but not served";
    }
  }
}

// Every problem slug the code can answer is named in the document, so a
// client can handle each one it may meet.
TEST(openapi, names_every_problem_slug_the_code_raises) {
  // The code can raise only the catalog's problem types (their constants are
  // generated from it), so the catalog is the list to check.
  const std::string doc(api::openapi_document());
  const auto slugs = error::problem_slugs();
  ASSERT_GT(slugs.size(), 30u);
  for (const auto& slug : slugs)
    EXPECT_NE(doc.find("`" + slug + "`"), std::string::npos) << slug << " is not in api/openapi.json";
}

// What any request may get whatever its route (unreadable HTTP, a body or
// headers over the limits, the connection caps, the database away) is
// declared on every operation; so are 401 where a token is needed and 415
// where a body is read.
TEST(openapi, every_operation_declares_the_answers_any_request_may_get) {
  auto doc = boost::json::parse(api::openapi_document());
  for (const auto& path : doc.at("paths").as_object()) {
    for (const auto& op : path.value().as_object()) {
      if (op.key() == "parameters" || op.key() == "summary" || op.key() == "description") continue;
      const auto& o = op.value().as_object();
      const auto& responses = o.at("responses").as_object();
      const std::string where = std::string(op.key()) + " " + std::string(path.key());
      for (const char* status : {"400", "413", "431", "500", "501", "503"}) {
        EXPECT_TRUE(responses.contains(status)) << where << " does not declare " << status;
      }
      EXPECT_TRUE(!o.contains("requestBody") || responses.contains("415")) << where;
      const bool is_public = o.contains("security") && o.at("security").as_array().empty();
      EXPECT_TRUE(is_public || responses.contains("401")) << where;
    }
  }
  const auto& plan = doc.at("paths").at("/api/v1/plans/{id}").at("get").as_object();
  EXPECT_TRUE(plan.at("responses").as_object().contains("304"));
  EXPECT_NE(boost::json::serialize(plan.at("parameters")).find("IfNoneMatch"), std::string::npos);
}

}  // namespace
}  // namespace planflow::test
