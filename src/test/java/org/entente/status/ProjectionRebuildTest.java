package org.entente.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.entente.ApplicationTest;
import org.entente.replay.ProjectionReplay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The bulk rebuild's threads: relations read on reading threads and written, a transaction at a time, on a
 * writing thread give the rows one transaction gives; a failure on either stops the rebuild with its cause.
 */
class ProjectionRebuildTest extends ApplicationTest {

    @Autowired
    RelationEvents events;

    @Autowired
    ProjectionReplay replay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatusRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void oneTransactionPerRelationOnTheWritingThreadWritesWhatTheProjectionHolds() {
        await().atMost(Duration.ofSeconds(20)).until(() -> replay.status().caughtUp());
        Map<String, List<String>> before = tables();
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        jdbc.execute("TRUNCATE TABLE status_segment");
        jdbc.execute("TRUNCATE TABLE relation_view");

        long read = new ProjectionRebuild(jdbc, repository, events, transactions, 1).rebuildUpTo(head, () -> { });

        assertThat(read).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class));
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void aFailedTransactionStopsTheRebuildAndWritesNothing() {
        Map<String, List<String>> before = tables();

        // the tables are not emptied first, so the first relation's rows are already there
        assertThatThrownBy(() -> new ProjectionRebuild(jdbc, repository, events, transactions, 1).rebuildUpTo(Long.MAX_VALUE, () -> { }))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(tables()).isEqualTo(before);
    }

    /** Every row of the projection's tables. */
    private Map<String, List<String>> tables() {
        return Map.of("relation_view", jdbc.query("SELECT * FROM relation_view ORDER BY relation_id", (rs, i) ->
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4)),
                "status_segment", jdbc.query("SELECT relation_id, dimension, valid_from, valid_to, answer FROM status_segment"
                        + " ORDER BY relation_id, dimension, valid_from", (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getDate(3) + "|" + rs.getDate(4) + "|" + new String(rs.getBytes(5), StandardCharsets.UTF_8)));
    }

    @Test
    void aFailureWhileReadingARelationStopsTheRebuildWithItsCause() {
        Map<String, Object> before = jdbc.queryForMap("SELECT (SELECT COUNT(*) FROM status_segment) s, (SELECT COUNT(*) FROM relation_view) r");
        RelationEvents unreadable = new RelationEvents(jdbc, serializer, List.of()) {
            @Override
            public List<Stored> upTo(String relationId, long lastGlobalSequence) {
                throw new IllegalStateException("cannot read " + relationId);
            }
        };
        ProjectionRebuild rebuild = new ProjectionRebuild(jdbc, repository, unreadable, transactions);
        int[] relationsDone = {0};

        assertThatThrownBy(() -> rebuild.rebuildUpTo(Long.MAX_VALUE, () -> relationsDone[0]++))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot read ");

        assertThat(relationsDone[0]).isZero();
        assertThat(jdbc.queryForMap("SELECT (SELECT COUNT(*) FROM status_segment) s, (SELECT COUNT(*) FROM relation_view) r"))
                .isEqualTo(before);
    }
}
