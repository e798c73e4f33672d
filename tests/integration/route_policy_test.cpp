// Every route of the server names the access action it needs, and the
// action is the one this table expects: a route added without a line here,
// or guarded by a different action than its neighbours would suggest, fails.
// The actions themselves are tested row by row in tests/unit/policy_test.cpp.
#include "../support/databases.hpp"

#include <planflow/app/application.hpp>
#include <planflow/policy/policy.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace planflow::test {
namespace {

const std::map<std::string, std::string>& expected_guards() {
  static const std::map<std::string, std::string> table = {
      {"GET /api/v1/agencies", "read_directory"},
      {"POST /api/v1/agencies", "administer_directory"},
      {"GET /api/v1/agencies/{id}", "read_directory"},
      {"PUT /api/v1/agencies/{id}", "administer_directory"},
      {"GET /api/v1/audit/verify", "verify_audit"},
      {"POST /api/v1/auth/login", "public"},
      {"POST /api/v1/auth/logout", "use_account"},
      {"GET /api/v1/committees", "read_directory"},
      {"GET /api/v1/delegations", "use_account"},
      {"POST /api/v1/delegations", "delegate_role"},
      {"DELETE /api/v1/delegations/{id}", "revoke_delegation"},
      {"POST /api/v1/imports", "import_document"},
      {"GET /api/v1/me", "use_account"},
      {"PUT /api/v1/me/password", "use_account"},
      {"GET /api/v1/openapi.json", "public"},
      {"GET /api/v1/plan-types", "read_directory"},
      {"GET /api/v1/plan-types/{id}", "read_directory"},
      {"GET /api/v1/plan-types/{id}/template", "read_directory"},
      {"POST /api/v1/plan-types/{id}/validate", "read_directory"},
      {"GET /api/v1/plans", "list_plans"},
      {"POST /api/v1/plans", "create_plan"},
      {"POST /api/v1/plans/actions/{action}", "act_on_plan"},
      {"GET /api/v1/plans/{id}", "read_plan"},
      {"POST /api/v1/plans/{id}/actions/{action}", "act_on_plan"},
      {"GET /api/v1/plans/{id}/comments", "read_plan"},
      {"POST /api/v1/plans/{id}/comments", "comment_on_plan"},
      {"PUT /api/v1/plans/{id}/content", "edit_plan"},
      {"GET /api/v1/plans/{id}/diff", "read_plan"},
      {"GET /api/v1/plans/{id}/history", "read_plan"},
      {"GET /api/v1/plans/{id}/years", "read_plan"},
      {"PUT /api/v1/plans/{id}/report-items/{item}/agency", "assign_report_item"},
      {"GET /api/v1/plans/{id}/reports", "read_plan"},
      {"GET /api/v1/plans/{id}/revisions", "read_plan"},
      {"GET /api/v1/plans/{id}/revisions/{n}", "read_plan"},
      {"POST /api/v1/plans/{id}/workflow-migration", "migrate_plan_workflow"},
      {"GET /api/v1/provinces", "public"},
      {"POST /api/v1/provinces", "administer_directory"},
      {"DELETE /api/v1/provinces/{code}", "administer_directory"},
      {"GET /api/v1/provinces/{code}", "public"},
      {"PUT /api/v1/provinces/{code}", "administer_directory"},
      {"GET /api/v1/report-recipients", "administer_recipients"},
      {"POST /api/v1/report-recipients", "administer_recipients"},
      {"DELETE /api/v1/report-recipients/{id}", "administer_recipients"},
      {"GET /api/v1/reports", "list_own_reports"},
      {"GET /api/v1/reports/quarterly", "read_quarterly_report"},
      {"GET /api/v1/reports/{id}", "read_report"},
      {"POST /api/v1/reports/{id}/actions/{action}", "act_on_report"},
      {"POST /api/v1/reports/{id}/confirm", "confirm_progress"},
      {"GET /api/v1/reports/{id}/deliveries", "read_report"},
      {"PUT /api/v1/reports/{id}/entries/{item}", "report_progress"},
      {"POST /api/v1/reports/{id}/open", "open_report_early"},
      {"GET /api/v1/reports/{id}/package", "send_report_package"},
      {"POST /api/v1/reports/{id}/package/delivered", "send_report_package"},
      {"GET /api/v1/users", "administer_directory"},
      {"POST /api/v1/users", "administer_directory"},
      {"GET /api/v1/users/{id}", "read_user"},
      {"PUT /api/v1/users/{id}", "administer_directory"},
      {"GET /api/v1/workflows", "read_directory"},
      {"POST /api/v1/workflows", "administer_workflows"},
      {"PUT /api/v1/workflows/{id}/default-version", "administer_workflows"},
      {"GET /api/v1/workflows/{id}/versions", "read_directory"},
      {"GET /api/v1/workflows/{id}/versions/{version}", "read_directory"},
      {"GET /api/v1/workflows/{id}/versions/{version}/graph", "read_directory"},
      {"GET /healthz", "public"},
      {"GET /readyz", "public"},
  };
  return table;
}

TEST(route_policy, every_route_is_guarded_by_the_action_the_table_names) {
  scratch_database db("sqlite");
  app::application app({.db_url = db.url(),
                        .database = {.pool_size = 1},
                        .plugins_dir = PLANFLOW_PLUGIN_DIR,
                        .workflows_dir = std::string(PLANFLOW_SOURCE_DIR) + "/workflows"});
  std::map<std::string, std::string> served;
  for (const auto& route : app.routes().route_table()) {
    const std::string key = std::string(http::to_string(route.verb)) + " " + route.pattern;
    EXPECT_TRUE(policy::action_named(route.guard))
        << key << " is guarded by '" << route.guard << "', which is no policy action";
    served[key] = route.guard;
  }
  for (const auto& [route, guard] : served) {
    auto expected = expected_guards().find(route);
    if (expected == expected_guards().end()) {
      ADD_FAILURE() << route << " (guarded by " << guard << ") is missing from the route table of this test";
    } else {
      EXPECT_EQ(guard, expected->second) << route;
    }
  }
  for (const auto& [route, guard] : expected_guards()) {
    EXPECT_TRUE(served.contains(route)) << route << " is in the table but the server does not serve it";
  }
}

}  // namespace
}  // namespace planflow::test
