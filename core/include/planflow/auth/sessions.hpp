#pragma once
/// Logging in and out, and finding the user behind a bearer token. Tokens are
/// random 256-bit values given to the client once and stored only as SHA-256
/// hashes; expiry and revocation are checked on every request, and a change
/// of what a password or a user means (a new password, a deactivation, new
/// roles) revokes the user's tokens (`revoke_tokens_of`).
///
/// Failed logins are limited by counters in the database (so several planflow
/// processes share them), see `login_limits`.

#include <planflow/auth/throttle.hpp>
#include <planflow/directory/users.hpp>
#include <planflow/storage/database.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planflow::auth {

struct session_settings {
  std::chrono::seconds token_lifetime{std::chrono::hours(12)};
  login_limits limits{};
};

struct login_result {
  std::string token;
  std::string expires_at;
  directory::user user;
};

class sessions {
 public:
  /// Takes its own leases: call it holding none.
  sessions(storage::database& db, session_settings settings = {});

  /// Throws error::problem 401 `invalid-credentials` for a wrong user or
  /// password (the same answer for both), 429 `too-many-attempts` with
  /// Retry-After while a counter of `login_limits` is at its limit.
  login_result login(std::string_view username, std::string_view password, std::string_view remote_address);

  /// The user replaces their own password, proving the current one (counted
  /// as a login attempt). Every token of the user is revoked, the caller's
  /// too, and a new one is returned. 422 naming `/current_password` when it
  /// is wrong, 429 while throttled.
  login_result change_password(const directory::user& user, std::string_view current_password,
                               std::string_view new_password, std::string_view remote_address);

  /// Revokes the token; unknown or already revoked tokens are ignored.
  void logout(std::string_view token);

  /// The active user of a valid token, or nullopt.
  std::optional<directory::user> authenticate(std::string_view token);

  /// Deletes counters whose window or lock is over (they count as empty
  /// anyway), so that names typed once do not stay for ever.
  void forget_expired_attempts();

  const session_settings& settings() const noexcept { return settings_; }

 private:
  struct attempt;
  /// Counts an attempt and reads what it is checked against, in one short
  /// transaction; throws 429 when a counter is at its limit.
  attempt begin_attempt(std::string_view username, std::string_view remote_address);
  /// Gives a right attempt back and issues a token, in one transaction with
  /// `also` (which must only touch the database).
  template <class Also>
  login_result succeed(const attempt& a, Also&& also);

  storage::database& db_;
  session_settings settings_;
  std::string dummy_hash_;  ///< verified against for unknown users, so timing does not reveal them
};

/// Revokes every token of the user, in the caller's transaction: after a new
/// password, a deactivation or new roles, nobody keeps acting on what the
/// user could do before.
void revoke_tokens_of(soci::session& sql, std::int64_t user_id);

}  // namespace planflow::auth
