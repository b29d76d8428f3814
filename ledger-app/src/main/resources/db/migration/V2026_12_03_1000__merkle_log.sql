-- The signed Merkle log over the global event sequence (RFC 6962 hashing): one leaf per event in
-- position order, the hashes of complete aligned subtrees above them (levels >= 1), and the tree
-- heads signed over them. The service only inserts into and reads these tables.
CREATE TABLE merkle_leaf (
    leaf_index bigint PRIMARY KEY,
    position   bigint NOT NULL UNIQUE,
    hash       bytea  NOT NULL
);

CREATE TABLE merkle_node (
    level      smallint NOT NULL CHECK (level >= 1),
    node_index bigint   NOT NULL,
    hash       bytea    NOT NULL,
    PRIMARY KEY (level, node_index)
);

CREATE TABLE signed_tree_head (
    tree_size     bigint PRIMARY KEY,
    root_hash     char(64)    NOT NULL,
    signed_at     varchar(40) NOT NULL,
    key_id        char(64)    NOT NULL,
    signature     text        NOT NULL,
    last_position bigint      NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);

-- The position up to which the store is settled: every insert in flight has committed or rolled
-- back, so a position at or below it that is not in the table now never will be. Runs with its
-- owner's rights (the service's role may not lock the event table); call it in a short transaction.
CREATE FUNCTION ledger_settled_head() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema} AS $$
DECLARE
    head bigint;
BEGIN
    LOCK TABLE ${flyway:defaultSchema}.domainevententry IN SHARE MODE;
    SELECT coalesce(max(globalindex), 0) INTO head FROM ${flyway:defaultSchema}.domainevententry;
    RETURN head;
END;
$$;
