package org.entente.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.relation.events.RelationEvent;
import org.entente.relation.rules.RecordedHistory;
import org.entente.relation.events.RelationOpened;
import org.entente.relation.rules.Dimension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The status projection's tables — the relations, and each dimension's answer segments — and a relation's stored
 * history, read from the event table ({@link RelationEvents}): the projection keeps no copy of the events.
 */
@Repository
public class StatusRepository {

    /**
     * The latest segment starting on or before a day. The ORDER BY names the whole index
     * ({@code status_segment_latest}), so the database reads one index entry instead of sorting every earlier
     * segment; a plain {@code ORDER BY valid_from DESC} made H2 scan them all.
     */
    private static final String LATEST_SEGMENT = "SELECT answer FROM status_segment WHERE relation_id = ? AND dimension = ?"
            + " AND valid_from <= ? ORDER BY relation_id, dimension, valid_from DESC LIMIT 1";

    /**
     * On PostgreSQL, the same lookup for every dimension in one statement: each statement is a round trip to the
     * server (about 90 µs here), and ten of them made a status query take 0.9 ms. H2 answers in the process, where
     * one prepared statement run per dimension is as fast (H2 has no LATERAL join).
     */
    private static final String LATEST_SEGMENTS_POSTGRES = "SELECT d.dimension, s.answer FROM (VALUES "
            + Arrays.stream(Dimension.values()).map(d -> "('" + d.key() + "')").collect(Collectors.joining(", "))
            + ") AS d(dimension) CROSS JOIN LATERAL (SELECT answer FROM status_segment WHERE relation_id = ?"
            + " AND dimension = d.dimension AND valid_from <= ? ORDER BY relation_id, dimension, valid_from DESC LIMIT 1) s";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RelationEvents events;
    private volatile Boolean postgres;

