-- As on H2: one unique index in the order the status query reads, instead of a primary key and an index on the
-- same columns, which every segment written updated twice.
ALTER TABLE status_segment DROP CONSTRAINT status_segment_pkey;
DROP INDEX status_segment_latest;
CREATE UNIQUE INDEX status_segment_latest ON status_segment (relation_id, dimension, valid_from DESC);
