#pragma once
/// Users, their roles and the scope each role applies to.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::directory {

/// One role held by a user. An empty province or plan type means "every":
/// an administrator or a national observer holds theirs with both empty; a
/// committee member holds theirs for one province and, usually, one plan type.
/// Agency roles (agency_officer, agency_head) apply to the user's own agency.
struct role_grant {
  std::string role;
  std::string province_code;
  std::string plan_type;

  friend bool operator==(const role_grant&, const role_grant&) = default;
};

struct user {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::optional<std::int64_t> agency_id;
  std::string agency_province;  ///< the province of the user's agency, when there is one
  bool active = true;
  std::vector<role_grant> roles;
  std::string created_at;

  bool has_role(std::string_view role) const;
};

struct new_user {
  std::string username;
  std::string display_name;
  std::optional<std::int64_t> agency_id;
  std::optional<std::string> password_hash;
  std::vector<role_grant> roles;
};

/// What a case (a plan or a report) is about, for deciding which roles apply
/// (planflow/policy decides).
struct case_scope {
  std::string province_code;
  std::string plan_type;
  std::optional<std::int64_t> agency_id;
};

std::int64_t create_user(soci::session& sql, const new_user& input);
std::optional<user> find_user(soci::session& sql, std::int64_t id);
std::optional<user> find_user_by_username(soci::session& sql, std::string_view username);
std::vector<user> list_users(soci::session& sql);
/// The stored argon2id hash, when the user has a password.
std::optional<std::string> password_hash_of(soci::session& sql, std::int64_t user_id);
void set_password_hash(soci::session& sql, std::int64_t user_id, const std::string& hash);
void replace_roles(soci::session& sql, std::int64_t user_id, const std::vector<role_grant>& roles);

/// What an administrator may change of a user besides roles and password.
struct user_changes {
  std::string display_name;
  std::optional<std::int64_t> agency_id;
  bool active = true;
};
void update_user(soci::session& sql, std::int64_t user_id, const user_changes& changes);

/// Active users holding `role` for exactly this province (and this plan type
/// or every plan type): the membership a quorum counts.
std::vector<std::int64_t> role_holders(soci::session& sql, std::string_view role, std::string_view province_code,
                                       std::string_view plan_type);

}  // namespace planflow::directory
