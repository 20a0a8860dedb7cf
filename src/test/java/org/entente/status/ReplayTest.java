package org.entente.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.io.InputStream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.relation.events.MediterraneanDialogueEstablished;
import org.entente.relation.events.MediterraneanDialogueJoined;
import org.entente.relation.events.NatoMembershipAttested;
import org.entente.relation.commands.CorrectFact;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFacts;
import org.entente.relation.events.Source;
import org.entente.relation.events.VetoCast;
import org.entente.time.ValidDate;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rebuilding the projection from the event store gives exactly the answers it gave before. */
class ReplayTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Test
    void aRebuiltProjectionAnswersExactlyAsBefore() {
        List<String> before = answers();

        // Break the read model, so that only a real rebuild can bring the answers back.
        jdbc.update("DELETE FROM status_segment");
        assertThat(http.getForEntity("/api/relations/israel-nato/status?at=2011-01-01", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(http.postForEntity("/api/admin/projections/status/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> replay = http.withBasicAuth(EDITOR, EDITOR_PASSWORD)
                .postForEntity("/api/admin/projections/status/replay", null, String.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode status = get("/api/admin/projections/status");
            return status.get("caughtUp").asBoolean()
                    && http.getForEntity("/api/relations/israel-nato/timeline", String.class).getStatusCode().is2xxSuccessful();
        });

        assertThat(answers()).isEqualTo(before);
    }

    @Test
    void theBulkRebuildWritesTheRowsTheHandlersWrote() throws Exception {
        // Besides the history: a corrected fact, and a veto stored at revision 1, which is read through the upcaster.
        String relation = "replay-rows-" + UUID.randomUUID();
        commands.sendAndWait(new OpenRelation(relation, "Replay rows", List.of("Israel", "NATO")));
        List<Source> source = List.of(Source.seed("test", "a fact of the replay test"));
        commands.sendAndWait(new RecordFacts(relation, List.of(
                new MediterraneanDialogueEstablished(relation, "established", ValidDate.parse("1994"), source),
                new MediterraneanDialogueJoined(relation, "joined", ValidDate.parse("1995"), source),
                new NatoMembershipAttested(relation, "turkey-member", ValidDate.parse("2009"), source, "Turkey"))));
        commands.sendAndWait(new CorrectFact(relation, "joined", ValidDate.parse("1995-02"), Map.of(), List.of(), List.of(), false,
                List.of(Source.seed("test", "a correction")), "test", false));
        byte[] revision1;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/veto-cast-revision-1.json")) {
            ObjectNode veto = (ObjectNode) json.readTree(in.readAllBytes());
            veto.put("relationId", relation);
            revision1 = json.writeValueAsBytes(veto);
        }
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, 5, 'Relation', ?, ?, NULL, ?, ?)",
                UUID.randomUUID().toString(), relation, "2020-01-01T00:00:00Z", VetoCast.class.getName(), revision1, "{}".getBytes());
        // the live projection reads the revision-1 veto as a veto of exercises, and the corrected date of the partnership
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/admin/projections/status").get("caughtUp").asBoolean()
                && get("/api/relations/" + relation + "/status?at=2011-01-01").at("/dimensions/exerciseParticipation/value").asText()
                        .equals("VETOED"));
        assertThat(get("/api/relations/" + relation + "/status?at=1996-01-01").at("/dimensions/mediterraneanDialogue/since").asText())
                .isEqualTo("1995-02");
        Map<String, List<String>> live = projectionTables();
        assertThat(live.get("relation_view")).anyMatch(row -> row.startsWith(relation + "|") && row.endsWith("|4"));

        ResponseEntity<String> replay = http.withBasicAuth(EDITOR, EDITOR_PASSWORD)
                .postForEntity("/api/admin/projections/status/replay", null, String.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/api/admin/projections/status").get("caughtUp").asBoolean());

        assertThat(projectionTables()).isEqualTo(live);
    }

    /** Every row of the projection's tables, JSON columns as parsed trees (so that key order cannot matter). */
    private Map<String, List<String>> projectionTables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("relation_view", jdbc.query("SELECT * FROM relation_view ORDER BY relation_id", (rs, i) ->
                rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4)));
        tables.put("status_segment", jdbc.query("SELECT relation_id, dimension, valid_from, valid_to, answer FROM status_segment"
                + " ORDER BY relation_id, dimension, valid_from", (rs, i) ->
                rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getDate(3) + "|" + rs.getDate(4) + "|" + tree(rs.getBytes(5))));
        return tables;
    }

    private String tree(byte[] bytes) {
        try {
            return json.readTree(bytes).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aGetNeverReplays() {
        assertThat(http.getForEntity("/api/admin/projections/status/replay", String.class).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    /** The timeline, and the status on the first of every month from 1950 to 2026. */
    private List<String> answers() {
        List<String> answers = new ArrayList<>();
        answers.add(get("/api/relations/israel-nato/timeline").toString());
        for (LocalDate day = LocalDate.of(1950, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusMonths(1)) {
            answers.add(get("/api/relations/israel-nato/status?at=" + day).toString());
        }
        return answers;
    }
}
