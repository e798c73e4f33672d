-- The audit log as one hash chain per entity (a plan's case, a user, an
-- agency...), so that audited writes to different entities touch no common
-- row: on Galera the single audit_head made writes through different nodes
-- conflict at certification. audit_log and audit_head stay, frozen, as the
-- legacy part of the log; nothing writes there any more.
--
-- Entity names and ids are compared byte for byte ({{binary_text}}): a
-- chain's key must be exactly what its entries' hashes cover.
CREATE TABLE IF NOT EXISTS audit_entries (
  id {{id}},
  entity {{binary_text}} NOT NULL,
  entity_id {{binary_text}} NOT NULL,
  chain_seq BIGINT NOT NULL,
  at VARCHAR(32) NOT NULL,
  actor_id BIGINT NULL,
  on_behalf_of BIGINT NULL,
  remote_address VARCHAR(64) NOT NULL,
  action VARCHAR(64) NOT NULL,
  details {{long_text}} NOT NULL,
  prev_hash VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL,
  CONSTRAINT audit_entries_chain UNIQUE (entity, entity_id, chain_seq)
) {{table_options}};

-- The tip of each chain; an appender locks only its own entity's row.
CREATE TABLE IF NOT EXISTS audit_chains (
  entity {{binary_text}} NOT NULL,
  entity_id {{binary_text}} NOT NULL,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL,
  PRIMARY KEY (entity, entity_id)
) {{table_options}};

-- Signed statements of the chain heads, so that a chain cut short, rewound
-- or deleted whole after a checkpoint is caught. Each records only the heads
-- that moved since the previous one (`heads`, canonical JSON) and links to
-- it by digest; `digest` covers every column but the key and signature.
CREATE TABLE IF NOT EXISTS audit_checkpoints (
  id {{id}},
  at VARCHAR(32) NOT NULL,
  prev_digest VARCHAR(64) NOT NULL,
  chains BIGINT NOT NULL,
  entries BIGINT NOT NULL,
  legacy_seq BIGINT NOT NULL,
  legacy_hash VARCHAR(64) NOT NULL,
  heads {{long_text}} NOT NULL,
  digest VARCHAR(64) NOT NULL,
  public_key VARCHAR(64) NOT NULL,
  signature VARCHAR(128) NOT NULL
) {{table_options}};

-- The latest checkpoint: writers of checkpoints (every instance's background
-- pass, the CLI) lock this row, so each links to the one before it. It is
-- touched once per checkpoint, not by audited writes.
CREATE TABLE IF NOT EXISTS audit_checkpoint_tip (
  id INTEGER NOT NULL PRIMARY KEY,
  checkpoint_id BIGINT NOT NULL,
  digest VARCHAR(64) NOT NULL
) {{table_options}};

-- Each chain's head as the latest checkpoint recorded it: tells the next
-- checkpoint which heads moved without reading every earlier checkpoint.
-- Not evidence (verify reads the signed checkpoints themselves).
CREATE TABLE IF NOT EXISTS audit_checkpointed_heads (
  entity {{binary_text}} NOT NULL,
  entity_id {{binary_text}} NOT NULL,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL,
  PRIMARY KEY (entity, entity_id)
) {{table_options}};
