#pragma once
// What the writers and the verifier must agree on byte for byte: the hash of
// an entry and the form of a checkpoint's signed statement.

#include <planflow/audit/log.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace planflow::audit::detail {

/// The prev_hash of a chain's first entry, and the prev_digest of the first checkpoint.
inline const std::string k_zero_hash(64, '0');

struct chain_head {
  std::string entity;
  std::string entity_id;
  std::int64_t seq = 0;
  std::string hash;
};

struct checkpoint_statement {
  std::string at;
  std::string prev_digest;
  std::int64_t chains = 0;
  std::int64_t entries = 0;
  std::int64_t legacy_seq = 0;
  std::string legacy_hash;
  std::vector<chain_head> heads;  ///< sorted by (entity, entity_id)
};

/// SHA-256 of `prev_hash` and the canonical JSON of the entry's fields, its
/// place named `place_key`: "chain_seq" in a per-entity chain, "seq" in the
/// frozen legacy chain (as its entries were written).
std::string chained_hash(const std::string& prev_hash, const char* place_key, std::int64_t place, const std::string& at,
                         const entry& e);

/// [[entity, entity_id, seq, hash], ...] as canonical JSON.
std::string heads_json(const std::vector<chain_head>& heads);
/// The reverse; throws std::invalid_argument when the text is not of that form.
std::vector<chain_head> parse_heads(const std::string& text);
/// SHA-256 (hex) of the canonical JSON of every field: what is signed.
std::string statement_digest(const checkpoint_statement& s);

}  // namespace planflow::audit::detail
