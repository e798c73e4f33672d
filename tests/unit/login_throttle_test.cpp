// The counting rule of login_limits, without a database: what one more
// attempt does to a counter at each point of its window and lock.
#include <planflow/auth/throttle.hpp>

#include <gtest/gtest.h>

namespace planflow::auth {
namespace {

using namespace std::chrono_literals;

const login_limits k_limits{
    .per_account_address = 3, .per_account = 10, .per_address = 50, .window = 600s, .lockout = 900s};
const throttle_clock::time_point k_now = throttle_clock::time_point{} + 1000000s;

TEST(login_throttle, the_first_attempt_opens_a_window) {
  auto step = count_attempt(std::nullopt, 3, k_limits, k_now);
  ASSERT_TRUE(step.admitted);
  EXPECT_EQ(step.next, (throttle_counter{1, k_now + 600s}));
}

TEST(login_throttle, attempts_within_the_window_add_up_and_keep_its_end) {
  auto step = count_attempt(throttle_counter{1, k_now + 300s}, 3, k_limits, k_now);
  ASSERT_TRUE(step.admitted);
  EXPECT_EQ(step.next, (throttle_counter{2, k_now + 300s}));
}

TEST(login_throttle, the_attempt_reaching_the_limit_starts_the_lockout) {
  auto step = count_attempt(throttle_counter{2, k_now + 10s}, 3, k_limits, k_now);
  ASSERT_TRUE(step.admitted);  // it is still checked
  EXPECT_EQ(step.next, (throttle_counter{3, k_now + 900s}));
}

TEST(login_throttle, at_the_limit_attempts_are_refused_until_the_lock_ends) {
  auto step = count_attempt(throttle_counter{3, k_now + 1500ms}, 3, k_limits, k_now);
  EXPECT_FALSE(step.admitted);
  EXPECT_EQ(step.retry_after, 2s);  // whole seconds, rounded up
  EXPECT_EQ(count_attempt(throttle_counter{3, k_now + 1ms}, 3, k_limits, k_now).retry_after, 1s);
}

TEST(login_throttle, after_the_window_or_lock_counting_starts_afresh) {
  for (auto ends : {k_now, k_now - 1s}) {
    auto step = count_attempt(throttle_counter{3, ends}, 3, k_limits, k_now);
    ASSERT_TRUE(step.admitted);
    EXPECT_EQ(step.next, (throttle_counter{1, k_now + 600s}));
  }
}

TEST(login_throttle, a_limit_of_one_locks_at_the_first_attempt) {
  auto step = count_attempt(std::nullopt, 1, k_limits, k_now);
  ASSERT_TRUE(step.admitted);
  EXPECT_EQ(step.next, (throttle_counter{1, k_now + 900s}));
}

TEST(login_throttle, limits_out_of_range_are_named) {
  EXPECT_NO_THROW(check_limits(k_limits));
  auto bad = k_limits;
  bad.per_address = 0;
  EXPECT_THROW(check_limits(bad), std::invalid_argument);
  bad = k_limits;
  bad.window = 0s;
  EXPECT_THROW(check_limits(bad), std::invalid_argument);
}

}  // namespace
}  // namespace planflow::auth
