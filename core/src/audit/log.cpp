#include "statement.hpp"

#include <planflow/audit/log.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/canonical_json.hpp>

namespace planflow::audit {
namespace {

boost::json::value optional_id(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

struct head_row {
  long long last_seq = 0;
  std::string last_hash;
};

// The chain's head, locked until the caller's transaction ends (SQLite
// already holds its write lock from BEGIN IMMEDIATE).
std::optional<head_row> lock_head(soci::session& sql, storage::backend backend, const entry& e) {
  head_row head;
  sql << std::string("SELECT last_seq, last_hash FROM audit_chains WHERE entity = :e AND entity_id = :i") +
             (backend == storage::backend::mysql ? " FOR UPDATE" : ""),
      soci::use(e.entity), soci::use(e.entity_id), soci::into(head.last_seq), soci::into(head.last_hash);
  if (!sql.got_data()) return std::nullopt;
  return head;
}

// Two first writes to one entity may race here: the loser's insert does
// nothing (it waits for the winner's row, then locks it) instead of failing
// as a duplicate, which in_transaction would not run again.
void create_head(soci::session& sql, storage::backend backend, const entry& e) {
  const std::string zero = detail::k_zero_hash;
  sql << std::string("INSERT INTO audit_chains (entity, entity_id, last_seq, last_hash) VALUES (:e, :i, 0, :h)") +
             (backend == storage::backend::mysql ? " ON DUPLICATE KEY UPDATE last_seq = last_seq"
                                                 : " ON CONFLICT (entity, entity_id) DO NOTHING"),
      soci::use(e.entity), soci::use(e.entity_id), soci::use(zero);
}

head_row lock_or_create_head(soci::session& sql, storage::backend backend, const entry& e) {
  // Most writes go to an entity that has a chain already: one statement.
  if (auto head = lock_head(sql, backend, e)) return *head;
  create_head(sql, backend, e);
  if (auto head = lock_head(sql, backend, e)) return *head;
  throw std::logic_error("the audit chain of " + e.entity + " " + e.entity_id + " was not created");
}

}  // namespace

std::string detail::chained_hash(const std::string& prev_hash, const char* place_key, std::int64_t place,
                                 const std::string& at, const entry& e) {
  boost::json::object fields{{place_key, place},
                             {"at", at},
                             {"actor_id", optional_id(e.actor_id)},
                             {"on_behalf_of", optional_id(e.on_behalf_of)},
                             {"remote_address", e.remote_address},
                             {"action", e.action},
                             {"entity", e.entity},
                             {"entity_id", e.entity_id},
                             {"details", e.details}};
  return auth::sha256_hex(prev_hash + canonical_json(fields));
}

std::string entry_hash(const std::string& prev_hash, std::int64_t chain_seq, const std::string& at, const entry& e) {
  return detail::chained_hash(prev_hash, "chain_seq", chain_seq, at, e);
}

std::int64_t append(soci::session& sql, storage::backend backend, const entry& e) {
  const head_row head = lock_or_create_head(sql, backend, e);
  const long long seq = head.last_seq + 1;
  const std::string at = storage::now_iso();
  const std::string hash = entry_hash(head.last_hash, seq, at, e);
  const std::string details = canonical_json(e.details);
  long long actor = e.actor_id.value_or(0), behalf = e.on_behalf_of.value_or(0);
  soci::indicator actor_ind = e.actor_id ? soci::i_ok : soci::i_null;
  soci::indicator behalf_ind = e.on_behalf_of ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO audit_entries (entity, entity_id, chain_seq, at, actor_id, on_behalf_of, remote_address, action, "
         "details, prev_hash, hash) VALUES (:en, :ei, :s, :at, :a, :b, :r, :ac, :d, :p, :h)",
      soci::use(e.entity), soci::use(e.entity_id), soci::use(seq), soci::use(at), soci::use(actor, actor_ind),
      soci::use(behalf, behalf_ind), soci::use(e.remote_address), soci::use(e.action), soci::use(details),
      soci::use(head.last_hash), soci::use(hash);
  const auto id = storage::last_insert_id(sql, "audit_entries");
  sql << "UPDATE audit_chains SET last_seq = :s, last_hash = :h WHERE entity = :e AND entity_id = :i", soci::use(seq),
      soci::use(hash), soci::use(e.entity), soci::use(e.entity_id);
  return id;
}

}  // namespace planflow::audit
