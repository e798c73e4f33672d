#pragma once
/// Delegations (รักษาราชการแทน): a user lets another act in one of their
/// roles for a period. Actions taken under a delegation record both people.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planflow::directory {

struct delegation {
  std::int64_t id = 0;
  std::int64_t from_user_id = 0;
  std::int64_t to_user_id = 0;
  std::string role;
  std::string valid_from;  ///< ISO timestamps
  std::string valid_to;
  std::optional<std::string> revoked_at;
  std::int64_t created_by = 0;
};

std::int64_t create_delegation(soci::session& sql, const delegation& d);
std::optional<delegation> find_delegation(soci::session& sql, std::int64_t id);
/// Returns false when there was nothing to revoke.
bool revoke_delegation(soci::session& sql, std::int64_t id);
/// Delegations given by or to the user, newest first.
std::vector<delegation> delegations_of(soci::session& sql, std::int64_t user_id);
/// Delegations to the user in force at `now` (ISO timestamp).
std::vector<delegation> active_delegations_to(soci::session& sql, std::int64_t user_id, const std::string& now);

}  // namespace planflow::directory
