-- status_segment kept two indexes on the same columns: its primary key (relation_id, dimension, valid_from) and
-- status_segment_latest, the same columns with valid_from DESC, which the status query reads (H2 does not walk
-- an ascending index backwards). Every segment written updated both; a rebuild spent a third of its writing
-- there. One unique index in the order the query reads keeps both the uniqueness and the lookup.
ALTER TABLE status_segment DROP PRIMARY KEY;
DROP INDEX status_segment_latest;
CREATE UNIQUE INDEX status_segment_latest ON status_segment (relation_id, dimension, valid_from DESC);
