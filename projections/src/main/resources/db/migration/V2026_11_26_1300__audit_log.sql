-- The audit log: one row per event, in global order. Also the ledger's own record of which event
-- stands at which position with which hash, against which verification compares the event store.
CREATE TABLE audit_event (
    position          bigint       PRIMARY KEY,
    event_id          varchar(255) NOT NULL UNIQUE,
    aggregate_id      varchar(255) NOT NULL,
    sequence_number   bigint       NOT NULL,
    event_type        text         NOT NULL,
    fiscal_year       integer,
    department        text,
    category_code     varchar(20),
    subject           text,
    actor             text,
    recorded_at       timestamptz  NOT NULL,
    effective_date    date,
    reason            text,
    reference         text,
    amount_before_yen bigint,
    amount_after_yen  bigint,
    correlation_id    text,
    request_id        text,
    causation_id      text,
    hash              char(64)
);
CREATE INDEX audit_event_by_year ON audit_event (fiscal_year, position);
CREATE INDEX audit_event_by_time ON audit_event (recorded_at);
CREATE INDEX audit_event_by_actor ON audit_event (actor, position);
CREATE INDEX audit_event_by_aggregate ON audit_event (aggregate_id, sequence_number);
