-- Ledger nodes sharing this database, each refreshing seen_at every few seconds while it runs.
CREATE TABLE ledger_node (
    node_id    varchar(64) PRIMARY KEY,
    started_at timestamptz NOT NULL DEFAULT now(),
    seen_at    timestamptz NOT NULL DEFAULT now()
);
