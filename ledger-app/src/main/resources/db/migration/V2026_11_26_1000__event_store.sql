-- Axon Framework 4.13 JDBC event store, token store and saga store, as produced by
-- PostgresEventTableFactory, PostgresTokenTableFactory and PostgresSagaSqlSchema
-- (EventStoreSchemaIT checks that they still agree). Payloads are bytea, never oid.
-- Events are history: the application never updates or deletes a row of domainevententry.

CREATE TABLE domainevententry (
    globalIndex         BIGSERIAL    NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalIndex),
    UNIQUE (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);
-- ISO-8601 UTC strings with fixed width sort in time order: used by as-of reads and createTokenAt.
CREATE INDEX domainevententry_timestamp ON domainevententry (timeStamp);

CREATE TABLE snapshotevententry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE tokenentry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA        NULL,
    tokenType     VARCHAR(255) NULL,
    timestamp     VARCHAR(255) NULL,
    owner         VARCHAR(255) NULL,
    PRIMARY KEY (processorName, segment)
);

CREATE TABLE sagaentry (
    sagaId         VARCHAR(255) NOT NULL,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BYTEA,
    PRIMARY KEY (sagaId)
);

CREATE TABLE associationvalueentry (
    id               BIGSERIAL    NOT NULL,
    associationKey   VARCHAR(255),
    associationValue VARCHAR(255),
    sagaType         VARCHAR(255),
    sagaId           VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX associationvalueentry_lookup ON associationvalueentry (sagaType, associationKey, associationValue);
CREATE INDEX associationvalueentry_saga ON associationvalueentry (sagaId, sagaType);
