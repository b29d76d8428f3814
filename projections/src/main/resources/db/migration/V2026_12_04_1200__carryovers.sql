-- Carry-overs into the next fiscal year (繰越明許費, 事故繰越し), kept by the initiative-list processor beside
-- initiative_view. A line carried from the year before says where it comes from; a line of a year says its
-- current 繰越明許費 limit (and the budget that set it: null = 当初) and what was carried from it.
ALTER TABLE initiative_view
    ADD COLUMN carried_from_id           varchar(64),
    ADD COLUMN carried_from_year         integer,
    ADD COLUMN carried_kind              varchar(16),
    ADD COLUMN carryover_id              varchar(64),
    ADD COLUMN carryover_limit_yen       bigint,
    ADD COLUMN carryover_limit_budget_id varchar(64),
    ADD COLUMN carried_over_yen          bigint NOT NULL DEFAULT 0;
-- Every 繰越明許費 limit a line was given (第2表 繰越明許費), by the line's version, with the instant recorded,
-- so that the table can be read as of a moment. Rows are never changed; a rebuild truncates the table.
CREATE TABLE carryover_limit (
    initiative_id           varchar(64) NOT NULL,
    version                 bigint      NOT NULL,
    fiscal_year             integer     NOT NULL,
    limit_yen               bigint      NOT NULL,
    supplementary_budget_id varchar(64),
    reason                  text        NOT NULL,
    reference               text,
    effective_on            date        NOT NULL,
    recorded_at             timestamptz NOT NULL,
    PRIMARY KEY (initiative_id, version)
);
CREATE INDEX carryover_limit_year ON carryover_limit (fiscal_year);
-- Every carry-over (繰越計算書): of which line of fiscal_year, into which line of the next year, how much and how
-- it is funded (既収入特定財源; 未収入特定財源: 国県支出金, 地方債, その他; 一般財源), the limit then, and why.
CREATE TABLE carryover (
    carryover_id             varchar(64) PRIMARY KEY,
    kind                     varchar(16) NOT NULL,
    fiscal_year              integer     NOT NULL,
    initiative_id            varchar(64) NOT NULL,
    carried_line_id          varchar(64) NOT NULL,
    amount_yen               bigint      NOT NULL,
    received_yen             bigint      NOT NULL,
    national_prefectural_yen bigint      NOT NULL,
    bonds_yen                bigint      NOT NULL,
    other_yen                bigint      NOT NULL,
    general_yen              bigint      NOT NULL,
    limit_yen                bigint,
    reason                   text        NOT NULL,
    reference                text,
    accident_reason          text,
    decided_on               date,
    effective_on             date        NOT NULL,
    recorded_at              timestamptz NOT NULL,
    position                 bigint      NOT NULL
);
CREATE INDEX carryover_year ON carryover (fiscal_year);
