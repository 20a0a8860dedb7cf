-- Axon's JDBC event store and token store on PostgreSQL: the same tables as db/migration/h2/V1.
--
-- Payloads, metadata and tokens are BYTEA, stored inline in the row. Not OID: an OID column holds a
-- reference to a large object, one per value, which is neither deleted with its row nor copied by a
-- plain dump of the table (Hibernate's default PostgreSQL mapping of a byte array made 58 large objects
-- for 13 events here). Axon's JDBC engine writes and reads byte[], which the driver maps to BYTEA.
--
-- The global index: Axon's JDBC engine inserts events without it and reads it back as the position of
-- its GapAwareTrackingToken. GENERATED ALWAYS: only the database's sequence hands out positions, nobody
-- can insert a chosen (possibly already passed) one. A sequence value is taken when a row is inserted and
-- becomes visible when its transaction commits, so two transactions can commit their positions out of
-- order (47 visible before 46), and a rolled-back append leaves a hole for good. The gap-aware token is
-- built for exactly this: it records the missing positions behind its index and asks for them again in
-- every later read until they appear, or until they are older than the engine's gap timeout (60 s) and
-- are taken to be holes. So no event is skipped as long as an append commits within the gap timeout of
-- its creation, which a command's transaction does by far. See docs/postgresql.md.
CREATE TABLE domain_event_entry (
    global_index         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- One row per segment of each streaming processor; owner is the node holding the claim (entente.node-id).
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
