-- Command-side uniqueness of budget lines: (fiscal year, department, name) compared in NFKC form.
-- Written in the transaction of the AddInitiative command, so a failed command leaves no claim.
CREATE TABLE initiative_key (
    fiscal_year    integer     NOT NULL,
    department_key text        NOT NULL,
    name_key       text        NOT NULL,
    initiative_id  varchar(64) NOT NULL,
    PRIMARY KEY (fiscal_year, department_key, name_key)
);
