#include "statement.hpp"

#include <planflow/audit/log.hpp>
#include <planflow/audit/signing_key.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/canonical_json.hpp>
#include <planflow/util/log.hpp>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace planflow::audit {
namespace {

using chain_key = std::pair<std::string, std::string>;

/// What a trusted checkpoint said about one chain.
struct claim {
  std::int64_t seq = 0;
  std::string hash;
  std::int64_t checkpoint_id = 0;
};

struct claims {
  std::map<chain_key, std::vector<claim>> chains;  ///< each sorted by seq
  std::vector<claim> legacy;
};

// Entries appended while verify reads must be either wholly seen or not at
// all: otherwise a head read before its new entry looks like a cut-off log.
class read_snapshot {
 public:
  read_snapshot(soci::session& sql, storage::backend backend) : sql_(sql) {
    if (backend == storage::backend::mysql) {
      sql_ << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
      sql_ << "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
    } else {
      sql_ << "BEGIN";  // deferred: a WAL read snapshot from the first read on
    }
  }
  ~read_snapshot() {
    try {
      sql_ << "ROLLBACK";
    } catch (const std::exception& e) {
      log::warn("ending the audit verification snapshot failed", {{"error", e.what()}});
    }
  }
  read_snapshot(const read_snapshot&) = delete;
  read_snapshot& operator=(const read_snapshot&) = delete;

 private:
  soci::session& sql_;
};

// Breaks found by one part of the check, kept apart so that they can be
// reported in the order people read them (entries before checkpoints).
class break_list {
 public:
  void add(break_point b) {
    ++count_;
    if (found_.size() < verification::k_max_breaks) found_.push_back(std::move(b));
  }
  void move_into(verification& out) {
    if (count_ > 0) out.intact = false;
    for (auto& b : found_) {
      if (out.breaks.size() < verification::k_max_breaks) out.breaks.push_back(std::move(b));
    }
  }

