-- Cheaper audit log inserts. The unique key on event_id repeated the event store's own (the primary
-- key already holds one row per store position, that is per event), and recorded_at grows with the
-- position, so a BRIN index answers the log's time-range filters at a fraction of a B-tree's cost
-- per insert.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_event_id_key;
DROP INDEX audit_event_by_time;
CREATE INDEX audit_event_by_time ON audit_event USING brin (recorded_at);
