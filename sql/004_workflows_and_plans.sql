-- Published workflow definitions (immutable versions), the cases they drive
-- (a plan, later a quarterly report), every event of a case, signatures and
-- idempotency keys; plans and their revisions.
CREATE TABLE IF NOT EXISTS workflow_definitions (
  workflow_id VARCHAR(64) NOT NULL,
  version INTEGER NOT NULL,
  definition {{long_text}} NOT NULL,
  content_sha256 VARCHAR(64) NOT NULL,
  origin VARCHAR(16) NOT NULL,
  published_by BIGINT NULL,
  published_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (workflow_id, version)
) {{table_options}};

-- default_version 0 means "the latest".
CREATE TABLE IF NOT EXISTS workflow_settings (
  workflow_id VARCHAR(64) NOT NULL PRIMARY KEY,
  default_version INTEGER NOT NULL,
  updated_by BIGINT NULL,
  updated_at VARCHAR(32) NOT NULL
) {{table_options}};

CREATE TABLE IF NOT EXISTS workflow_cases (
  id {{id}},
  subject_kind VARCHAR(16) NOT NULL,
  workflow_id VARCHAR(64) NOT NULL,
  workflow_version INTEGER NOT NULL,
  stage VARCHAR(64) NOT NULL,
  stage_seq INTEGER NOT NULL,
  stage_entered_at VARCHAR(32) NOT NULL,
  deadline_at VARCHAR(32) NULL,
  deadline_done SMALLINT NOT NULL,
  revision INTEGER NOT NULL,
  content_sha256 VARCHAR(64) NOT NULL,
  content_errors INTEGER NOT NULL,
  revision_rounds INTEGER NOT NULL,
  province_code VARCHAR(8) NOT NULL,
  plan_type VARCHAR(64) NOT NULL,
  agency_id BIGINT NULL,
  created_by BIGINT NULL,
  created_at VARCHAR(32) NOT NULL,
  updated_at VARCHAR(32) NOT NULL,
  event_count INTEGER NOT NULL
) {{table_options}};

CREATE INDEX IF NOT EXISTS workflow_cases_deadline ON workflow_cases (deadline_done, deadline_at);
CREATE INDEX IF NOT EXISTS workflow_cases_stage ON workflow_cases (province_code, stage);

CREATE TABLE IF NOT EXISTS workflow_events (
  id {{id}},
  case_id BIGINT NOT NULL,
  seq INTEGER NOT NULL,
  kind VARCHAR(32) NOT NULL,
  action VARCHAR(64) NULL,
  from_stage VARCHAR(64) NULL,
  to_stage VARCHAR(64) NULL,
  revision INTEGER NOT NULL,
  actor_id BIGINT NULL,
  on_behalf_of BIGINT NULL,
  actor_role VARCHAR(32) NULL,
  comment {{long_text}} NULL,
  data {{long_text}} NULL,
  remote_address VARCHAR(64) NULL,
  created_at VARCHAR(32) NOT NULL,
  CONSTRAINT workflow_events_case_fk FOREIGN KEY (case_id) REFERENCES workflow_cases (id),
  CONSTRAINT workflow_events_seq_uq UNIQUE (case_id, seq)
) {{table_options}};

CREATE TABLE IF NOT EXISTS signatures (
  id {{id}},
  case_id BIGINT NOT NULL,
  stage_seq INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  user_id BIGINT NOT NULL,
  on_behalf_of BIGINT NULL,
  role VARCHAR(32) NOT NULL,
  content_sha256 VARCHAR(64) NOT NULL,
  comment {{long_text}} NULL,
  signed_at VARCHAR(32) NOT NULL,
  voided_at VARCHAR(32) NULL,
  CONSTRAINT signatures_case_fk FOREIGN KEY (case_id) REFERENCES workflow_cases (id),
  CONSTRAINT signatures_once_uq UNIQUE (case_id, stage_seq, user_id)
) {{table_options}};

CREATE TABLE IF NOT EXISTS idempotency_keys (
  user_id BIGINT NOT NULL,
  idem_key VARCHAR(128) NOT NULL,
  case_id BIGINT NOT NULL,
  action VARCHAR(64) NOT NULL,
  status INTEGER NOT NULL,
  response {{long_text}} NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (user_id, idem_key)
) {{table_options}};

CREATE TABLE IF NOT EXISTS plans (
  id {{id}},
  case_id BIGINT NOT NULL,
  plan_type VARCHAR(64) NOT NULL,
  title VARCHAR(500) NOT NULL,
  province_code VARCHAR(8) NOT NULL,
  agency_id BIGINT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  created_by BIGINT NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  updated_at VARCHAR(32) NOT NULL,
  CONSTRAINT plans_case_uq UNIQUE (case_id),
  CONSTRAINT plans_case_fk FOREIGN KEY (case_id) REFERENCES workflow_cases (id),
  CONSTRAINT plans_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id)
) {{table_options}};

CREATE INDEX IF NOT EXISTS plans_scope ON plans (province_code, plan_type, fiscal_year);
CREATE INDEX IF NOT EXISTS plans_agency ON plans (agency_id);

CREATE TABLE IF NOT EXISTS plan_revisions (
  plan_id BIGINT NOT NULL,
  revision INTEGER NOT NULL,
  content {{long_text}} NOT NULL,
  content_sha256 VARCHAR(64) NOT NULL,
  error_count INTEGER NOT NULL,
  warning_count INTEGER NOT NULL,
  created_by BIGINT NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  PRIMARY KEY (plan_id, revision),
  CONSTRAINT plan_revisions_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id)
) {{table_options}};
