-- The last number given in each series of supplementary budgets (第1号, 第2号 …): per fiscal year and 会計 (its key; '' for
-- the bills of lines without a 会計). Written in the transaction of the command that numbers a bill, so a refused or failed
-- command gives its number back; derived from the events (a restore rebuilds it).
CREATE TABLE supplementary_budget_series (
    fiscal_year integer NOT NULL,
    series      text    NOT NULL,
    last_number integer NOT NULL,
    PRIMARY KEY (fiscal_year, series)
);
