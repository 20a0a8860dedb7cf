-- As db/migration/h2/V3, payloads as BYTEA: the status projection keeps each relation's events (facts and
-- corrections) rather than facts alone, so corrections and contested facts can be replayed. The projection
-- is rebuilt from the event store: its tables are emptied and its token removed, so the processor replays
-- every event on the next start.
DROP TABLE fact_view;
DELETE FROM status_segment;
DELETE FROM relation_view;
DELETE FROM token_entry WHERE processor_name = 'status';

CREATE TABLE projection_event (
    relation_id     VARCHAR(100) NOT NULL,
    global_sequence BIGINT       NOT NULL,
    fact_id         VARCHAR(100) NOT NULL,
    type            VARCHAR(100) NOT NULL,
    payload         BYTEA        NOT NULL,
    PRIMARY KEY (relation_id, global_sequence)
);
