// Credentials mean what users think, on each database: a token stops working
// when the password, the activation or the roles of its user change; failed
// logins are limited per account+address, per account and per address,
// counted in the database so that simultaneous attempts cannot overrun a
// limit, and one person's mistakes do not lock out their colleagues.
#include "../support/app_server.hpp"
#include "../support/databases.hpp"

#include <planflow/auth/throttle.hpp>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace planflow::test {
namespace {

const std::string k_password = "correct horse battery";
const std::string k_wrong = "wrong password!";
const std::string k_local = "127.0.0.1";

class auth_test : public testing::TestWithParam<std::string> {
 protected:
  // Each test starts the server with the login limits it is about.
  void start(auth::login_limits limits = {}) {
    server = std::make_unique<app_server>(db.url(), 4, auth::session_settings{.limits = limits});
    server->add_user("admin", k_password, {{"admin", "", ""}});
    officer_id = server->add_user("officer_a", k_password, {{"observer", "TH-96", ""}});
    server->add_user("officer_b", k_password, {{"observer", "TH-96", ""}});
    server->add_user("officer_c", k_password, {{"observer", "TH-96", ""}});
    admin = std::make_unique<api_client>(server->port());
    ASSERT_EQ(admin->login("admin", k_password).status, 200);
  }

  api_client client(const std::string& from = k_local) { return api_client(server->port(), from); }

  std::optional<auth::throttle_counter> counter(const char* scope, const std::string& subject) {
    storage::lease session(server->app().db());
    return auth::read_counter(*session, scope, subject);
  }

  std::string user_url(std::int64_t id) { return "/api/v1/users/" + std::to_string(id); }

  scratch_database db{GetParam()};
  std::unique_ptr<app_server> server;
  std::unique_ptr<api_client> admin;
  std::int64_t officer_id = 0;
};

TEST_P(auth_test, a_password_reset_by_an_administrator_ends_the_users_sessions) {
  start();
  auto officer = client();
  ASSERT_EQ(officer.login("officer_a", k_password).status, 200);
  ASSERT_EQ(officer.get("/api/v1/me").status, 200);
  ASSERT_EQ(admin->put(user_url(officer_id), {{"password", "a new password 2567"}}).status, 200);
  auto refused = officer.get("/api/v1/me");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.problem(), "unauthenticated");
  EXPECT_EQ(client().login("officer_a", k_password).status, 401);
  auto again = client();
  EXPECT_EQ(again.login("officer_a", "a new password 2567").status, 200);
  EXPECT_EQ(again.get("/api/v1/me").status, 200);
}

