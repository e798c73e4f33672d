#pragma once
/// The audit log: append-only, one entry for every change of state or
/// content. Each entity (a plan's case, a user, an agency...) has its own hash
/// chain: an entry carries its place in the chain and the SHA-256 of the
/// entry before it, so removing, altering or reordering entries breaks the
/// chain from that point on. Writes to different entities share no row, so
/// instances on different Galera nodes do not conflict over the log; signed
/// checkpoints over the chain heads (audit/checkpoint.hpp) catch a chain cut
/// short or deleted whole. The single chain written before (audit_log) is kept
/// frozen as the log's legacy part and still verified.

#include <planflow/storage/database.hpp>

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planflow::audit {

struct entry {
  std::optional<std::int64_t> actor_id;
  std::optional<std::int64_t> on_behalf_of;
  std::string remote_address;
  std::string action;  ///< e.g. "plan.transition", "user.create"
  std::string entity;  ///< "plan", "user", "agency", "workflow", ...; with entity_id, names the chain
  std::string entity_id;
  boost::json::object details;
};

/// Appends to the entity's chain within the caller's transaction (the change
/// and its audit entry commit together): locks only that chain's head, so a
/// conflict means the same entity was written at the same time, and the
/// caller's `storage::in_transaction` runs the loser again. Returns the
/// entry's id (its place in the global order of appends).
std::int64_t append(soci::session& sql, storage::backend backend, const entry& e);

/// The hash of an entry: SHA-256 of the previous hash in its chain and the
/// canonical JSON of the entry's fields, its chain and place included
/// (exposed for tests).
std::string entry_hash(const std::string& prev_hash, std::int64_t chain_seq, const std::string& at, const entry& e);

/// One thing found wrong, as precisely as it can be placed.
struct break_point {
  std::string part;    ///< "legacy" (the frozen single chain), "chain" or "checkpoint"
  std::string entity;  ///< the chain, for part "chain"
  std::string entity_id;
  std::optional<std::int64_t> chain_seq;      ///< the place in the chain (or the legacy seq)
  std::optional<std::int64_t> entry_id;       ///< the offending row of audit_entries, when there is one
  std::optional<std::int64_t> checkpoint_id;  ///< the checkpoint at fault, or whose record was contradicted
  std::string reason;
};

struct checkpoint_summary {
  std::int64_t id = 0;
  std::string at;
  std::string digest;
};

struct verification {
  bool intact = true;
  std::int64_t entries = 0;         ///< legacy and chained entries checked
  std::int64_t legacy_entries = 0;  ///< of which in the frozen legacy chain
  std::int64_t chains = 0;
  std::int64_t checkpoints = 0;                         ///< checkpoints checked (all of them)
  std::optional<checkpoint_summary> latest_checkpoint;  ///< the newest one signed by the trusted key
  /// Everything broken, first found first: at most one per chain (what follows
  /// a break in a chain cannot be judged) and at most `k_max_breaks`.
  std::vector<break_point> breaks;

  static constexpr std::size_t k_max_breaks = 100;

  /// The first break's entry: its id, or the legacy seq (the field earlier
  /// clients read as `first_broken`); nullopt when no single entry is at fault.
  std::optional<std::int64_t> first_broken() const;
};

/// One line for people: where the break is and why.
std::string describe(const break_point& b);

/// Checks the whole log in one consistent snapshot: the legacy chain; every
/// chain, from its first entry to its head (links, recomputed hashes, no gap,
/// nothing cut off the end); every checkpoint (its link to the one before,
/// its digest, and its signature by `trusted_public_key`, hex: a checkpoint
/// signed by another key, or any when there is none, is reported and not
/// trusted); and that every head a trusted checkpoint recorded is still in
/// its chain with the same hash. `sql` must not be inside a transaction.
verification verify(soci::session& sql, storage::backend backend, const std::optional<std::string>& trusted_public_key);

}  // namespace planflow::audit
