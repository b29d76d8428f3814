-- The state of each fiscal year that was ever closed (command side): written, in the transaction of the command that
-- closes or reopens it, by the fiscal-year gate, which every unit of work's events pass before they are appended.
-- Derived from the events (FiscalYearClosed, FiscalYearReopened); a restore rebuilds it.
CREATE TABLE fiscal_year_state (
    fiscal_year integer     PRIMARY KEY,
    closed      boolean     NOT NULL,
    changed_at  timestamptz NOT NULL
);
