#pragma once
/// Signed checkpoints over the audit chains' heads. A checkpoint states, for
/// every chain whose head moved since the previous checkpoint, how long the
/// chain was and the hash it ended with, links to the previous checkpoint by
/// digest and is signed (audit/signing_key.hpp). `audit::verify` then catches
/// what a chain alone cannot: its last entries removed with its head rewound,
/// or the whole chain deleted.
///
/// Written by every server's background pass (at most every
/// --audit-checkpoint-interval) and by `planflow audit checkpoint`; writers
/// take turns on one row touched only by them, never by audited writes.

#include <planflow/audit/signing_key.hpp>
#include <planflow/storage/database.hpp>

#include <cstdint>
#include <string>

namespace planflow::audit {

struct checkpoint_outcome {
  bool written = false;      ///< false: no head moved since the latest checkpoint
  std::int64_t id = 0;       ///< the new checkpoint, or the latest one (0: none yet)
  std::int64_t chains = 0;   ///< chains in the log when it was taken
  std::int64_t entries = 0;  ///< entries in those chains
  std::int64_t moved = 0;    ///< heads it records
  std::string digest;
};

/// Takes a checkpoint signed with `key` when some head moved since the latest
/// one, in a transaction of its own (re-run on contention).
checkpoint_outcome write_checkpoint(storage::database& db, const signing_key& key);

}  // namespace planflow::audit