 private:
  std::vector<break_point> found_;
  std::size_t count_ = 0;
};

break_point chain_break(const chain_key& key, std::optional<std::int64_t> seq, std::optional<std::int64_t> entry_id,
                        std::string reason, std::optional<std::int64_t> checkpoint_id = std::nullopt) {
  return {"chain", key.first, key.second, seq, entry_id, checkpoint_id, std::move(reason)};
}

// ---- checkpoints -------------------------------------------------------

detail::checkpoint_statement read_statement(const soci::row& row) {
  using namespace storage;
  detail::checkpoint_statement s;
  s.at = column_text(row, 1);
  s.prev_digest = column_text(row, 2);
  s.chains = column_int(row, 3);
  s.entries = column_int(row, 4);
  s.legacy_seq = column_int(row, 5);
  s.legacy_hash = column_text(row, 6);
  s.heads = detail::parse_heads(column_text(row, 7));
  return s;
}

// Why the checkpoint cannot be trusted, or "" when it can.
std::string distrust(const detail::checkpoint_statement& s, const std::string& expected_prev, const soci::row& row,
                     const std::optional<std::string>& trusted_key) {
  const std::string digest = storage::column_text(row, 8);
  const std::string public_key = storage::column_text(row, 9);
  if (s.prev_digest != expected_prev) return "does not follow the checkpoint before it";
  if (detail::statement_digest(s) != digest) return "has content that does not match its digest";
  if (!trusted_key) return "cannot be checked: no signing key was given";
  if (public_key != *trusted_key) return "is signed by an unknown key (" + public_key + "), not trusted";
  if (!signature_valid(public_key, digest, storage::column_text(row, 10))) return "has an invalid signature";
  return {};
}

void add_claims(claims& out, const detail::checkpoint_statement& s, std::int64_t id) {
  for (const auto& h : s.heads) out.chains[{h.entity, h.entity_id}].push_back({h.seq, h.hash, id});
  out.legacy.push_back({s.legacy_seq, s.legacy_hash, id});
}

// The checkpoint writers move the tip in the same transaction as they add a
// checkpoint: a tip ahead of the last row means checkpoints were removed.
void check_tip(soci::session& sql, std::int64_t last_id, const std::string& last_digest, break_list& breaks) {
  long long tip_id = 0;
  std::string tip_digest;
  sql << "SELECT checkpoint_id, digest FROM audit_checkpoint_tip WHERE id = 1", soci::into(tip_id),
      soci::into(tip_digest);
  if (!sql.got_data()) {
    if (last_id != 0)
      breaks.add({"checkpoint", "", "", {}, {}, last_id, "the record of the latest checkpoint is missing"});
    return;
  }
  if (tip_id != last_id || tip_digest != last_digest) {
    breaks.add({"checkpoint",
                "",
                "",
                {},
                {},
                tip_id,
                "checkpoint " + std::to_string(tip_id) + " was the latest written, but the log ends at checkpoint " +
                    std::to_string(last_id)});
  }
}

claims check_checkpoints(soci::session& sql, const std::optional<std::string>& trusted_key, verification& out,
                         break_list& breaks) {
  claims trusted;
  std::string prev = detail::k_zero_hash;
  std::int64_t last_id = 0;
  soci::rowset<soci::row> rows =
      (sql.prepare
       << "SELECT id, at, prev_digest, chains, entries, legacy_seq, legacy_hash, heads, digest, public_key, "
          "signature FROM audit_checkpoints ORDER BY id");
  for (const auto& row : rows) {
    const auto id = storage::column_int(row, 0);
    ++out.checkpoints;
    std::string reason;
    detail::checkpoint_statement s;
    try {
      s = read_statement(row);
      reason = distrust(s, prev, row, trusted_key);
    } catch (const std::invalid_argument& e) {
      reason = std::string("has heads that cannot be read: ") + e.what();
    }
    if (reason.empty()) {
      add_claims(trusted, s, id);
      out.latest_checkpoint = checkpoint_summary{id, s.at, storage::column_text(row, 8)};
    } else {
      breaks.add({"checkpoint", "", "", {}, {}, id, "checkpoint " + std::to_string(id) + " " + reason});
    }
    // Follow the stored link, so that one bad checkpoint is not blamed on all after it.
    prev = storage::column_text(row, 8);
    last_id = id;
  }
  check_tip(sql, last_id, prev, breaks);
  for (auto& [key, list] : trusted.chains) {
    std::ranges::stable_sort(list, {}, &claim::seq);
  }
  std::ranges::stable_sort(trusted.legacy, {}, &claim::seq);
  return trusted;
}

// ---- the legacy single chain ------------------------------------------

// The hash of the frozen single chain, as entries were written before the
// chains were per entity.
std::string legacy_entry_hash(const std::string& prev_hash, std::int64_t seq, const std::string& at, const entry& e) {
  return detail::chained_hash(prev_hash, "seq", seq, at, e);
}

/// The details column, or nullopt when it is not a JSON object.
std::optional<boost::json::object> read_details(const std::string& text) {
  boost::system::error_code ec;
  auto details = boost::json::parse(text, ec);
  if (ec || !details.is_object()) return std::nullopt;
  return std::move(details.as_object());
}

/// Claims at `seq` that disagree with `hash`: the first one, if any.
const claim* contradicting(const std::vector<claim>& list, std::size_t& next, std::int64_t seq,
                           const std::string& hash) {
  const claim* found = nullptr;
  for (; next < list.size() && list[next].seq <= seq; ++next) {
    if (list[next].seq == seq && list[next].hash != hash && !found) found = &list[next];
  }
  return found;
}

std::string contradiction(const claim& c) {
  return "checkpoint " + std::to_string(c.checkpoint_id) + " recorded another hash for this entry";
}

void check_legacy(soci::session& sql, const std::vector<claim>& legacy_claims, verification& out, break_list& breaks) {
  std::string prev = detail::k_zero_hash;
  std::int64_t expected_seq = 1;
  std::size_t next_claim = 0;
  auto legacy_break = [&](std::int64_t seq, std::string reason, std::optional<std::int64_t> checkpoint = {}) {
    breaks.add({"legacy", "", "", seq, {}, checkpoint, std::move(reason)});
  };
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT seq, at, actor_id, on_behalf_of, remote_address, action, entity, entity_id, details, "
                      "prev_hash, hash FROM audit_log ORDER BY seq");
  for (const auto& row : rows) {
    using namespace storage;
    const auto seq = column_int(row, 0);
    entry e{column_opt_int(row, 2),
            column_opt_int(row, 3),
            column_text(row, 4),
            column_text(row, 5),
            column_text(row, 6),
            column_text(row, 7),
            {}};
    auto details = read_details(column_text(row, 8));
    const std::string stored_hash = column_text(row, 10);
    std::string reason;
    if (seq != expected_seq) {
      reason = "entry " + std::to_string(expected_seq) + " is missing";
    } else if (!details) {
      reason = "details are not a JSON object";
    } else if (column_text(row, 9) != prev) {
      reason = "does not chain to the previous entry";
    } else {
      e.details = std::move(*details);
      if (legacy_entry_hash(prev, seq, column_text(row, 1), e) != stored_hash) {
        reason = "its content does not match its hash";
      } else if (const claim* c = contradicting(legacy_claims, next_claim, seq, stored_hash)) {
        reason = contradiction(*c);
      }
    }
    if (!reason.empty()) return legacy_break(expected_seq, reason);
    prev = stored_hash;
    ++expected_seq;
    ++out.legacy_entries;
    ++out.entries;
  }
  const std::int64_t count = out.legacy_entries;
  // The head must point at the last entry, or entries were cut off the end.
  long long last_seq = 0;
  std::string last_hash = detail::k_zero_hash;
  sql << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", soci::into(last_seq), soci::into(last_hash);
  if (last_seq != count || (count > 0 && last_hash != prev)) {
    return legacy_break(count + 1, "the log ends at entry " + std::to_string(count) + " but " +
                                       std::to_string(last_seq) + " were written");
  }
  for (; next_claim < legacy_claims.size(); ++next_claim) {
    const auto& c = legacy_claims[next_claim];
    if (c.seq > count) {
      return legacy_break(c.seq,
                          "the log ends at entry " + std::to_string(count) + " but checkpoint " +
                              std::to_string(c.checkpoint_id) + " recorded " + std::to_string(c.seq),
                          c.checkpoint_id);
    }
  }
}

