-- 債務負担行為 (地方自治法 第214条, 第3表 of the budget book) as recorded: each commitment as it was set, in the budget of
-- fiscal_year (supplementary_budget_id null: the 当初予算), and each of its changes (set, amended, abolished) with the
-- state after it, when it was recorded (recorded_at, position) and from when it holds (effective_date), so that a read
-- as of a moment takes the last change recorded by then. They are commitments, never amounts of a year: no total reads them.
CREATE TABLE debt_commitment (
    commitment_id          varchar(64) PRIMARY KEY,
    fiscal_year            integer     NOT NULL,
    matter                 text        NOT NULL,
    account_code           varchar(20),
    account_name           text        NOT NULL,
    account_key            text        NOT NULL,
    department             text,
    period_from            integer     NOT NULL,
    supplementary_budget_id varchar(64),
    recorded_at            timestamptz NOT NULL,
    position               bigint      NOT NULL
);
CREATE INDEX debt_commitment_years ON debt_commitment (fiscal_year, period_from);

CREATE TABLE debt_commitment_change (
    commitment_id          varchar(64) NOT NULL,
    sequence_number        bigint      NOT NULL,
    kind                   varchar(16) NOT NULL,
    supplementary_budget_id varchar(64),
    limit_yen              bigint,
    limit_text             text,
    period_to              integer     NOT NULL,
    limit_yen_before       bigint,
    limit_text_before      text,
    period_to_before       integer,
    effective_date         date        NOT NULL,
    reason                 text        NOT NULL,
    reference              text,
    recorded_at            timestamptz NOT NULL,
    position               bigint      NOT NULL,
    PRIMARY KEY (commitment_id, sequence_number)
);
