-- The balance of each 会計 per fiscal year (command side): per side, the sum of its classified lines' amounts with every
-- recorded change and the number of those lines; and the 会計 and side of each classified line, for the changes whose
-- events do not carry them. Written in the transaction of the command that changes a line, so a refused or failed
-- command leaves nothing; derived from the events (a restore rebuilds both tables).
CREATE TABLE account_balance (
    fiscal_year integer     NOT NULL,
    account_key text        NOT NULL,
    side        varchar(16) NOT NULL,
    total_yen   bigint      NOT NULL,
    line_count  bigint      NOT NULL,
    PRIMARY KEY (fiscal_year, account_key, side)
);

CREATE TABLE account_balance_line (
    initiative_id varchar(64) PRIMARY KEY,
    fiscal_year   integer     NOT NULL,
    account_key   text        NOT NULL,
    account_name  text        NOT NULL,
    side          varchar(16) NOT NULL
);
