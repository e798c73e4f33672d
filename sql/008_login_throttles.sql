-- Failed-login counters (see core/include/planflow/auth/throttle.hpp): one
-- row per account, account+address or address, changed in place by a
-- compare-and-set so that a limit holds under simultaneous attempts. They
-- replace login_failures, whose one row per failure could not be counted
-- and checked in one step.
CREATE TABLE IF NOT EXISTS login_throttles (
  scope VARCHAR(16) NOT NULL,
  subject {{binary_text}} NOT NULL,
  failures INTEGER NOT NULL,
  window_ends VARCHAR(32) NOT NULL,
  CONSTRAINT login_throttles_pk PRIMARY KEY (scope, subject)
) {{table_options}};

CREATE INDEX IF NOT EXISTS login_throttles_ends ON login_throttles (window_ends);

DROP TABLE IF EXISTS login_failures;
