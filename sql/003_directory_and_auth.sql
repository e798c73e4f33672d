-- Agencies, users, their roles and login sessions.
-- A role's scope: province_code and plan_type hold '' for "every" (NULLs
-- would defeat the unique key on both databases).
CREATE TABLE IF NOT EXISTS agencies (
  id {{id}},
  province_code VARCHAR(8) NOT NULL,
  name_th VARCHAR(300) NOT NULL,
  name_en VARCHAR(300) NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  updated_at VARCHAR(32) NOT NULL,
  CONSTRAINT agencies_province_fk FOREIGN KEY (province_code) REFERENCES provinces (code),
  CONSTRAINT agencies_name_uq UNIQUE (province_code, name_th)
) {{table_options}};

CREATE TABLE IF NOT EXISTS users (
  id {{id}},
  username VARCHAR(64) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  agency_id BIGINT NULL,
  password_hash VARCHAR(255) NULL,
  active SMALLINT NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  updated_at VARCHAR(32) NOT NULL,
  CONSTRAINT users_username_uq UNIQUE (username),
  CONSTRAINT users_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id)
) {{table_options}};

CREATE TABLE IF NOT EXISTS user_roles (
  id {{id}},
  user_id BIGINT NOT NULL,
  role VARCHAR(32) NOT NULL,
  province_code VARCHAR(8) NOT NULL,
  plan_type VARCHAR(64) NOT NULL,
  CONSTRAINT user_roles_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT user_roles_uq UNIQUE (user_id, role, province_code, plan_type)
) {{table_options}};

CREATE INDEX IF NOT EXISTS user_roles_scope ON user_roles (role, province_code, plan_type);

-- Bearer tokens are stored only as SHA-256 hashes.
CREATE TABLE IF NOT EXISTS auth_tokens (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  user_id BIGINT NOT NULL,
  created_at VARCHAR(32) NOT NULL,
  expires_at VARCHAR(32) NOT NULL,
  revoked_at VARCHAR(32) NULL,
  remote_address VARCHAR(64) NOT NULL,
  CONSTRAINT auth_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) {{table_options}};

-- Failed logins, per username and per remote address, for throttling.
CREATE TABLE IF NOT EXISTS login_failures (
  id {{id}},
  scope VARCHAR(16) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  failed_at VARCHAR(32) NOT NULL
) {{table_options}};

CREATE INDEX IF NOT EXISTS login_failures_lookup ON login_failures (scope, subject, failed_at);
