-- Withdrawn lines stay in the list with status WITHDRAWN and amount 0.
ALTER TABLE initiative_view ADD COLUMN status varchar(16) NOT NULL DEFAULT 'ACTIVE';

-- Supplementary budgets (補正予算) of each fiscal year, in the order they were recorded.
CREATE TABLE supplementary_budget (
    budget_id   varchar(64)  PRIMARY KEY,
    fiscal_year integer      NOT NULL,
    name        text         NOT NULL,
    reference   text,
    resolved_on date         NOT NULL,
    item_count  integer      NOT NULL,
    new_lines   integer      NOT NULL,
    delta_yen   bigint       NOT NULL,
    recorded_at timestamptz  NOT NULL,
    position    bigint       NOT NULL
);
CREATE INDEX supplementary_budget_by_year ON supplementary_budget (fiscal_year, position);