// ---- the chains ----------------------------------------------------------

struct head_state {
  std::int64_t seq = 0;
  std::string hash;
  bool seen = false;  ///< entries of the chain were read
};

std::map<chain_key, head_state> read_heads(soci::session& sql) {
  std::map<chain_key, head_state> out;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT entity, entity_id, last_seq, last_hash FROM audit_chains");
  for (const auto& row : rows) {
    out[{storage::column_text(row, 0), storage::column_text(row, 1)}] =
        head_state{storage::column_int(row, 2), storage::column_text(row, 3), false};
  }
  return out;
}

/// One chain being read entry by entry.
class chain_walk {
 public:
  chain_walk(chain_key key, const std::vector<claim>* claims) : key_(std::move(key)), claims_(claims) {}

  const chain_key& key() const { return key_; }

  /// Checks the next entry read; a broken chain ignores the rest.
  void check(const soci::row& row, verification& out, break_list& breaks) {
    if (broken_) return;
    using namespace storage;
    const auto id = column_int(row, 0);
    const auto seq = column_int(row, 3);
    entry e{column_opt_int(row, 5),
            column_opt_int(row, 6),
            column_text(row, 7),
            column_text(row, 8),
            key_.first,
            key_.second,
            {}};
    auto details = read_details(column_text(row, 9));
    const std::string stored_hash = column_text(row, 11);
    const std::int64_t expected = last_seq_ + 1;
    std::string reason;
    std::optional<std::int64_t> at_fault = id;
    if (seq != expected) {
      reason = "entry " + std::to_string(expected) + " is missing";
      at_fault.reset();
    } else if (!details) {
      reason = "its details are not a JSON object";
    } else if (column_text(row, 10) != last_hash_) {
      reason = "it does not chain to the entry before it";
    } else {
      e.details = std::move(*details);
      if (entry_hash(last_hash_, seq, column_text(row, 4), e) != stored_hash) {
        reason = "its content does not match its hash";
      } else if (const claim* c = claims_ ? contradicting(*claims_, next_claim_, seq, stored_hash) : nullptr) {
        reason = contradiction(*c);
      }
    }
    if (!reason.empty()) {
      broken_ = true;
      return breaks.add(chain_break(key_, expected, at_fault, reason));
    }
    last_seq_ = seq;
    last_hash_ = stored_hash;
    ++out.entries;
  }

  /// After the chain's last entry: its head and the checkpoints must agree
  /// with where it ends.
  void finish(head_state* head, break_list& breaks) {
    if (head) head->seen = true;
    if (broken_) return;
    if (!head) return breaks.add(chain_break(key_, 1, {}, "its entries have no chain head"));
    if (head->seq != last_seq_ || head->hash != last_hash_) {
      return breaks.add(chain_break(
          key_, last_seq_ + 1, {},
          "the chain ends at entry " + std::to_string(last_seq_) + " but its head says " + std::to_string(head->seq)));
    }
    check_claims_beyond_end(breaks);
  }

