-- The display name of a directory user beside the actor's user name (null for other users and for older events).
ALTER TABLE audit_event ADD COLUMN actor_name text;
