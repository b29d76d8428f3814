-- The 科目 table of each fiscal year (command side): within a year one name per path of codes
-- (会計; 会計 + side + 款; … down to 細節), and the lines that use each path. Written in the
-- transaction of the command that adds or reassigns a line, so a failed command leaves nothing.
CREATE TABLE subject_name (
    fiscal_year integer     NOT NULL,
    path_key    text        NOT NULL,
    level       varchar(16) NOT NULL,
    name        text        NOT NULL,
    name_key    text        NOT NULL,
    PRIMARY KEY (fiscal_year, path_key)
);

CREATE TABLE subject_holder (
    fiscal_year   integer     NOT NULL,
    path_key      text        NOT NULL,
    initiative_id varchar(64) NOT NULL,
    PRIMARY KEY (fiscal_year, path_key, initiative_id),
    FOREIGN KEY (fiscal_year, path_key) REFERENCES subject_name (fiscal_year, path_key)
);