    public StatusRepository(JdbcTemplate jdbc, ObjectMapper json, RelationEvents events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    // --- writes (from the projection's event handlers) ------------------------------------------

    /** Idempotent: a relation seen again is updated, not duplicated. */
    void saveRelation(RelationOpened opened) {
        String parties = String.join("\n", opened.parties());
        int updated = jdbc.update("UPDATE relation_view SET title = ?, parties = ? WHERE relation_id = ?",
                opened.title(), parties, opened.relationId());
        if (updated == 0) {
            jdbc.update("INSERT INTO relation_view (relation_id, title, parties) VALUES (?, ?, ?)",
                    opened.relationId(), opened.title(), parties);
        }
    }

    // --- a relation's stored events (from the event table) -----------------------------------------

    /** The relation's history as stored: its facts and corrections in recorded order. */
    public RecordedHistory history(String relationId) {
        return RelationEvents.history(events.all(relationId));
    }

    /** A fact or a correction as stored, at its global sequence in the event store. */
    public record RecordedEvent(long globalSequence, String factId, RelationEvent event) {
    }

    /** The relation's facts and corrections in recorded order, as {@link #history} folds them (read-only). */
    public List<RecordedEvent> recordedEvents(String relationId) {
        return RelationEvents.recorded(events.all(relationId));
    }

    /**
     * A token that changes whenever the relation's stored events change (their count and last global sequence),
     * or null when the projection does not know the relation.
     */
    public String factsVersion(String relationId) {
        if (relation(relationId).isEmpty()) {
            return null;
        }
        return jdbc.queryForObject("SELECT COUNT(*), MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, i) -> rs.getLong(1) + ":" + rs.getLong(2), relationId);
    }

    /** A dimension's answer over {@code from..to}, ready to store. */
    public record SegmentRow(Dimension dimension, LocalDate from, LocalDate to, DimensionView answer) {
    }

    /** A segment as stored, its answer serialised. */
    record StoredSegment(String dimension, Date from, Date to, byte[] answer) {
    }

    /**
     * A relation's whole projection, ready to insert into empty tables: its opening (null when that is not among
     * the events read), how many facts it holds, and its segments.
     */
    record RelationRows(String relationId, RelationOpened opened, int factCount, List<StoredSegment> segments) {
    }

    /** Serialises the answers; safe to call from several threads at once. */
    RelationRows rows(String relationId, RelationOpened opened, int factCount, List<SegmentRow> segments) {
        List<StoredSegment> stored = new ArrayList<>(segments.size());
        for (SegmentRow row : segments) {
            stored.add(new StoredSegment(row.dimension().key(), Date.valueOf(row.from()), Date.valueOf(row.to()), bytes(row.answer())));
        }
        return new RelationRows(relationId, opened, factCount, stored);
    }

    /**
     * Inserts whole relations into the emptied tables (the bulk rebuild): one batch per table, nothing to delete
     * or update first.
     */
    void insert(List<RelationRows> relations) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement relation = connection.prepareStatement(
                    "INSERT INTO relation_view (relation_id, title, parties, fact_count) VALUES (?, ?, ?, ?)");
                 PreparedStatement segment = connection.prepareStatement(
                         "INSERT INTO status_segment (relation_id, dimension, valid_from, valid_to, answer) VALUES (?, ?, ?, ?, ?)")) {
                for (RelationRows rows : relations) {
                    if (rows.opened() != null) {
                        relation.setString(1, rows.relationId());
                        relation.setString(2, rows.opened().title());
                        relation.setString(3, String.join("\n", rows.opened().parties()));
                        relation.setInt(4, rows.factCount());
                        relation.addBatch();
                    }
                    for (StoredSegment row : rows.segments()) {
                        segment.setString(1, rows.relationId());
                        segment.setString(2, row.dimension());
                        // java.sql.Date, as every other write and read of these columns (a LocalDate is stored
                        // differently before 1582, and the open beginning is 0001-01-01)
                        segment.setDate(3, row.from());
                        segment.setDate(4, row.to());
                        segment.setBytes(5, row.answer());
                        segment.addBatch();
                    }
                }
                relation.executeBatch();
                segment.executeBatch();
            }
            return null;
        });
    }

    /** Replaces the relation's segments with freshly computed ones. */
    void replaceSegments(String relationId, List<SegmentRow> segments, int factCount) {
        jdbc.update("DELETE FROM status_segment WHERE relation_id = ?", relationId);
        jdbc.batchUpdate("INSERT INTO status_segment (relation_id, dimension, valid_from, valid_to, answer) VALUES (?, ?, ?, ?, ?)",
                segments.stream().map(row -> new Object[] {relationId, row.dimension().key(), Date.valueOf(row.from()),
                        Date.valueOf(row.to()), bytes(row.answer())}).toList());
        jdbc.update("UPDATE relation_view SET fact_count = ? WHERE relation_id = ?", factCount, relationId);
    }

    /**
     * Empties the projection before a replay. TRUNCATE, not DELETE: deleting a million rows one by one took H2
     * 26 s. (H2 commits the open transaction at a TRUNCATE; the token claims taken before it in the same
     * transaction are committed with it, which is what the reset wants anyway.)
     */
    void deleteAll() {
        jdbc.execute("TRUNCATE TABLE status_segment");
        jdbc.execute("TRUNCATE TABLE relation_view");
    }

    // --- reads (from the query API) -------------------------------------------------------------

    public List<RelationSummary> relations() {
        return jdbc.query("SELECT relation_id, title, parties, fact_count FROM relation_view ORDER BY relation_id",
                (rs, i) -> new RelationSummary(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split("\n")), rs.getInt(4)));
    }

    public Optional<RelationSummary> relation(String relationId) {
        return jdbc.query("SELECT relation_id, title, parties, fact_count FROM relation_view WHERE relation_id = ?",
                (rs, i) -> new RelationSummary(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split("\n")), rs.getInt(4)),
                relationId).stream().findFirst();
    }

    /**
     * The status at a date: per dimension, the latest segment starting at or before it, each an index lookup. On
     * H2, one statement, prepared once (the database caches its plan) and run once per dimension; on PostgreSQL,
     * one statement for all of them ({@link #LATEST_SEGMENTS_POSTGRES}).
     */
    public Map<String, DimensionView> statusAt(String relationId, LocalDate day) {
        Date date = Date.valueOf(day);
        return jdbc.execute((Connection connection) -> {
            Map<String, DimensionView> status = new LinkedHashMap<>();
            if (postgres(connection)) {
                Map<String, byte[]> answers = new HashMap<>();
                try (PreparedStatement latest = connection.prepareStatement(LATEST_SEGMENTS_POSTGRES)) {
                    latest.setString(1, relationId);
                    latest.setDate(2, date);
                    try (ResultSet rs = latest.executeQuery()) {
                        while (rs.next()) {
                            answers.put(rs.getString(1), rs.getBytes(2));
                        }
                    }
                }
                for (Dimension d : Dimension.values()) {
                    if (answers.containsKey(d.key())) {
                        status.put(d.key(), read(answers.get(d.key()), DimensionView.class));
                    }
                }
                return Collections.unmodifiableMap(status);
            }
            try (PreparedStatement latest = connection.prepareStatement(LATEST_SEGMENT)) {
                latest.setString(1, relationId);
                latest.setDate(3, date);
                for (Dimension d : Dimension.values()) {
                    latest.setString(2, d.key());
                    try (ResultSet rs = latest.executeQuery()) {
                        if (rs.next()) {
                            status.put(d.key(), read(rs.getBytes(1), DimensionView.class));
                        }
                    }
                }
            }
            return Collections.unmodifiableMap(status);
        });
    }

    private boolean postgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        return postgres;
    }

    public Map<String, List<SegmentView>> timeline(String relationId) {
        Map<String, List<SegmentView>> timeline = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            timeline.put(d.key(), new ArrayList<>());
        }
        jdbc.query("SELECT dimension, valid_from, valid_to, answer FROM status_segment WHERE relation_id = ?"
                + " ORDER BY dimension, valid_from", rs -> {
            timeline.get(rs.getString(1)).add(SegmentView.of(rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                    read(rs.getBytes(4), DimensionView.class)));
        }, relationId);
        return timeline;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    private <T> T read(byte[] bytes, Class<T> type) {
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored " + type.getSimpleName(), e);
        }
    }
}
