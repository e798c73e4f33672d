#pragma once
/// Logging in and out, and finding the user behind a bearer token. Tokens are
/// random 256-bit values given to the client once and stored only as SHA-256
/// hashes; expiry and revocation are checked on every request. Failed logins
/// are counted per username and per address in the database (so several
/// planflow processes share the count) and slow further attempts down.

#include <planflow/directory/users.hpp>
#include <planflow/storage/database.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace planflow::auth {

struct session_settings {
  std::chrono::seconds token_lifetime{std::chrono::hours(12)};
  int free_failures = 5;  ///< failures within the window before attempts are slowed
  std::chrono::seconds failure_window{std::chrono::minutes(15)};
  std::chrono::seconds max_delay{std::chrono::minutes(15)};
};

struct login_result {
  std::string token;
  std::string expires_at;
  directory::user user;
};

class sessions {
 public:
  sessions(storage::database& db, session_settings settings = {});

  /// Throws problem_error 401 `invalid-credentials` for a wrong user or
  /// password (the same answer for both), 429 `too-many-attempts` with
  /// Retry-After while throttled.
  login_result login(std::string_view username, std::string_view password, std::string_view remote_address);

  /// Revokes the token; unknown or already revoked tokens are ignored.
  void logout(std::string_view token);

  /// The active user of a valid token, or nullopt.
  std::optional<directory::user> authenticate(std::string_view token);

 private:
  /// Seconds the caller must still wait, or 0.
  long long throttle_delay(soci::session& sql, std::string_view scope, std::string_view subject);

  storage::database& db_;
  session_settings settings_;
  std::string dummy_hash_;  ///< verified against for unknown users, so timing does not reveal them
};

}  // namespace planflow::auth
