-- Bitemporal state of every budget line. A row holds the line's state for the effective days in
-- `effective` as the ledger knew it during `recorded`. A change recorded at R, effective from E,
-- closes (recorded upper bound := R) the current rows whose effective range reaches past E and
-- inserts their successors from R on. Rows are never deleted except by a rebuild.
CREATE TABLE line_state (
    id            bigserial    PRIMARY KEY,
    initiative_id varchar(64)  NOT NULL,
    fiscal_year   integer      NOT NULL,
    department    text         NOT NULL,
    category_code varchar(20)  NOT NULL,
    category_name text         NOT NULL,
    name          text         NOT NULL,
    amount_yen    bigint       NOT NULL,
    version       bigint       NOT NULL,
    line_order    bigint       NOT NULL,
    effective     daterange    NOT NULL,
    recorded      tstzrange    NOT NULL
);
CREATE INDEX line_state_current ON line_state (initiative_id) WHERE upper_inf(recorded);
CREATE INDEX line_state_moment ON line_state USING gist (recorded, effective);
CREATE INDEX line_state_year ON line_state (fiscal_year);