 private:
  void check_claims_beyond_end(break_list& breaks) {
    if (!claims_) return;
    for (; next_claim_ < claims_->size(); ++next_claim_) {
      const auto& c = (*claims_)[next_claim_];
      if (c.seq > last_seq_) {
        return breaks.add(chain_break(key_, c.seq, {},
                                      "the chain ends at entry " + std::to_string(last_seq_) + " but checkpoint " +
                                          std::to_string(c.checkpoint_id) + " recorded " + std::to_string(c.seq),
                                      c.checkpoint_id));
      }
    }
  }

  chain_key key_;
  const std::vector<claim>* claims_;
  std::size_t next_claim_ = 0;
  std::int64_t last_seq_ = 0;
  std::string last_hash_ = detail::k_zero_hash;
  bool broken_ = false;
};

const std::vector<claim>* claims_of(const claims& trusted, const chain_key& key) {
  auto it = trusted.chains.find(key);
  return it == trusted.chains.end() ? nullptr : &it->second;
}

// Chains with a head but no entries, and chains a checkpoint recorded that
// are gone altogether.
void check_unseen_chains(const std::map<chain_key, head_state>& heads, const claims& trusted, break_list& breaks) {
  for (const auto& [key, head] : heads) {
    if (!head.seen && head.seq > 0) {
      breaks.add(chain_break(key, 1, {}, "its head says " + std::to_string(head.seq) + " entries but it has none"));
    }
  }
  for (const auto& [key, list] : trusted.chains) {
    if (heads.contains(key) || list.empty()) continue;
    const auto& last = list.back();
    breaks.add(chain_break(key, last.seq, {},
                           "the chain is gone: checkpoint " + std::to_string(last.checkpoint_id) + " recorded " +
                               std::to_string(last.seq) + " entries",
                           last.checkpoint_id));
  }
}

void check_chains(soci::session& sql, const claims& trusted, verification& out, break_list& breaks) {
  auto heads = read_heads(sql);
  out.chains = std::int64_t(heads.size());
  std::optional<chain_walk> walk;
  auto finish = [&] {
    if (!walk) return;
    auto it = heads.find(walk->key());
    walk->finish(it == heads.end() ? nullptr : &it->second, breaks);
  };
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, entity, entity_id, chain_seq, at, actor_id, on_behalf_of, remote_address, action, "
                      "details, prev_hash, hash FROM audit_entries ORDER BY entity, entity_id, chain_seq");
  for (const auto& row : rows) {
    chain_key key{storage::column_text(row, 1), storage::column_text(row, 2)};
    if (!walk || walk->key() != key) {
      finish();
      walk.emplace(key, claims_of(trusted, key));
    }
    walk->check(row, out, breaks);
  }
  finish();
  check_unseen_chains(heads, trusted, breaks);
}

}  // namespace

std::optional<std::int64_t> verification::first_broken() const {
  if (breaks.empty()) return std::nullopt;
  const auto& b = breaks.front();
  return b.part == "legacy" ? b.chain_seq : b.entry_id;
}

std::string describe(const break_point& b) {
  if (b.part == "legacy")
    return "entry " + std::to_string(b.chain_seq.value_or(0)) + " of the legacy chain: " + b.reason;
  if (b.part == "checkpoint") return b.reason;
  const std::string chain = b.entity + " " + b.entity_id + " #" + std::to_string(b.chain_seq.value_or(0));
  if (b.entry_id) return "entry " + std::to_string(*b.entry_id) + " (" + chain + "): " + b.reason;
  return "chain " + chain + ": " + b.reason;
}

verification verify(soci::session& sql, storage::backend backend,
                    const std::optional<std::string>& trusted_public_key) {
  read_snapshot snapshot(sql, backend);
  verification out;
  break_list checkpoint_breaks, entry_breaks;
  const claims trusted = check_checkpoints(sql, trusted_public_key, out, checkpoint_breaks);
  check_legacy(sql, trusted.legacy, out, entry_breaks);
  check_chains(sql, trusted, out, entry_breaks);
  // Entries and chains first: a checkpoint is only evidence about them.
  entry_breaks.move_into(out);
  checkpoint_breaks.move_into(out);
  return out;
}

}  // namespace planflow::audit
