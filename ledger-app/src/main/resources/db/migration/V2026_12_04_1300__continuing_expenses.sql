-- 継続費 (地方自治法 第212条) as the read model keeps them (projection ContinuingExpenseProjection, processor "documents"):
-- each 継続費 with its first year, last year, 款・項 and basis (当初 when supplementary_budget_id is null), its shares
-- (年割額) per year with the line that holds each, and each 逓次繰越 in the order recorded. Rebuilt from the events.
CREATE TABLE continuing_expense (
    continuing_expense_id   text        PRIMARY KEY,
    fiscal_year             integer     NOT NULL,
    last_year               integer     NOT NULL,
    name                    text        NOT NULL,
    department              text        NOT NULL,
    category_code           text,
    category_name           text,
    account_code            text,
    account_name            text,
    kan_code                text,
    kan_name                text,
    kou_code                text,
    kou_name                text,
    moku_name               text,
    total_yen               bigint      NOT NULL,
    supplementary_budget_id text,
    reason                  text,
    reference               text,
    recorded_at             timestamptz NOT NULL,
    position                bigint      NOT NULL
);
CREATE INDEX continuing_expense_period ON continuing_expense (fiscal_year, last_year);

CREATE TABLE continuing_expense_share (
    continuing_expense_id text    NOT NULL,
    fiscal_year           integer NOT NULL,
    amount_yen            bigint  NOT NULL,
    initiative_id         text    NOT NULL,
    PRIMARY KEY (continuing_expense_id, fiscal_year)
);

CREATE TABLE continuing_expense_carry (
    position              bigint      PRIMARY KEY,
    continuing_expense_id text        NOT NULL,
    from_year             integer     NOT NULL,
    to_year               integer     NOT NULL,
    amount_yen            bigint      NOT NULL,
    reason                text,
    reference             text,
    recorded_at           timestamptz NOT NULL
);
CREATE INDEX continuing_expense_carry_of ON continuing_expense_carry (continuing_expense_id);
