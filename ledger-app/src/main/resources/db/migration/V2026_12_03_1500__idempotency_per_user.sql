-- Idempotency keys are scoped per user: the same key from two users are two keys. A key's row is written in the
-- transaction of the command it belongs to, with the command's outcome (what its handler returned and where its events
-- were appended), so that a retry after a lost response answers from it; the response is added once written.
-- Rows older than ledger.idempotency.ttl are expired (a new request) and purged.
ALTER TABLE idempotency_key ADD COLUMN username varchar(200) NOT NULL DEFAULT '';
ALTER TABLE idempotency_key ALTER COLUMN username DROP DEFAULT;
ALTER TABLE idempotency_key ADD COLUMN outcome text;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (username, idempotency_key);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
