package org.entente.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.ApplicationTest;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A VetoCast stored at revision 1 (no scope) is read as revision 2, through the event store and the API. */
class UpcasterTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    private void store(String aggregate, long sequence, String type, String revision, byte[] payload) {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, 'Relation', ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), aggregate, sequence, Instant.parse("2020-01-01T00:00:00Z").toString(), type, revision,
                payload, "{}".getBytes());
    }

    @Test
    void aRevision1VetoIsReadAsAVetoOfExercises() throws Exception {
        byte[] revision1;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/veto-cast-revision-1.json")) {
            revision1 = in.readAllBytes();
        }
        assertThat(json.readTree(revision1).has("scope")).isFalse();
        store("legacy-relation", 0, "org.entente.relation.events.RelationOpened", null,
                "{\"relationId\":\"legacy-relation\",\"title\":\"Legacy\",\"parties\":[\"Israel\",\"NATO\"]}".getBytes());
        store("legacy-relation", 1, "org.entente.relation.events.NatoMembershipAttested", null,
                ("{\"relationId\":\"legacy-relation\",\"factId\":\"turkey-member\",\"date\":\"2010\",\"sources\":[{\"url\":\"u\",\"quote\":\"q\"}],"
                        + "\"state\":\"Turkey\"}").getBytes());
        store("legacy-relation", 2, VetoCast.class.getName(), null, revision1);

        List<Object> payloads = eventStore.readEvents("legacy-relation").asStream().map(m -> (Object) m.getPayload()).toList();
        VetoCast veto = (VetoCast) payloads.get(2);
        assertThat(veto.scope()).isEqualTo(VetoScope.EXERCISES);
        assertThat(veto.memberState()).isEqualTo("Turkey");
        assertThat(veto.date()).hasToString("2010");

        JsonNode stored = get("/api/relations/legacy-relation/events").get(2);
        assertThat(stored.has("revision")).isFalse();
        assertThat(stored.get("payload").has("scope")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> "VETOED".equals(
                get("/api/relations/legacy-relation/status?at=2011-01-01").at("/dimensions/exerciseParticipation/value").asText()));
    }

    @Test
    void newVetoesAreStoredAtRevision2() {
        List<String> revisions = jdbc.queryForList("SELECT payload_revision FROM domain_event_entry WHERE payload_type = ?"
                + " AND aggregate_identifier = 'israel-nato'", String.class, VetoCast.class.getName());
        assertThat(revisions).containsOnly("2");
    }
}
