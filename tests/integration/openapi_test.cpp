// The OpenAPI document must describe every route the server has.
#include "../support/databases.hpp"

#include <planflow/api/routes.hpp>
#include <planflow/app/application.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

namespace planflow::test {
namespace {

TEST(openapi, documents_every_route_the_server_registers) {
  scratch_database db("sqlite");
  app::application app({.db_url = db.url(), .database = {.pool_size = 1}, .plugins_dir = PLANFLOW_PLUGIN_DIR,
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
  app::application app({.db_url = db.url(), .database = {.pool_size = 1}, .plugins_dir = PLANFLOW_PLUGIN_DIR,
                        .workflows_dir = std::string(PLANFLOW_SOURCE_DIR) + "/workflows"});
  auto routes = app.routes().routes();
  auto doc = boost::json::parse(api::openapi_document());
  for (const auto& path : doc.at("paths").as_object()) {
    for (const auto& op : path.value().as_object()) {
      if (op.key() == "parameters" || op.key() == "summary" || op.key() == "description") continue;
      std::string method(op.key());
      std::ranges::transform(method, method.begin(), [](unsigned char c) { return char(std::toupper(c)); });
      bool found = std::ranges::any_of(routes, [&](const auto& r) {
        return r.second == path.key() && http::to_string(r.first) == method;
      });
      EXPECT_TRUE(found) << method << " " << path.key() << " is documented but not served";
    }
  }
}

}  // namespace
}  // namespace planflow::test
