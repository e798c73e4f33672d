#include <planflow/audit/log.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/canonical_json.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace planflow::audit {
namespace {

boost::json::value optional_id(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

}  // namespace

std::string entry_hash(const std::string& prev_hash, std::int64_t seq, const std::string& at, const entry& e) {
  boost::json::object fields{{"seq", seq},
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

std::int64_t append(soci::session& sql, storage::backend backend, const entry& e) {
  long long last_seq = 0;
  std::string last_hash;
  sql << std::string("SELECT last_seq, last_hash FROM audit_head WHERE id = 1") +
             (backend == storage::backend::mysql ? " FOR UPDATE" : ""),
      soci::into(last_seq), soci::into(last_hash);
  const long long seq = last_seq + 1;
  const std::string at = storage::now_iso();
  const std::string hash = entry_hash(last_hash, seq, at, e);
  const std::string details = canonical_json(e.details);
  long long actor = e.actor_id.value_or(0), behalf = e.on_behalf_of.value_or(0);
  soci::indicator actor_ind = e.actor_id ? soci::i_ok : soci::i_null;
  soci::indicator behalf_ind = e.on_behalf_of ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO audit_log (seq, at, actor_id, on_behalf_of, remote_address, action, entity, entity_id, details, "
         "prev_hash, hash) VALUES (:s, :at, :a, :b, :r, :ac, :en, :ei, :d, :p, :h)",
      soci::use(seq), soci::use(at), soci::use(actor, actor_ind), soci::use(behalf, behalf_ind),
      soci::use(e.remote_address), soci::use(e.action), soci::use(e.entity), soci::use(e.entity_id), soci::use(details),
      soci::use(last_hash), soci::use(hash);
  sql << "UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1", soci::use(seq), soci::use(hash);
  return seq;
}

verification verify(soci::session& sql) {
  verification out;
  std::string prev = std::string(64, '0');
  std::int64_t expected_seq = 1;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT seq, at, actor_id, on_behalf_of, remote_address, action, entity, entity_id, details, "
                      "prev_hash, hash FROM audit_log ORDER BY seq");
  for (const auto& row : rows) {
    using namespace storage;
    const auto seq = column_int(row, 0);
    entry e;
    e.actor_id = column_opt_int(row, 2);
    e.on_behalf_of = column_opt_int(row, 3);
    e.remote_address = column_text(row, 4);
    e.action = column_text(row, 5);
    e.entity = column_text(row, 6);
    e.entity_id = column_text(row, 7);
    boost::system::error_code ec;
    auto details = boost::json::parse(column_text(row, 8), ec);
    const std::string stored_prev = column_text(row, 9);
    const std::string stored_hash = column_text(row, 10);
    std::string reason;
    if (seq != expected_seq) {
      reason = "entry " + std::to_string(expected_seq) + " is missing";
    } else if (ec || !details.is_object()) {
      reason = "details are not a JSON object";
    } else if (stored_prev != prev) {
      reason = "does not chain to the previous entry";
    } else {
      e.details = details.as_object();
      if (entry_hash(prev, seq, column_text(row, 1), e) != stored_hash) reason = "its content does not match its hash";
    }
    if (!reason.empty()) {
      out.intact = false;
      out.first_broken = expected_seq;
      out.reason = reason;
      return out;
    }
    prev = stored_hash;
    ++expected_seq;
    ++out.entries;
  }
  // The head must point at the last entry, or entries were cut off the end.
  long long last_seq = 0;
  std::string last_hash;
  sql << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", soci::into(last_seq), soci::into(last_hash);
  if (last_seq != out.entries || (out.entries > 0 && last_hash != prev)) {
    out.intact = false;
    out.first_broken = out.entries + 1;
    out.reason = "the log ends at entry " + std::to_string(out.entries) + " but " + std::to_string(last_seq) +
                 " were written";
  }
  return out;
}

}  // namespace planflow::audit
