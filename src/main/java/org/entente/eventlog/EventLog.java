package org.entente.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.entente.time.ValidDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a relation's stream straight from Axon's event table, in the order it was appended. */
@Repository
public class EventLog {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public EventLog(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<StoredEvent> events(String relationId) {
        return jdbc.query("SELECT global_index, sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number", (rs, i) -> {
            JsonNode payload = tree(rs.getBytes(6));
            JsonNode metaData = rs.getBytes(7) == null ? null : tree(rs.getBytes(7));
            String payloadType = rs.getString(3);
            JsonNode date = payload.get("date");
            ValidDate validDate = date == null || date.isNull() ? null : ValidDate.parse(date.asText());
            return new StoredEvent(rs.getLong(1), rs.getLong(2), payloadType.substring(payloadType.lastIndexOf('.') + 1),
                    rs.getString(4), validDate == null ? null : validDate.toString(), validDate == null ? null : validDate.precision(),
                    rs.getString(5), text(metaData, "recordedBy"), text(metaData, "reason"), payload.get("sources"), payload);
        }, relationId);
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored payload is not JSON", e);
        }
    }
}
