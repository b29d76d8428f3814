-- A line's 会計, side and 科目 path in the bitemporal model (null for a line without a classification,
-- as every line recorded before lines had one). Each level keeps its code and name as printed and its
-- key (the code without leading zeros for numeric codes, else "name:" + the name), which identifies it.
-- A classified line may have no category.
ALTER TABLE line_state
    ALTER COLUMN category_code DROP NOT NULL,
    ALTER COLUMN category_name DROP NOT NULL,
    ADD COLUMN account_code    varchar(20),
    ADD COLUMN account_name    text,
    ADD COLUMN account_key     text,
    ADD COLUMN side            varchar(12),
    ADD COLUMN kan_code        varchar(20),
    ADD COLUMN kan_name        text,
    ADD COLUMN kan_key         text,
    ADD COLUMN kou_code        varchar(20),
    ADD COLUMN kou_name        text,
    ADD COLUMN kou_key         text,
    ADD COLUMN moku_code       varchar(20),
    ADD COLUMN moku_name       text,
    ADD COLUMN moku_key        text,
    ADD COLUMN jigyou_code     varchar(20),
    ADD COLUMN jigyou_name     text,
    ADD COLUMN jigyou_key      text,
    ADD COLUMN setsu_code      varchar(20),
    ADD COLUMN setsu_name      text,
    ADD COLUMN setsu_key       text,
    ADD COLUMN saisetsu_code   varchar(20),
    ADD COLUMN saisetsu_name   text,
    ADD COLUMN saisetsu_key    text,
    ADD COLUMN department_code varchar(20);

-- The list of lines: a classified line may have no category.
ALTER TABLE initiative_view
    ALTER COLUMN category_code DROP NOT NULL,
    ALTER COLUMN category_name DROP NOT NULL;