TEST_P(auth_test, a_users_own_password_change_ends_every_session_and_answers_a_new_one) {
  start();
  auto here = client(), elsewhere = client("127.0.0.2");
  ASSERT_EQ(here.login("officer_a", k_password).status, 200);
  ASSERT_EQ(elsewhere.login("officer_a", k_password).status, 200);

  auto wrong =
      here.put("/api/v1/me/password", {{"current_password", k_wrong}, {"new_password", "a new password 2567"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.obj().at("errors").as_array()[0].at("pointer"), "/current_password");
  auto short_one = here.put("/api/v1/me/password", {{"current_password", k_password}, {"new_password", "short"}});
  EXPECT_EQ(short_one.status, 422);
  EXPECT_EQ(short_one.obj().at("errors").as_array()[0].at("pointer"), "/new_password");
  EXPECT_EQ(here.get("/api/v1/me").status, 200);  // refused changes change nothing

  auto changed =
      here.put("/api/v1/me/password", {{"current_password", k_password}, {"new_password", "a new password 2567"}});
  ASSERT_EQ(changed.status, 200) << boost::json::serialize(changed.body);
  EXPECT_EQ(changed.header("cache-control"), "no-store");
  EXPECT_EQ(here.get("/api/v1/me").status, 401);
  EXPECT_EQ(elsewhere.get("/api/v1/me").status, 401);
  auto fresh = client();
  fresh.set_token(std::string(changed.obj().at("token").as_string()));
  EXPECT_EQ(fresh.get("/api/v1/me").obj().at("username"), "officer_a");
  EXPECT_EQ(client().login("officer_a", k_password).status, 401);
  EXPECT_EQ(client().login("officer_a", "a new password 2567").status, 200);
}

TEST_P(auth_test, deactivation_ends_the_users_sessions_and_refuses_their_logins) {
  start();
  auto officer = client();
  ASSERT_EQ(officer.login("officer_a", k_password).status, 200);
  ASSERT_EQ(admin->put(user_url(officer_id), {{"active", false}}).status, 200);
  EXPECT_EQ(officer.get("/api/v1/me").status, 401);
  EXPECT_EQ(client().login("officer_a", k_password).status, 401);
  ASSERT_EQ(admin->put(user_url(officer_id), {{"active", true}}).status, 200);
  EXPECT_EQ(officer.get("/api/v1/me").status, 401);  // reactivation does not bring old tokens back
  EXPECT_EQ(client().login("officer_a", k_password).status, 200);
}

TEST_P(auth_test, new_roles_end_the_users_sessions_and_the_next_login_carries_them) {
  start();
  auto officer = client();
  ASSERT_EQ(officer.login("officer_a", k_password).status, 200);
  // A change that leaves the rights as they were keeps the session.
  ASSERT_EQ(admin
                ->put(user_url(officer_id),
                      {{"display_name", "คุณ เอ"}, {"roles", {{{"role", "observer"}, {"province", "TH-96"}}}}})
                .status,
            200);
  EXPECT_EQ(officer.get("/api/v1/me").status, 200);
  ASSERT_EQ(admin->put(user_url(officer_id), {{"roles", {{{"role", "observer"}, {"province", "TH-30"}}}}}).status, 200);
  EXPECT_EQ(officer.get("/api/v1/me").status, 401);
  auto again = client();
  ASSERT_EQ(again.login("officer_a", k_password).status, 200);
  auto roles = again.get("/api/v1/me").obj().at("roles").as_array();
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0].at("province"), "TH-30");
}

