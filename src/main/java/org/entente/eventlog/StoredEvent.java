package org.entente.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import org.entente.time.Precision;

/**
 * An event as Axon's event store holds it: its global sequence (position in the whole store), its
 * sequence within the relation's stream, its payload type and revision, when it was recorded (record time),
 * who recorded it and why (from its metadata), and its payload as stored. For facts, the valid date and its
 * precision are read from the payload.
 */
public record StoredEvent(long globalSequence, long aggregateSequence, String type, String revision, String validDate,
                          Precision precision, String recordedAt, String recordedBy, String reason, JsonNode sources,
                          JsonNode payload) {
}
