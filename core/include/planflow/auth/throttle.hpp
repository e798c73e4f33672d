#pragma once
/// Counters of password attempts, one row per (scope, subject) in
/// `login_throttles`, changed only by a compare-and-set UPDATE (or the
/// INSERT of a missing row) inside the caller's transaction, so a limit holds
/// however many attempts arrive at once, on SQLite and MySQL alike.

#include <soci/soci.h>

#include <chrono>
#include <optional>
#include <string>

namespace planflow::auth {

/// How many password attempts are allowed. Three counters are kept:
/// - one account from one address: the lowest limit, so a guesser, or an
///   officer who mistypes, stops early;
/// - one account from any address: higher, so the owner elsewhere is not
///   locked out by someone else's failures until this limit, which stops
///   guessing spread over many addresses;
/// - one address for any account: far higher, so one person who mistypes
///   does not lock out an office behind one NAT address, while one address
///   still cannot try password after password on many accounts.
/// An attempt is counted before its password is checked, so simultaneous
/// attempts cannot overrun a limit, and given back when the password was
/// right (which clears both account counters). A counter that reaches its
/// limit within `window` of its first count refuses further attempts (429
/// with Retry-After) for `lockout` from the attempt that reached it; then it
/// starts again from zero. Refused attempts are not counted.
struct login_limits {
  int per_account_address = 5;
  int per_account = 20;
  int per_address = 100;
  std::chrono::seconds window{std::chrono::minutes(15)};
  std::chrono::seconds lockout{std::chrono::minutes(15)};
};

/// Throws std::invalid_argument naming the setting that is out of range.
void check_limits(const login_limits& limits);

using throttle_clock = std::chrono::system_clock;

/// One counter as stored.
struct throttle_counter {
  int failures = 0;
  /// The end of the counting window, or of the lock once at the limit.
  throttle_clock::time_point window_ends{};

  friend bool operator==(const throttle_counter&, const throttle_counter&) = default;
};

/// What counting one more attempt does to a counter.
struct throttle_step {
  bool admitted = false;
  throttle_counter next{};             ///< when admitted: the counter to store
  std::chrono::seconds retry_after{};  ///< when refused: whole seconds, at least 1
};

/// The rule of `login_limits` for one counter (nullopt: none stored yet).
throttle_step count_attempt(const std::optional<throttle_counter>& current, int limit, const login_limits& limits,
                            throttle_clock::time_point now);

/// The kinds of counter, and their subjects.
namespace throttle_scope {
inline constexpr const char* account_address = "account_address";
inline constexpr const char* account = "account";
inline constexpr const char* address = "address";
}  // namespace throttle_scope

/// Counts an attempt on the counter of (scope, subject) in the caller's
/// transaction. Returns the wait when the counter is at its limit (nothing is
/// counted then), nullopt when the attempt was counted.
std::optional<std::chrono::seconds> reserve_attempt(soci::session& sql, const char* scope, const std::string& subject,
                                                    int limit, const login_limits& limits,
                                                    throttle_clock::time_point now);

/// Takes one counted attempt back (its password was right).
void give_back_attempt(soci::session& sql, const char* scope, const std::string& subject);

/// Forgets the counter (the account's owner proved the password).
void clear_attempts(soci::session& sql, const char* scope, const std::string& subject);

/// Deletes the counters whose window or lock ended before `now`.
void forget_expired_counters(soci::session& sql, throttle_clock::time_point now);

/// The stored counter, for tests and diagnostics.
std::optional<throttle_counter> read_counter(soci::session& sql, const char* scope, const std::string& subject);

}  // namespace planflow::auth
