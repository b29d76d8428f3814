-- A line's 会計, side, 科目 path and department code in the list of lines (all null for an
-- unclassified line); a classified line may have no category.
ALTER TABLE initiative_view
    ALTER COLUMN category_code DROP NOT NULL,
    ALTER COLUMN category_name DROP NOT NULL,
    ADD COLUMN account_code    text,
    ADD COLUMN account_name    text,
    ADD COLUMN side            varchar(16),
    ADD COLUMN kan_code        text,
    ADD COLUMN kan_name        text,
    ADD COLUMN kou_code        text,
    ADD COLUMN kou_name        text,
    ADD COLUMN moku_code       text,
    ADD COLUMN moku_name       text,
    ADD COLUMN jigyou_code     text,
    ADD COLUMN jigyou_name     text,
    ADD COLUMN setsu_code      text,
    ADD COLUMN setsu_name      text,
    ADD COLUMN saisetsu_code   text,
    ADD COLUMN saisetsu_name   text,
    ADD COLUMN department_code text;
