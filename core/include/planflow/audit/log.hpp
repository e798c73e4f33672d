#pragma once
/// The audit log: append-only, one entry for every change of state or
/// content, each carrying the SHA-256 of the previous entry, so that removing
/// or altering an entry breaks the chain from that point on.

#include <planflow/storage/database.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace planflow::audit {

struct entry {
  std::optional<std::int64_t> actor_id;
  std::optional<std::int64_t> on_behalf_of;
  std::string remote_address;
  std::string action;     ///< e.g. "plan.transition", "user.create"
  std::string entity;     ///< "plan", "user", "agency", "workflow", ...
  std::string entity_id;
  boost::json::object details;
};

/// Appends within the caller's transaction (the change and its audit entry
/// commit together). Returns the entry's sequence number.
std::int64_t append(soci::session& sql, storage::backend backend, const entry& e);

struct verification {
  bool intact = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken;  ///< sequence number of the first bad entry
  std::string reason;
};

/// Recomputes the chain from the first entry.
verification verify(soci::session& sql);

/// The hash of an entry: SHA-256 of the previous hash and the canonical JSON
/// of the entry's fields (exposed for tests).
std::string entry_hash(const std::string& prev_hash, std::int64_t seq, const std::string& at, const entry& e);

}  // namespace planflow::audit
