-- The 会計, side and 科目 path of a classified line on each of its events (null for every other event).
ALTER TABLE audit_event ADD COLUMN subject_path text;
