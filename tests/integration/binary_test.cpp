// The real `planflow` executable, on each database backend.
#include "../support/databases.hpp"
#include "../support/http_client.hpp"
#include "../support/server_process.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace planflow::test {
namespace {

class binary_test : public testing::TestWithParam<std::string> {
 protected:
  scratch_database db{GetParam()};
};

TEST_P(binary_test, serves_health_readiness_and_thai_data) {
  server_process server(db.url());
  auto health = fetch(server.port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  auto ready = fetch(server.port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  auto body = boost::json::parse(ready.body).as_object();
  EXPECT_EQ(body["status"], "ready");
  EXPECT_EQ(body["database"].as_string(), GetParam());

  auto province = fetch(server.port(), "GET", "/api/v1/provinces/TH-30");
  EXPECT_EQ(province.status, 200);
  EXPECT_EQ(
      province.body,
      "{\"code\":\"TH-30\",\"name_th\":\"\xE0\xB8\x99\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xA3\xE0\xB8\xB2\xE0\xB8\x8A"
      "\xE0\xB8\xAA\xE0\xB8\xB5\xE0\xB8\xA1\xE0\xB8\xB2\",\"name_en\":\"Nakhon Ratchasima\",\"region\":\"northeast\"}");
  auto list = fetch(server.port(), "GET", "/api/v1/provinces");
  EXPECT_EQ(boost::json::parse(list.body).as_object()["items"].as_array().size(), 77u);
  EXPECT_EQ(fetch(server.port(), "GET", "/api/v1/provinces/TH-99").status, 404);
}

// One client's idle sockets (a leak, or an attack) once kept /healthz
// unreachable when they used up the descriptors; now they are capped per
// address and everyone else is served.
TEST(binary, idle_sockets_beyond_the_cap_leave_health_checks_answered) {
  scratch_database db("sqlite");
  server_process server(db.url(), {"--max-connections-per-address", "5", "--max-connections", "50"});
  std::vector<std::unique_ptr<http_client>> held;
  for (int i = 0; i < 5; ++i) {
    held.push_back(std::make_unique<http_client>(server.port(), "127.0.0.1"));
    ASSERT_EQ(held.back()->get("/healthz").status, 200);
  }
  std::vector<std::unique_ptr<http_client>> silent;
  for (int i = 0; i < 20; ++i) silent.push_back(std::make_unique<http_client>(server.port(), "127.0.0.1"));
  for (auto& s : silent) {
    auto refused = s->read_reply();
    EXPECT_EQ(refused.status, 503);
    EXPECT_EQ(refused.header("retry-after"), "1");
  }
  auto health = fetch(server.port(), "GET", "/healthz");  // 127.0.0.1 is still at its cap
  EXPECT_EQ(health.status, 503);
  http_client elsewhere(server.port(), "127.0.0.2");
  EXPECT_EQ(elsewhere.get("/healthz").status, 200);
  EXPECT_EQ(elsewhere.get("/readyz").status, 200);
  held.clear();  // the address's places come back
  for (int tries = 0; tries < 50 && fetch(server.port(), "GET", "/healthz").status != 200; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(fetch(server.port(), "GET", "/healthz").status, 200);
}

TEST_P(binary_test, logs_each_request_and_stops_gracefully_on_sigterm) {
  server_process server(db.url());
  EXPECT_EQ(fetch(server.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(fetch(server.port(), "DELETE", "/healthz").status, 405);
  EXPECT_EQ(server.stop(), 0);
  auto log = server.log();
  EXPECT_NE(log.find(R"("msg":"request","method":"GET","path":"/healthz","status":200,"duration_ms":)"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find(R"("method":"DELETE","path":"/healthz","status":405)"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("msg":"shutting down")"), std::string::npos) << log;
}

TEST_P(binary_test, readiness_reports_pending_migrations_until_migrate_runs) {
  {
    server_process server(db.url(), {"--no-migrate"});
    auto ready = fetch(server.port(), "GET", "/readyz");
    EXPECT_EQ(ready.status, 503);
    EXPECT_EQ(ready.header("content-type"), "application/problem+json");
    EXPECT_FALSE(boost::json::parse(ready.body).as_object()["pending_migrations"].as_array().empty());
    EXPECT_EQ(fetch(server.port(), "GET", "/healthz").status, 200);  // alive all the same
  }
  auto migrate = run_planflow({"migrate", "--db", db.url()});
  EXPECT_EQ(migrate.exit_code, 0) << migrate.err;
  EXPECT_NE(migrate.out.find("schema version"), std::string::npos);
  auto again = run_planflow({"migrate", "--db", db.url()});
  EXPECT_NE(again.out.find("applied 0 migration(s)"), std::string::npos);
  server_process server(db.url(), {"--no-migrate"});
  EXPECT_EQ(fetch(server.port(), "GET", "/readyz").status, 200);
}

INSTANTIATE_TEST_SUITE_P(backends, binary_test, testing::ValuesIn(available_backends()), backend_name{});

TEST(binary, help_documents_every_command_and_flag) {
  auto help = run_planflow({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* word : {"serve", "migrate", "--listen", "--db", "--threads", "--plugins", "--workflows",
                           "--log-level", "--config", "--no-migrate", "--web"}) {
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
  }
}

TEST(binary, usage_and_startup_errors_have_clear_messages) {
  auto unknown = run_planflow({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown command 'frobnicate'"), std::string::npos);
  auto bad_db = run_planflow({"migrate", "--db", "postgres://nowhere/x"});
  EXPECT_EQ(bad_db.exit_code, 1);
  EXPECT_NE(bad_db.err.find("unsupported database URL"), std::string::npos);
  auto bad_level = run_planflow({"migrate", "--log-level", "loud"});
  EXPECT_EQ(bad_level.exit_code, 1);
  EXPECT_NE(bad_level.err.find("unknown log level"), std::string::npos);
}

}  // namespace
}  // namespace planflow::test
