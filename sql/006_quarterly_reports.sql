-- Quarterly progress reporting: the activities of an approved plan
-- (materialised from its content so reports aggregate in SQL), four
-- quarterly reports per plan, the agencies' progress entries, and the
-- delivery of acknowledged reports to the bodies they are owed to.
CREATE TABLE IF NOT EXISTS report_items (
  id {{id}},
  plan_id BIGINT NOT NULL,
  item_id VARCHAR(64) NOT NULL,
  position INTEGER NOT NULL,
  title VARCHAR(2000) NOT NULL,
  goal VARCHAR(1000) NOT NULL,
  indicator VARCHAR(2000) NOT NULL,
  budget_satang BIGINT NULL,
  measurable SMALLINT NOT NULL,
  target_value DOUBLE NULL,
  unit VARCHAR(64) NOT NULL,
  agency_id BIGINT NOT NULL,
  agency_text VARCHAR(2000) NOT NULL,
  CONSTRAINT report_items_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT report_items_uq UNIQUE (plan_id, item_id)
) {{table_options}};

CREATE INDEX IF NOT EXISTS report_items_agency ON report_items (agency_id);

CREATE TABLE IF NOT EXISTS quarterly_reports (
  id {{id}},
  plan_id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  quarter INTEGER NOT NULL,
  opens_on VARCHAR(10) NOT NULL,
  due_on VARCHAR(10) NOT NULL,
  opened_at VARCHAR(32) NULL,
  opened_by BIGINT NULL,
  created_at VARCHAR(32) NOT NULL,
  CONSTRAINT quarterly_reports_plan_fk FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT quarterly_reports_case_fk FOREIGN KEY (case_id) REFERENCES workflow_cases (id),
  CONSTRAINT quarterly_reports_uq UNIQUE (plan_id, quarter)
) {{table_options}};

CREATE INDEX IF NOT EXISTS quarterly_reports_period ON quarterly_reports (fiscal_year, quarter);
CREATE INDEX IF NOT EXISTS plans_fiscal_year ON plans (fiscal_year, plan_type);

CREATE TABLE IF NOT EXISTS progress_entries (
  id {{id}},
  report_id BIGINT NOT NULL,
  item_row_id BIGINT NOT NULL,
  agency_id BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  cancel_reason VARCHAR(2000) NOT NULL,
  percent_complete DOUBLE NULL,
  disbursed_satang BIGINT NOT NULL,
  over_budget_reason VARCHAR(2000) NOT NULL,
  result_value DOUBLE NULL,
  narrative {{long_text}} NOT NULL,
  evidence {{long_text}} NOT NULL,
  entered_by BIGINT NOT NULL,
  entered_at VARCHAR(32) NOT NULL,
  confirmed_by BIGINT NULL,
  confirmed_at VARCHAR(32) NULL,
  CONSTRAINT progress_entries_report_fk FOREIGN KEY (report_id) REFERENCES quarterly_reports (id),
  CONSTRAINT progress_entries_item_fk FOREIGN KEY (item_row_id) REFERENCES report_items (id),
  CONSTRAINT progress_entries_uq UNIQUE (report_id, item_row_id)
) {{table_options}};

CREATE INDEX IF NOT EXISTS progress_entries_agency ON progress_entries (report_id, agency_id);

CREATE TABLE IF NOT EXISTS report_recipients (
  id {{id}},
  province_code VARCHAR(8) NOT NULL,
  name VARCHAR(300) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  url VARCHAR(2000) NOT NULL,
  secret VARCHAR(200) NOT NULL,
  active SMALLINT NOT NULL,
  created_at VARCHAR(32) NOT NULL
) {{table_options}};

CREATE TABLE IF NOT EXISTS report_deliveries (
  id {{id}},
  report_id BIGINT NOT NULL,
  recipient_id BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at VARCHAR(32) NOT NULL,
  last_error VARCHAR(2000) NOT NULL,
  response_status INTEGER NULL,
  delivered_at VARCHAR(32) NULL,
  created_at VARCHAR(32) NOT NULL,
  CONSTRAINT report_deliveries_uq UNIQUE (report_id, recipient_id)
) {{table_options}};

CREATE INDEX IF NOT EXISTS report_deliveries_due ON report_deliveries (status, next_attempt_at);
