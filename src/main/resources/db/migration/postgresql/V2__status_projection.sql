-- The status projection on PostgreSQL: the same tables as db/migration/h2/V2, answers and payloads as BYTEA.
-- Its own copy of each relation's facts, and each dimension's answers as consecutive date segments.
-- A status query is one indexed "latest segment at or before D" per dimension.
CREATE TABLE relation_view (
    relation_id VARCHAR(100)  PRIMARY KEY,
    title       VARCHAR(500)  NOT NULL,
    parties     VARCHAR(1000) NOT NULL,
    fact_count  INTEGER       NOT NULL DEFAULT 0
);

CREATE TABLE fact_view (
    relation_id     VARCHAR(100) NOT NULL,
    fact_id         VARCHAR(100) NOT NULL,
    global_sequence BIGINT       NOT NULL,
    type            VARCHAR(100) NOT NULL,
    valid_date      VARCHAR(10)  NOT NULL,
    payload         BYTEA        NOT NULL,
    PRIMARY KEY (relation_id, fact_id)
);
CREATE INDEX fact_view_by_sequence ON fact_view (relation_id, global_sequence);

CREATE TABLE status_segment (
    relation_id VARCHAR(100) NOT NULL,
    dimension   VARCHAR(50)  NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE         NOT NULL,
    answer      BYTEA        NOT NULL,
    PRIMARY KEY (relation_id, dimension, valid_from)
);
CREATE INDEX status_segment_latest ON status_segment (relation_id, dimension, valid_from DESC);
