#include "statement.hpp"

#include <planflow/audit/checkpoint.hpp>
#include <planflow/storage/row.hpp>

#include <algorithm>
#include <tuple>

namespace planflow::audit {
namespace {

using detail::chain_head;

struct tip_row {
  long long checkpoint_id = 0;
  std::string digest;
};

// Checkpoint writers take turns here, so that each links to the one before.
tip_row lock_tip(soci::session& sql, storage::backend backend) {
  const bool mysql = backend == storage::backend::mysql;
  const std::string zero = detail::k_zero_hash;
  // Idempotent: two first checkpoints at once must not fail as a duplicate.
  sql << std::string("INSERT INTO audit_checkpoint_tip (id, checkpoint_id, digest) VALUES (1, 0, :z)") +
             (mysql ? " ON DUPLICATE KEY UPDATE id = id" : " ON CONFLICT (id) DO NOTHING"),
      soci::use(zero);
  tip_row tip;
  sql << std::string("SELECT checkpoint_id, digest FROM audit_checkpoint_tip WHERE id = 1") +
             (mysql ? " FOR UPDATE" : ""),
      soci::into(tip.checkpoint_id), soci::into(tip.digest);
  return tip;
}

// Heads that differ from what the latest checkpoint recorded, sorted.
std::vector<chain_head> moved_heads(soci::session& sql) {
  std::vector<chain_head> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT c.entity, c.entity_id, c.last_seq, c.last_hash FROM audit_chains c "
                      "LEFT JOIN audit_checkpointed_heads k ON k.entity = c.entity AND k.entity_id = c.entity_id "
                      "WHERE c.last_seq > 0 AND (k.entity IS NULL OR k.last_seq <> c.last_seq OR "
                      "k.last_hash <> c.last_hash)");
  for (const auto& row : rows) {
    out.push_back({storage::column_text(row, 0), storage::column_text(row, 1), storage::column_int(row, 2),
                   storage::column_text(row, 3)});
  }
  // Byte order, independent of either database's collation.
  std::ranges::sort(out, {}, [](const chain_head& h) { return std::tie(h.entity, h.entity_id); });
  return out;
}

std::pair<std::int64_t, std::int64_t> chain_totals(soci::session& sql) {
  soci::row row;
  sql << "SELECT COUNT(*), COALESCE(SUM(last_seq), 0) FROM audit_chains", soci::into(row);
  return {storage::column_int(row, 0), storage::column_int(row, 1)};
}

struct legacy_head {
  long long seq = 0;
  std::string hash = detail::k_zero_hash;
};

legacy_head read_legacy_head(soci::session& sql) {
  legacy_head head;
  sql << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", soci::into(head.seq), soci::into(head.hash);
  return head;
}

// The frozen chain can still move while instances of an older version run
// beside this one (a rolling upgrade): that, too, is worth a checkpoint.
bool legacy_moved(soci::session& sql, const tip_row& tip, const legacy_head& legacy) {
  if (tip.checkpoint_id == 0) return legacy.seq > 0;
  long long recorded = 0;
  sql << "SELECT legacy_seq FROM audit_checkpoints WHERE id = :i", soci::use(tip.checkpoint_id), soci::into(recorded);
  return !sql.got_data() || recorded != legacy.seq;
}

void remember_heads(soci::session& sql, storage::backend backend, const std::vector<chain_head>& heads) {
  std::vector<std::string> entities, ids, hashes;
  std::vector<long long> seqs;
  for (const auto& h : heads) {
    entities.push_back(h.entity);
    ids.push_back(h.entity_id);
    seqs.push_back(h.seq);
    hashes.push_back(h.hash);
  }
  sql << std::string(
             "INSERT INTO audit_checkpointed_heads (entity, entity_id, last_seq, last_hash) "
             "VALUES (:e, :i, :s, :h)") +
             (backend == storage::backend::mysql
                  ? " ON DUPLICATE KEY UPDATE last_seq = VALUES(last_seq), last_hash = VALUES(last_hash)"
                  : " ON CONFLICT (entity, entity_id) DO UPDATE SET last_seq = excluded.last_seq, "
                    "last_hash = excluded.last_hash"),
      soci::use(entities), soci::use(ids), soci::use(seqs), soci::use(hashes);
}

std::int64_t insert_checkpoint(soci::session& sql, const detail::checkpoint_statement& s, const std::string& digest,
                               const signing_key& key) {
  const std::string heads = detail::heads_json(s.heads);
  const std::string public_key = key.public_key_hex();
  // The digest's hex text is what is signed: an outside verifier needs only
  // the columns, SHA-256 and Ed25519.
  const std::string signature = key.sign_hex(digest);
  long long chains = s.chains, entries = s.entries, legacy_seq = s.legacy_seq;
  sql << "INSERT INTO audit_checkpoints (at, prev_digest, chains, entries, legacy_seq, legacy_hash, heads, digest, "
         "public_key, signature) VALUES (:at, :p, :c, :n, :ls, :lh, :h, :d, :k, :s)",
      soci::use(s.at), soci::use(s.prev_digest), soci::use(chains), soci::use(entries), soci::use(legacy_seq),
      soci::use(s.legacy_hash), soci::use(heads), soci::use(digest), soci::use(public_key), soci::use(signature);
  return storage::last_insert_id(sql, "audit_checkpoints");
}

checkpoint_outcome checkpoint_in(soci::session& sql, storage::backend backend, const signing_key& key) {
  const tip_row tip = lock_tip(sql, backend);
  const auto [chains, entries] = chain_totals(sql);
  const legacy_head legacy = read_legacy_head(sql);
  auto heads = moved_heads(sql);
  checkpoint_outcome out{false, tip.checkpoint_id, chains, entries, std::int64_t(heads.size()), tip.digest};
  if (heads.empty() && !legacy_moved(sql, tip, legacy)) return out;

  detail::checkpoint_statement s{storage::now_iso(), tip.digest,  chains,          entries,
                                 legacy.seq,         legacy.hash, std::move(heads)};
  const std::string digest = detail::statement_digest(s);
  out.id = insert_checkpoint(sql, s, digest, key);
  long long id = out.id;
  sql << "UPDATE audit_checkpoint_tip SET checkpoint_id = :c, digest = :d WHERE id = 1", soci::use(id),
      soci::use(digest);
  if (!s.heads.empty()) remember_heads(sql, backend, s.heads);
  out.written = true;
  out.digest = digest;
  return out;
}

}  // namespace

checkpoint_outcome write_checkpoint(storage::database& db, const signing_key& key) {
  return storage::in_transaction(db, [&](soci::session& sql) { return checkpoint_in(sql, db.backend(), key); });
}

}  // namespace planflow::audit
