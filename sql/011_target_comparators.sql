-- How an activity's result is held against its target (issue 14): at
-- least, at most or exactly the target value, and the baseline a relative
-- target starts from. Items created before keep "at least", which is what a
-- bare target meant to the reports until now.
ALTER TABLE report_items {{add_column}} comparator VARCHAR(16) NOT NULL DEFAULT 'at_least';
ALTER TABLE report_items {{add_column}} baseline DOUBLE NULL;
