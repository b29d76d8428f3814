-- A classified line (a budget CSV's) may have no category: the line list and the temporal model keep it without one.
ALTER TABLE initiative_view ALTER COLUMN category_code DROP NOT NULL;
ALTER TABLE initiative_view ALTER COLUMN category_name DROP NOT NULL;
ALTER TABLE line_state ALTER COLUMN category_code DROP NOT NULL;
ALTER TABLE line_state ALTER COLUMN category_name DROP NOT NULL;
