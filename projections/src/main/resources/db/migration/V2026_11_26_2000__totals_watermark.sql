-- The events each fiscal year's totals already contain: every position up to "position" except
-- "gaps" (positions the event stream had not seen yet when it passed them). The totals add each
-- event once even when the event processor delivers it again (see TotalsProjection).
CREATE TABLE totals_watermark (
    fiscal_year integer  PRIMARY KEY,
    position    bigint   NOT NULL,
    gaps        bigint[] NOT NULL
);
