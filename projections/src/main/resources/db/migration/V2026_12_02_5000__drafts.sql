-- Drafts (起案) of changes that wait for four-eyes approval, one row per draft.
CREATE TABLE draft_view (
    draft_id       varchar(64)  PRIMARY KEY,
    kind           text         NOT NULL,
    state          varchar(16)  NOT NULL,
    requester      text         NOT NULL,
    requested_at   timestamptz  NOT NULL,
    approver       text,
    decided_at     timestamptz,
    reason         text,
    proposal       jsonb        NOT NULL,
    change_ids     text[]       NOT NULL DEFAULT '{}',
    position       bigint       NOT NULL
);
CREATE INDEX draft_view_by_state ON draft_view (state, position);
CREATE INDEX draft_view_by_requester ON draft_view (requester, position);

-- Who approved the change an event belongs to, and the draft it was recorded from (null when none was needed).
ALTER TABLE audit_event ADD COLUMN approved_by text;
ALTER TABLE audit_event ADD COLUMN draft_id varchar(64);
