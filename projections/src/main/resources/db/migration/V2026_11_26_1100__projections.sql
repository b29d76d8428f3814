-- Read models. Owned by the projections module; each table can be truncated and rebuilt from the events.

CREATE TABLE initiative_view (
    initiative_id  varchar(64)  PRIMARY KEY,
    fiscal_year    integer      NOT NULL,
    category_code  varchar(20)  NOT NULL,
    category_name  text         NOT NULL,
    department     text         NOT NULL,
    name           text         NOT NULL,
    summary        text,
    amount_yen     bigint       NOT NULL,
    version        bigint       NOT NULL,
    added_position bigint       NOT NULL,
    added_at       timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL
);
CREATE INDEX initiative_view_by_year ON initiative_view (fiscal_year, category_code, added_position);
CREATE INDEX initiative_view_by_department ON initiative_view (fiscal_year, department);

CREATE TABLE department_total (
    fiscal_year      integer NOT NULL,
    department       text    NOT NULL,
    total_yen        bigint  NOT NULL,
    initiative_count integer NOT NULL,
    first_position   bigint  NOT NULL,
    PRIMARY KEY (fiscal_year, department)
);

CREATE TABLE category_total (
    fiscal_year      integer     NOT NULL,
    category_code    varchar(20) NOT NULL,
    category_name    text        NOT NULL,
    total_yen        bigint      NOT NULL,
    initiative_count integer     NOT NULL,
    PRIMARY KEY (fiscal_year, category_code)
);
