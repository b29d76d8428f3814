-- The life of each fiscal year as its events left it (read model, rebuilt from FiscalYearClosed, FiscalYearSealed and
-- FiscalYearReopened): one row per event, so that a year's state at any moment is that of its last close or reopening
-- recorded by then; a seal names the close it belongs to by that close's sequence number.
CREATE TABLE fiscal_year_transition (
    position        bigint       PRIMARY KEY,
    fiscal_year     integer      NOT NULL,
    kind            varchar(16)  NOT NULL,
    sequence        bigint       NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    effective_date  date         NOT NULL,
    actor           text,
    approved_by     text,
    draft_id        varchar(64),
    reason          text         NOT NULL,
    reference       text,
    forced          boolean,
    close_sequence  bigint,
    close_position  bigint,
    tree_size       bigint,
    root_hash       text,
    signed_at       text,
    key_id          text,
    signature       text
);
CREATE INDEX fiscal_year_transition_by_year ON fiscal_year_transition (fiscal_year, position);
