-- Idempotency keys are the client's bytes, compared exactly: under the
-- table's default collation on MySQL (utf8mb4_unicode_ci) "Key-A" and
-- "key-a" were one key, so one request replayed another's answer. SQLite
-- compares text byte for byte already.
{{mysql_only}} ALTER TABLE idempotency_keys MODIFY idem_key VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- What the request with the key asked (SHA-256 of its target, body and
-- preconditions), so that the key reused for another request is refused
-- rather than answered with the first one's result. NULL for keys stored
-- before: those are compared by plan and action only.
ALTER TABLE idempotency_keys {{add_column}} request_sha256 VARCHAR(64) NULL;
