#include <planflow/auth/crypto.hpp>
#include <planflow/auth/sessions.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>

#include <algorithm>

namespace planflow::auth {
namespace {

using clock = std::chrono::system_clock;

clock::time_point parse_iso(const std::string& text) {
  // Only our own format reaches here ("YYYY-MM-DDTHH:MM:SS.mmmZ").
  std::tm tm{};
  int ms = 0;
  std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
              &tm.tm_min, &tm.tm_sec, &ms);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return clock::from_time_t(timegm(&tm)) + std::chrono::milliseconds(ms);
}

}  // namespace

sessions::sessions(storage::database& db, session_settings settings)
    : db_(db), settings_(settings), dummy_hash_(hash_password(random_token())) {}

long long sessions::throttle_delay(soci::session& sql, std::string_view scope, std::string_view subject) {
  const auto now = clock::now();
  const std::string since = format_iso(now - settings_.failure_window);
  std::string s(scope), subj(subject);
  int failures = 0;
  std::string last;
  soci::indicator last_ind = soci::i_null;
  sql << "SELECT COUNT(*), MAX(failed_at) FROM login_failures WHERE scope = :s AND subject = :j AND failed_at >= :t",
      soci::use(s), soci::use(subj), soci::use(since), soci::into(failures), soci::into(last, last_ind);
  if (failures < settings_.free_failures || last_ind != soci::i_ok) return 0;
  // Each failure beyond the free ones doubles the wait, up to max_delay.
  const int excess = std::min(failures - settings_.free_failures, 20);
  const auto delay = std::min<std::chrono::seconds>(std::chrono::seconds(1LL << excess), settings_.max_delay);
  const auto until = parse_iso(last) + delay;
  if (until <= now) return 0;
  return std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(until - now).count());
}

login_result sessions::login(std::string_view username, std::string_view password, std::string_view remote_address) {
  storage::lease session(db_);
  auto& sql = *session;
  const long long wait = std::max(throttle_delay(sql, "user", username), throttle_delay(sql, "address", remote_address));
  if (wait > 0) {
    throw http::problem_error(429, "too-many-attempts", "Too many failed logins",
                              "Wait " + std::to_string(wait) + " seconds before trying again.")
        .with_header("Retry-After", std::to_string(wait));
  }

  auto user = directory::find_user_by_username(sql, username);
  auto hash = user ? directory::password_hash_of(sql, user->id) : std::nullopt;
  const bool ok = verify_password(hash.value_or(dummy_hash_), password) && hash && user->active;
  if (!ok) {
    storage::transaction tx(session);
    const std::string now = storage::now_iso();
    std::string name(username), address(remote_address);
    sql << "INSERT INTO login_failures (scope, subject, failed_at) VALUES ('user', :s, :t)", soci::use(name),
        soci::use(now);
    sql << "INSERT INTO login_failures (scope, subject, failed_at) VALUES ('address', :s, :t)", soci::use(address),
        soci::use(now);
    tx.commit();
    log::warn("login failed", {{"username", name}, {"remote", address}});
    throw http::problem_error(401, "invalid-credentials", "Invalid credentials",
                              "The username or the password is wrong.");
  }

  login_result result;
  result.token = random_token();
  const auto now = clock::now();
  result.expires_at = format_iso(now + settings_.token_lifetime);
  const std::string created = format_iso(now);
  const std::string token_hash = sha256_hex(result.token);
  long long user_id = user->id;
  std::string name(username), address(remote_address);
  storage::transaction tx(session);
  sql << "INSERT INTO auth_tokens (token_hash, user_id, created_at, expires_at, revoked_at, remote_address) "
         "VALUES (:h, :u, :c, :e, NULL, :a)",
      soci::use(token_hash), soci::use(user_id), soci::use(created), soci::use(result.expires_at), soci::use(address);
  sql << "DELETE FROM login_failures WHERE scope = 'user' AND subject = :s", soci::use(name);
  tx.commit();
  result.user = std::move(*user);
  return result;
}

void sessions::logout(std::string_view token) {
  const std::string token_hash = sha256_hex(token);
  const std::string now = storage::now_iso();
  storage::lease session(db_);
  *session << "UPDATE auth_tokens SET revoked_at = :t WHERE token_hash = :h AND revoked_at IS NULL", soci::use(now),
      soci::use(token_hash);
}

std::optional<directory::user> sessions::authenticate(std::string_view token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const std::string token_hash = sha256_hex(token);
  const std::string now = storage::now_iso();
  storage::lease session(db_);
  long long user_id = 0;
  *session << "SELECT user_id FROM auth_tokens WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :t",
      soci::use(token_hash), soci::use(now), soci::into(user_id);
  if (!session->got_data()) return std::nullopt;
  auto user = directory::find_user(*session, user_id);
  if (!user || !user->active) return std::nullopt;
  return user;
}

}  // namespace planflow::auth
