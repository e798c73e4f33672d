#include "world.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace planflow::test {

boost::json::object plan_content(int budget) {
  return {{"items", {{{"id", "a1"}, {"title", "อบรมเชิงปฏิบัติการ"}, {"budget_baht", budget}}}}, {"stated_total", budget}};
}

world build_world(const std::string& db_url, int plans) {
  world w;
  app_server server(db_url);
  server.add_user("admin", k_password, {{"admin", "", ""}});
  api_client admin(server.port());
  EXPECT_EQ(admin.login("admin", k_password).status, 200);
  auto agency = admin.post("/api/v1/agencies", {{"province", "TH-96"}, {"name_th", "สำนักงานจังหวัดนราธิวาส"}});
  EXPECT_EQ(agency.status, 201) << boost::json::serialize(agency.body);
  w.agency = agency.obj().at("id").as_int64();
  auto user = [&](const std::string& name, boost::json::array roles, bool in_agency) {
    boost::json::object body{
        {"username", name}, {"display_name", name}, {"password", k_password}, {"roles", std::move(roles)}};
    if (in_agency) body["agency"] = w.agency;
    auto r = admin.post("/api/v1/users", body);
    EXPECT_EQ(r.status, 201) << boost::json::serialize(r.body);
  };
  user("officer", {{{"role", "agency_officer"}}}, true);
  user("head", {{{"role", "agency_head"}}}, true);
  for (auto name : {"member1", "member2", "member3"})
    user(name, {{{"role", "committee_member"}, {"province", "TH-96"}}}, false);
  user("secretary", {{{"role", "committee_secretary"}, {"province", "TH-96"}}}, false);
  api_client officer(server.port());
  EXPECT_EQ(officer.login("officer", k_password).status, 200);
  for (int i = 0; i < plans; ++i) {
    auto created = officer.post("/api/v1/plans", {{"plan_type", "simple_plan"},
                                                  {"title", "แผนที่ " + std::to_string(i + 1)},
                                                  {"province", "TH-96"},
                                                  {"agency", w.agency},
                                                  {"fiscal_year", 2567},
                                                  {"content", plan_content(1000)}});
    EXPECT_EQ(created.status, 201) << boost::json::serialize(created.body);
    w.plans.push_back(created.obj().at("id").as_int64());
  }
  return w;
}

std::vector<std::string> serve_options(std::vector<std::string> extra) {
  std::vector<std::string> out{"--plugins", std::string(PLANFLOW_PLUGIN_DIR) + ":" + PLANFLOW_API_PLUGIN_DIR,
                               "--workflows", std::string(PLANFLOW_SOURCE_DIR) + "/workflows", "--no-access-log"};
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

api_client signed_in(unsigned short port, const std::string& name) {
  api_client c(port);
  EXPECT_EQ(c.login(name, k_password).status, 200) << name;
  return c;
}

}  // namespace planflow::test
