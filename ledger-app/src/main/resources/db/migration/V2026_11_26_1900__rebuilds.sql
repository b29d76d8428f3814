-- Coordinated rebuilds of projections across nodes: one row per projection, and each node's
-- acknowledgement that it has stopped that projection for the requested generation.
CREATE TABLE projection_rebuild (
    name          varchar(64) PRIMARY KEY,
    generation    bigint      NOT NULL,
    state         varchar(16) NOT NULL,
    requested_by  text        NOT NULL,
    requested_at  timestamptz NOT NULL,
    total_events  bigint,
    started_at    timestamptz,
    finished_at   timestamptz
);

CREATE TABLE projection_rebuild_ack (
    name       varchar(64) NOT NULL,
    node_id    varchar(64) NOT NULL,
    generation bigint      NOT NULL,
    PRIMARY KEY (name, node_id)
);
