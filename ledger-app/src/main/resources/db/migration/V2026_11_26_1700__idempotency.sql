-- Idempotency keys of POST requests, with the response given to the first request, so that a retry
-- gets the same answer and records nothing new. Kept indefinitely (at least for the fiscal year).
CREATE TABLE idempotency_key (
    idempotency_key varchar(200) PRIMARY KEY,
    request_hash    char(64)     NOT NULL,
    status          integer,
    content_type    text,
    location        text,
    body            bytea,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    completed_at    timestamptz
);
