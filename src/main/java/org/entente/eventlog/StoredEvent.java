package org.entente.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import org.entente.time.Precision;

/**
 * An event as Axon's event store holds it: its global sequence (position in the whole store), its
 * sequence within the relation's stream, when it was recorded, and its payload. For facts, the valid date
 * and its precision are read from the payload.
 */
public record StoredEvent(long globalSequence, long aggregateSequence, String type, String validDate, Precision precision,
                          String recordedAt, JsonNode sources, JsonNode payload) {
}
