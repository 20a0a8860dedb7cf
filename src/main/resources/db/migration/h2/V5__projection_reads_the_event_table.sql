-- The status projection no longer keeps a copy of each event: a relation's history is read from
-- domain_event_entry through its (aggregate_identifier, sequence_number) index when the projection needs it.
-- Its segments and relations stay as they are; they were built from the same events.
DROP TABLE projection_event;
