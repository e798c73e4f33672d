#include <planflow/auth/crypto.hpp>
#include <planflow/auth/sessions.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/util/log.hpp>
#include <planflow/util/time.hpp>

#include <algorithm>
#include <cctype>

namespace planflow::auth {
namespace {

// The counters' names for an account: its real username when it exists (on
// MySQL "Officer_A" finds officer_a, and must not get counters of its own),
// else the name as typed, lower-cased as usernames are.
std::string account_key(std::string_view typed, const std::optional<directory::user>& user) {
  if (user) return user->username;
  std::string out(typed);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

error::problem too_many_attempts(std::chrono::seconds wait) {
  return error::problem(error::types::too_many_attempts, error::messages::login_wait, {{"seconds", wait.count()}})
      .with_retry_after(wait);
}

}  // namespace

/// One counted attempt and what its password is checked against, read in the
/// transaction that counted it.
struct sessions::attempt {
  std::string account;          ///< the account counters' subject
  std::string account_address;  ///< the account+address counter's subject
  std::string address;
  std::optional<directory::user> user;
  std::optional<std::string> hash;
};

sessions::sessions(storage::database& db, session_settings settings)
    : db_(db), settings_(settings), dummy_hash_(hash_password(random_token())) {
  check_limits(settings_.limits);
}

sessions::attempt sessions::begin_attempt(std::string_view username, std::string_view remote_address) {
  const auto& limits = settings_.limits;
  return storage::in_transaction(db_, [&](soci::session& sql) {
    attempt a;
    a.user = directory::find_user_by_username(sql, username);
    a.hash = a.user ? directory::password_hash_of(sql, a.user->id) : std::nullopt;
    a.account = account_key(username, a.user);
    a.address = std::string(remote_address);
    a.account_address = a.account + "|" + a.address;
    const auto now = throttle_clock::now();
    // All three in one transaction: an attempt refused by one counter is
    // counted by none (the throw rolls the others back).
    std::chrono::seconds wait{0};
    auto count = [&](const char* scope, const std::string& subject, int limit) {
      if (auto refused = reserve_attempt(sql, scope, subject, limit, limits, now)) wait = std::max(wait, *refused);
    };
    count(throttle_scope::account_address, a.account_address, limits.per_account_address);
    count(throttle_scope::account, a.account, limits.per_account);
    count(throttle_scope::address, a.address, limits.per_address);
    if (wait.count() > 0) throw too_many_attempts(wait);
    return a;
  });
}

template <class Also>
login_result sessions::succeed(const attempt& a, Also&& also) {
  login_result result;
  result.token = random_token();
  const auto now = std::chrono::system_clock::now();
  result.expires_at = format_iso(now + settings_.token_lifetime);
  const std::string created = format_iso(now);
  const std::string token_hash = sha256_hex(result.token);
  long long user_id = a.user->id;
  storage::in_transaction(db_, [&](soci::session& sql) {
    also(sql);
    sql << "INSERT INTO auth_tokens (token_hash, user_id, created_at, expires_at, revoked_at, remote_address) "
           "VALUES (:h, :u, :c, :e, NULL, :a)",
        soci::use(token_hash), soci::use(user_id), soci::use(created), soci::use(result.expires_at),
        soci::use(a.address);
    // The owner proved the password: others' failures on the account are
    // forgotten; the address keeps the failures of its other accounts.
    clear_attempts(sql, throttle_scope::account_address, a.account_address);
    clear_attempts(sql, throttle_scope::account, a.account);
    give_back_attempt(sql, throttle_scope::address, a.address);
  });
  result.user = *a.user;
  return result;
}

login_result sessions::login(std::string_view username, std::string_view password, std::string_view remote_address) {
  const auto a = begin_attempt(username, remote_address);
  // Argon2 takes a while on purpose: no connection is held meanwhile.
  const bool ok = verify_password(a.hash.value_or(dummy_hash_), password) && a.hash && a.user->active;
  if (!ok) {
    // Nothing to record: the attempt was counted as a failure in advance.
    log::warn("login failed", {{"username", a.account}, {"remote", a.address}});
    throw error::problem(error::types::invalid_credentials, error::messages::wrong_credentials);
  }
  return succeed(a, [](soci::session&) {});
}

login_result sessions::change_password(const directory::user& user, std::string_view current_password,
                                       std::string_view new_password, std::string_view remote_address) {
  // Counted like a login, so a borrowed token cannot be used to guess the password.
  const auto a = begin_attempt(user.username, remote_address);
  if (!a.hash || !verify_password(*a.hash, current_password)) {
    log::warn("password change refused", {{"username", a.account}, {"remote", a.address}});
    throw error::invalid("/current_password", error::messages::not_current_password);
  }
  const std::string replacement = hash_password(new_password);
  return succeed(a, [&](soci::session& sql) {
    // Changed meanwhile (by an administrator, or in another tab): what was
    // proved is no longer the password, so nothing is overwritten.
    if (directory::password_hash_of(sql, user.id) != a.hash) {
      throw error::conflict(error::messages::password_changed_meanwhile);
    }
    directory::set_password_hash(sql, user.id, replacement);
    revoke_tokens_of(sql, user.id);
  });
}

void sessions::logout(std::string_view token) {
  const std::string token_hash = sha256_hex(token);
  const std::string now = storage::now_iso();
  storage::in_transaction(db_, [&](soci::session& sql) {
    sql << "UPDATE auth_tokens SET revoked_at = :t WHERE token_hash = :h AND revoked_at IS NULL", soci::use(now),
        soci::use(token_hash);
  });
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

void sessions::forget_expired_attempts() {
  storage::in_transaction(db_, [&](soci::session& sql) { forget_expired_counters(sql, throttle_clock::now()); });
}

void revoke_tokens_of(soci::session& sql, std::int64_t user_id) {
  long long id = user_id;
  const std::string now = storage::now_iso();
  sql << "UPDATE auth_tokens SET revoked_at = :t WHERE user_id = :id AND revoked_at IS NULL", soci::use(now),
      soci::use(id);
}

}  // namespace planflow::auth