TEST_P(auth_test, simultaneous_wrong_passwords_are_checked_exactly_up_to_the_limit) {
  start();
  constexpr int k_attempts = 48;
  std::atomic<int> refused{0}, throttled{0}, other{0}, without_retry_after{0};
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (int i = 0; i < k_attempts; ++i) {
    threads.emplace_back([&] {
      while (!go) std::this_thread::yield();
      auto r = client().login("officer_a", k_wrong);
      if (r.status == 401) {
        ++refused;
      } else if (r.status == 429) {
        ++throttled;
        if (r.header("retry-after").empty() || r.problem() != "too-many-attempts") ++without_retry_after;
      } else {
        ++other;
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  const int limit = auth::login_limits{}.per_account_address;
  EXPECT_EQ(refused, limit);
  EXPECT_EQ(throttled, k_attempts - limit);
  EXPECT_EQ(other, 0);
  EXPECT_EQ(without_retry_after, 0);
  // Only the attempts that were checked are counted, on every counter.
  EXPECT_EQ(counter(auth::throttle_scope::account_address, "officer_a|" + k_local)->failures, limit);
  EXPECT_EQ(counter(auth::throttle_scope::account, "officer_a")->failures, limit);
  EXPECT_EQ(counter(auth::throttle_scope::address, k_local)->failures, limit);
}

TEST_P(auth_test, one_persons_failures_do_not_lock_out_colleagues_behind_the_same_address) {
  start();
  const int limit = auth::login_limits{}.per_account_address;
  for (int i = 0; i < limit; ++i) ASSERT_EQ(client().login("officer_a", k_wrong).status, 401);
  auto locked = client().login("officer_a", k_password);  // even the right password waits now
  EXPECT_EQ(locked.status, 429);
  EXPECT_FALSE(locked.header("retry-after").empty());
  EXPECT_EQ(client().login("officer_b", k_password).status, 200);
  EXPECT_EQ(client().login("officer_c", k_password).status, 200);
}

TEST_P(auth_test, the_owner_logs_in_from_another_address_after_someone_elses_failures) {
  start();
  const int limit = auth::login_limits{}.per_account_address;
  for (int i = 0; i < limit; ++i) ASSERT_EQ(client("127.0.0.9").login("officer_a", k_wrong).status, 401);
  EXPECT_EQ(client("127.0.0.9").login("officer_a", k_password).status, 429);
  auto owner = client("127.0.0.2");
  ASSERT_EQ(owner.login("officer_a", k_password).status, 200);
  EXPECT_EQ(owner.get("/api/v1/me").obj().at("username"), "officer_a");
  // The guesser's own lock stays; the account's count starts again.
  EXPECT_EQ(client("127.0.0.9").login("officer_a", k_password).status, 429);
  EXPECT_FALSE(counter(auth::throttle_scope::account, "officer_a"));
}

TEST_P(auth_test, the_account_wide_limit_stops_guessing_spread_over_addresses) {
  start({.per_account_address = 2, .per_account = 4, .per_address = 50});
  for (const char* from : {"127.0.0.2", "127.0.0.3"}) {
    for (int i = 0; i < 2; ++i) ASSERT_EQ(client(from).login("officer_a", k_wrong).status, 401);
  }
  EXPECT_EQ(client("127.0.0.4").login("officer_a", k_password).status, 429);
  // Unknown names are counted like real ones, so throttling does not tell them apart.
  for (int i = 0; i < 4; ++i) ASSERT_EQ(client("127.0.0.5").login("nobody", k_wrong).status, i < 2 ? 401 : 429);
  EXPECT_EQ(client("127.0.0.4").login("officer_b", k_password).status, 200);
}

TEST_P(auth_test, the_address_ceiling_stops_one_address_trying_many_accounts) {
  start({.per_account_address = 5, .per_account = 20, .per_address = 3});
  for (const char* name : {"officer_a", "officer_b", "officer_c"}) {
    ASSERT_EQ(client("127.0.0.6").login(name, k_wrong).status, 401);
  }
  EXPECT_EQ(client("127.0.0.6").login("admin", k_password).status, 429);
  EXPECT_EQ(client("127.0.0.7").login("admin", k_password).status, 200);
}

TEST_P(auth_test, a_lock_ends_after_the_lockout) {
  start({.per_account_address = 2,
         .per_account = 20,
         .per_address = 100,
         .window = std::chrono::seconds(60),
         .lockout = std::chrono::seconds(1)});
  for (int i = 0; i < 2; ++i) ASSERT_EQ(client().login("officer_a", k_wrong).status, 401);
  auto locked = client().login("officer_a", k_password);
  ASSERT_EQ(locked.status, 429);
  EXPECT_EQ(locked.header("retry-after"), "1");
  // Wait for the end the database holds, not for a guessed time.
  auto ends = counter(auth::throttle_scope::account_address, "officer_a|" + k_local)->window_ends;
  std::this_thread::sleep_until(ends + std::chrono::milliseconds(1));
  EXPECT_EQ(client().login("officer_a", k_password).status, 200);
  EXPECT_FALSE(counter(auth::throttle_scope::account_address, "officer_a|" + k_local));
}

TEST_P(auth_test, expired_counters_are_forgotten_by_the_background_pass) {
  start({.per_account_address = 5,
         .per_account = 20,
         .per_address = 100,
         .window = std::chrono::seconds(1),
         .lockout = std::chrono::seconds(1)});
  ASSERT_EQ(client().login("someone", k_wrong).status, 401);
  auto ends = counter(auth::throttle_scope::account, "someone")->window_ends;
  server->app().run_background_pass();
  EXPECT_TRUE(counter(auth::throttle_scope::account, "someone"));  // still counting
  std::this_thread::sleep_until(ends + std::chrono::milliseconds(1));
  server->app().run_background_pass();
  EXPECT_FALSE(counter(auth::throttle_scope::account, "someone"));
  EXPECT_FALSE(counter(auth::throttle_scope::address, k_local));
}

INSTANTIATE_TEST_SUITE_P(backends, auth_test, testing::ValuesIn(available_backends()), backend_name{});

}  // namespace
}  // namespace planflow::test
