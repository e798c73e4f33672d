-- A delivery claimed by a process that died before finishing it is taken
-- back after a while: the claim records when it was made.
ALTER TABLE report_deliveries {{add_column}} claimed_at VARCHAR(32) NULL;
