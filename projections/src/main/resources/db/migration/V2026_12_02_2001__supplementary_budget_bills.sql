-- Supplementary budgets as bills: how each comes into force (procedure assembly or senketsu), where it stands (state
-- submitted, passed, amended, rejected or senketsu), its number and title in its 会計's series of the year, its 議案番号, its
-- dates, when it came into force (in_force_position, in_force_at; null while submitted or when rejected) and the assembly's
-- 承認 or 不承認 of a 専決処分. resolved_on is the date of the resolution or decision: null while submitted.
ALTER TABLE supplementary_budget
    ALTER COLUMN resolved_on DROP NOT NULL,
    ADD COLUMN procedure          varchar(16) NOT NULL DEFAULT 'assembly',
    ADD COLUMN state              varchar(16) NOT NULL DEFAULT 'passed',
    ADD COLUMN account_key        text,
    ADD COLUMN number             integer,
    ADD COLUMN title              text,
    ADD COLUMN bill_number        text,
    ADD COLUMN submitted_on       date,
    ADD COLUMN in_force_position  bigint,
    ADD COLUMN in_force_at        timestamptz,
    ADD COLUMN assembly_report    varchar(16),
    ADD COLUMN assembly_report_on date;
UPDATE supplementary_budget SET in_force_position = position, in_force_at = recorded_at, submitted_on = resolved_on;

-- The items of each supplementary budget: as submitted (or enacted at once) and, for a 修正可決, as amended. A new line's
-- department, category, name and classification (the columns of line_state) are kept for the figures as proposed.
CREATE TABLE supplementary_budget_item (
    budget_id       varchar(64) NOT NULL,
    version_kind    varchar(16) NOT NULL,
    item_index      integer     NOT NULL,
    initiative_id   varchar(64) NOT NULL,
    delta_yen       bigint      NOT NULL,
    new_line        boolean     NOT NULL,
    department      text,
    category_code   varchar(20),
    category_name   text,
    name            text,
    account_code    varchar(20),
    account_name    text,
    account_key     text,
    side            varchar(12),
    kan_code        varchar(20),
    kan_name        text,
    kan_key         text,
    kou_code        varchar(20),
    kou_name        text,
    kou_key         text,
    moku_code       varchar(20),
    moku_name       text,
    moku_key        text,
    jigyou_code     varchar(20),
    jigyou_name     text,
    jigyou_key      text,
    setsu_code      varchar(20),
    setsu_name      text,
    setsu_key       text,
    saisetsu_code   varchar(20),
    saisetsu_name   text,
    saisetsu_key    text,
    department_code varchar(20),
    PRIMARY KEY (budget_id, version_kind, item_index)
);
CREATE INDEX supplementary_budget_by_state ON supplementary_budget (fiscal_year, state);
