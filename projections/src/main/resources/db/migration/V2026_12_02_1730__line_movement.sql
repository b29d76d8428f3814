-- Every change of a line's amount with its effective day and the instant it was recorded, for the
-- 予算現額 report: its addition (sequence 0) and each AmountAmended, by cause. `kind` is 'addition',
-- 'amendment' (cause null) or the cause's kind ('supplementary-budget', 'transfer', 'reserve-fund',
-- 'correction'); `cause_id` the cause's id. Kept by the temporal processor beside line_state, which
-- gives the lines in force and their classification at a moment. Rows are never changed; a rebuild
-- truncates the tables.
CREATE TABLE line_movement (
    initiative_id varchar(64) NOT NULL,
    sequence      bigint      NOT NULL,
    kind          varchar(32) NOT NULL,
    cause_id      varchar(64),
    amount_yen    bigint      NOT NULL,
    effective_on  date        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    PRIMARY KEY (initiative_id, sequence)
);
-- The lines a supplementary budget added (their addition counts as that budget's), and the
-- supplementary budgets with their names, the day they take effect and the instant they were recorded.
CREATE TABLE supplementary_new_line (
    initiative_id varchar(64) PRIMARY KEY,
    budget_id     varchar(64) NOT NULL
);
CREATE TABLE supplementary_budget_column (
    budget_id    varchar(64) PRIMARY KEY,
    fiscal_year  integer     NOT NULL,
    name         text        NOT NULL,
    effective_on date        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    position     bigint      NOT NULL
);
