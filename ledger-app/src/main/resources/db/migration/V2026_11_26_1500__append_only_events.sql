-- History is never updated or deleted: mistakes are corrected by new events. The database refuses
-- UPDATE, DELETE and TRUNCATE on the event table to anyone who does not first switch triggers off
-- (which takes a superuser, and which verification would then expose).
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'domainevententry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TRIGGER domainevententry_no_truncate
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();
