-- Layout of imported budget documents. Rebuildable from BudgetDocumentImported events.

CREATE TABLE budget_document (
    document_id  varchar(128) PRIMARY KEY,
    fiscal_year  integer      NOT NULL,
    title        text,
    attachment   text,
    unit         text         NOT NULL,
    sha256       char(64)     NOT NULL,
    line_count   integer      NOT NULL,
    position     bigint       NOT NULL,
    imported_at  timestamptz  NOT NULL
);
CREATE INDEX budget_document_by_year ON budget_document (fiscal_year, position);

CREATE TABLE budget_document_section (
    fiscal_year   integer      NOT NULL,
    category_code varchar(20)  NOT NULL,
    name          text         NOT NULL,
    notes         text         NOT NULL,
    document_id   varchar(128) NOT NULL,
    PRIMARY KEY (fiscal_year, category_code)
);

CREATE TABLE budget_document_line (
    initiative_id  varchar(64)  PRIMARY KEY,
    document_id    varchar(128) NOT NULL,
    section_code   varchar(20)  NOT NULL,
    row_number     integer      NOT NULL,
    summary_shared boolean      NOT NULL
);
