-- Comments on plans, delegations (acting officers), and the append-only audit
-- log whose entries chain by hash. audit_head holds the chain's tip; every
-- appender locks it, which serialises appends on both databases.
CREATE TABLE IF NOT EXISTS plan_comments (
  id {{id}},
  plan_id BIGINT NOT NULL,
  revision INTEGER NOT NULL,
  author_id BIGINT NOT NULL,
  anchor VARCHAR(500) NOT NULL,
  body {{long_text}} NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  CONSTRAINT plan_comments_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id)
) {{table_options}};

CREATE INDEX IF NOT EXISTS plan_comments_plan ON plan_comments (plan_id, id);

CREATE TABLE IF NOT EXISTS delegations (
  id {{id}},
  from_user_id BIGINT NOT NULL,
  to_user_id BIGINT NOT NULL,
  role VARCHAR(32) NOT NULL,
  valid_from VARCHAR(32) NOT NULL,
  valid_to VARCHAR(32) NOT NULL,
  revoked_at VARCHAR(32) NULL,
  created_by BIGINT NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  CONSTRAINT delegations_from_fk FOREIGN KEY (from_user_id) REFERENCES users (id),
  CONSTRAINT delegations_to_fk FOREIGN KEY (to_user_id) REFERENCES users (id)
) {{table_options}};

CREATE INDEX IF NOT EXISTS delegations_to ON delegations (to_user_id, valid_to);

CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGINT NOT NULL PRIMARY KEY,
  at VARCHAR(32) NOT NULL,
  actor_id BIGINT NULL,
  on_behalf_of BIGINT NULL,
  remote_address VARCHAR(64) NOT NULL,
  action VARCHAR(64) NOT NULL,
  entity VARCHAR(32) NOT NULL,
  entity_id VARCHAR(64) NOT NULL,
  details {{long_text}} NOT NULL,
  prev_hash VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL
) {{table_options}};

CREATE TABLE IF NOT EXISTS audit_head (
  id INTEGER NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
) {{table_options}};

INSERT INTO audit_head (id, last_seq, last_hash) SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000' FROM provinces WHERE code = 'TH-10' AND NOT EXISTS (SELECT 1 FROM audit_head WHERE id = 1);
