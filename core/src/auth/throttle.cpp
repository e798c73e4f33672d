#include <planflow/auth/throttle.hpp>
#include <planflow/storage/errors.hpp>
#include <planflow/util/time.hpp>

#include <algorithm>
#include <stdexcept>

namespace planflow::auth {
namespace {

std::chrono::seconds whole_seconds_until(throttle_clock::time_point until, throttle_clock::time_point now) {
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(until - now));
}

bool insert_counter(soci::session& sql, const std::string& scope, const std::string& subject,
                    const throttle_counter& next) {
  const std::string ends = format_iso(next.window_ends);
  try {
    sql << "INSERT INTO login_throttles (scope, subject, failures, window_ends) VALUES (:s, :j, :f, :e)",
        soci::use(scope), soci::use(subject), soci::use(next.failures), soci::use(ends);
    return true;
  } catch (const std::exception& e) {
    // Another attempt created the row first (MySQL: it waited for that
    // commit). Only the statement failed; the caller reads the row again.
    if (storage::classify(e) == storage::failure::duplicate) return false;
    throw;
  }
}

// Compare-and-set: changes the row only if nobody changed it since it was
// read, so two attempts never both count against the same old value.
bool update_counter(soci::session& sql, const std::string& scope, const std::string& subject,
                    const throttle_counter& seen, const throttle_counter& next) {
  const std::string ends = format_iso(next.window_ends), seen_ends = format_iso(seen.window_ends);
  int seen_failures = seen.failures, failures = next.failures;
  soci::statement st = (sql.prepare << "UPDATE login_throttles SET failures = :f, window_ends = :e "
                                       "WHERE scope = :s AND subject = :j AND failures = :sf AND window_ends = :se",
                        soci::use(failures), soci::use(ends), soci::use(scope), soci::use(subject),
                        soci::use(seen_failures), soci::use(seen_ends));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace

void check_limits(const login_limits& limits) {
  if (limits.per_account_address < 1) throw std::invalid_argument("--login-limit-account-address must be at least 1");
  if (limits.per_account < 1) throw std::invalid_argument("--login-limit-account must be at least 1");
  if (limits.per_address < 1) throw std::invalid_argument("--login-limit-address must be at least 1");
  if (limits.window.count() < 1) throw std::invalid_argument("--login-window must be at least 1 second");
  if (limits.lockout.count() < 1) throw std::invalid_argument("--login-lockout must be at least 1 second");
}

throttle_step count_attempt(const std::optional<throttle_counter>& current, int limit, const login_limits& limits,
                            throttle_clock::time_point now) {
  const bool fresh = !current || current->window_ends <= now;
  if (!fresh && current->failures >= limit) return {false, {}, whole_seconds_until(current->window_ends, now)};
  throttle_counter next;
  next.failures = fresh ? 1 : current->failures + 1;
  next.window_ends = fresh ? now + limits.window : current->window_ends;
  // The attempt that reaches the limit starts the lock, wherever in the
  // window it comes; once the lock is over the counter starts afresh.
  if (next.failures >= limit) next.window_ends = now + limits.lockout;
  return {true, next, {}};
}

std::optional<throttle_counter> read_counter(soci::session& sql, const char* scope, const std::string& subject) {
  const std::string s(scope);
  int failures = 0;
  std::string ends;
  sql << "SELECT failures, window_ends FROM login_throttles WHERE scope = :s AND subject = :j", soci::use(s),
      soci::use(subject), soci::into(failures), soci::into(ends);
  if (!sql.got_data()) return std::nullopt;
  return throttle_counter{failures, parse_iso(ends)};
}

std::optional<std::chrono::seconds> reserve_attempt(soci::session& sql, const char* scope, const std::string& subject,
                                                    int limit, const login_limits& limits,
                                                    throttle_clock::time_point now) {
  const std::string s(scope);
  // Each lost compare-and-set means another attempt on this counter was
  // counted meanwhile; so few connections exist that this ends quickly.
  for (int round = 0; round < 100; ++round) {
    const auto current = read_counter(sql, scope, subject);
    const auto step = count_attempt(current, limit, limits, now);
    if (!step.admitted) return step.retry_after;
    const bool stored =
        current ? update_counter(sql, s, subject, *current, step.next) : insert_counter(sql, s, subject, step.next);
    if (stored) return std::nullopt;
  }
  throw storage::unavailable("the login counters kept changing under this attempt");
}

void give_back_attempt(soci::session& sql, const char* scope, const std::string& subject) {
  const std::string s(scope);
  sql << "UPDATE login_throttles SET failures = failures - 1 WHERE scope = :s AND subject = :j AND failures > 0",
      soci::use(s), soci::use(subject);
}

void clear_attempts(soci::session& sql, const char* scope, const std::string& subject) {
  const std::string s(scope);
  sql << "DELETE FROM login_throttles WHERE scope = :s AND subject = :j", soci::use(s), soci::use(subject);
}

void forget_expired_counters(soci::session& sql, throttle_clock::time_point now) {
  const std::string before = format_iso(now);
  sql << "DELETE FROM login_throttles WHERE window_ends < :t", soci::use(before);
}

}  // namespace planflow::auth
