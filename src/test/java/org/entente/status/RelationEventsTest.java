package org.entente.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.entente.ApplicationTest;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The projection reads a relation's events from the event table as Axon's event store reads them. */
class RelationEventsTest extends ApplicationTest {

    @Autowired
    RelationEvents events;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsAtTheirCurrentRevisionAreReadAsTheEventStoreReadsThem() {
        // israel-nato holds VetoCast at revision 2 (its current one) and events without a revision
        assertThat(jdbc.queryForList("SELECT DISTINCT payload_revision FROM domain_event_entry WHERE aggregate_identifier = 'israel-nato'",
                String.class)).containsExactlyInAnyOrder("2", null);

        List<RelationEvents.Stored> read = events.all("israel-nato");

        assertThat(read).extracting(RelationEvents.Stored::payload)
                .containsExactlyElementsOf(eventStore.readEvents("israel-nato").asStream().map(Message::getPayload).toList());
        assertThat(read).extracting(RelationEvents.Stored::globalSequence).containsExactlyElementsOf(jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = 'israel-nato' ORDER BY sequence_number",
                Long.class));
    }

    @Test
    void anOlderRevisionAmongThemIsUpcastAsTheEventStoreUpcastsIt() throws Exception {
        byte[] revision1;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/veto-cast-revision-1.json")) {
            revision1 = in.readAllBytes();
        }
        store("older-revision", 0, "org.entente.relation.events.RelationOpened", null,
                "{\"relationId\":\"older-revision\",\"title\":\"Older\",\"parties\":[\"Israel\",\"NATO\"]}".getBytes());
        store("older-revision", 1, VetoCast.class.getName(), null, revision1);
        store("older-revision", 2, "org.entente.relation.events.ContextNoted", null,
                ("{\"relationId\":\"older-revision\",\"factId\":\"note\",\"date\":\"2011\",\"sources\":[{\"url\":\"u\",\"quote\":\"q\"}],"
                        + "\"summary\":\"s\"}").getBytes());

        List<Object> read = events.all("older-revision").stream().map(RelationEvents.Stored::payload).toList();

        assertThat(read).containsExactlyElementsOf(eventStore.readEvents("older-revision").asStream().map(Message::getPayload).toList());
        assertThat(((VetoCast) read.get(1)).scope()).isEqualTo(VetoScope.EXERCISES);
    }

    @Test
    void upToStopsAtTheGivenGlobalSequence() {
        List<RelationEvents.Stored> all = events.all("israel-nato");
        long middle = all.get(all.size() / 2).globalSequence();

        assertThat(events.upTo("israel-nato", middle)).containsExactlyElementsOf(all.subList(0, all.size() / 2 + 1));
    }

    private void store(String aggregate, long sequence, String type, String revision, byte[] payload) {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, 'Relation', ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), aggregate, sequence, Instant.parse("2020-01-01T00:00:00Z").toString(), type, revision,
                payload, "{}".getBytes());
    }
}
