package org.entente.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recording facts and corrections through the API, on a relation of its own (so the Israel–NATO history the
 * other tests read stays as shipped): who may write, what is refused, and that the store only grows.
 */
class RecordingApiTest extends ApplicationTest {

    private static final String SOURCE = "[{\"url\": \"https://example.org/source\", \"quote\": \"a test source\"}]";

    @Autowired
    JdbcTemplate jdbc;

    private String relation;

    @BeforeEach
    void openARelationOfItsOwn() {
        relation = "test-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
        assertThat(post(editor(), "/api/relations", "{\"id\": \"" + relation + "\", \"title\": \"A test relation\","
                + " \"parties\": [\"Israel\", \"NATO\"], \"reason\": \"test\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.getForEntity("/api/relations/" + relation, String.class)
                .getStatusCode().is2xxSuccessful());
    }

    private TestRestTemplate editor() {
        return http.withBasicAuth(EDITOR, EDITOR_PASSWORD);
    }

    private ResponseEntity<String> post(TestRestTemplate client, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> record(String factJson) {
        return post(editor(), "/api/relations/" + relation + "/facts", factJson);
    }

    private void recordPartnership() {
        assertThat(record("{\"id\": \"established\", \"type\": \"MediterraneanDialogueEstablished\", \"date\": \"1994\", "
                + "\"sources\": " + SOURCE + ", \"reason\": \"test\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(record("{\"id\": \"joined\", \"type\": \"MediterraneanDialogueJoined\", \"date\": \"1995\", "
                + "\"sources\": " + SOURCE + ", \"reason\": \"test\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode statusAt(String day, String knownAt) {
        return get("/api/relations/" + relation + "/status?at=" + day + (knownAt == null ? "" : "&knownAt=" + knownAt));
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void anEditorRecordsAFactWithItsProvenance() {
        recordPartnership();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "PARTNER".equals(statusAt("2000-01-01", null).at("/dimensions/mediterraneanDialogue/value").asText()));
        JsonNode joined = get("/api/relations/" + relation + "/events").get(2);
        assertThat(joined.get("type").asText()).isEqualTo("MediterraneanDialogueJoined");
        assertThat(joined.get("recordedBy").asText()).isEqualTo(EDITOR);
        assertThat(joined.get("reason").asText()).isEqualTo("test");
        assertThat(statusAt("2000-01-01", null).at("/dimensions/mediterraneanDialogue/facts/0/sources/0/url").asText())
                .isEqualTo("https://example.org/source");
        assertThat(record("{\"id\": \"joined\", \"type\": \"MediterraneanDialogueJoined\", \"date\": \"1995\", "
                + "\"sources\": " + SOURCE + ", \"reason\": \"again\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void openingARelationNeedsAnIdTitleAndTwoParties() {
        ResponseEntity<String> bad = post(editor(), "/api/relations", "{\"id\": \"Bad Id\", \"title\": \"t\", \"parties\": [\"A\", \"B\"], \"reason\": \"r\"}");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(bad).get("parameter").asText()).isEqualTo("id");
        assertThat(post(editor(), "/api/relations", "{\"id\": \"" + relation + "\", \"title\": \"t\", \"parties\": [\"A\", \"B\"], \"reason\": \"r\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(http, "/api/relations", "{\"id\": \"x\", \"title\": \"t\", \"parties\": [\"A\", \"B\"], \"reason\": \"r\"}")
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aFactTheRulesRefuseIsAnswered409WithTheRuleAndTheBlockingFacts() {
        long before = events();
        ResponseEntity<String> response = record("{\"id\": \"exercise\", \"type\": \"ExerciseJoined\", \"date\": \"2002\", "
                + "\"exercise\": \"x\", \"kind\": \"EXERCISE\", \"sources\": " + SOURCE + ", \"reason\": \"test\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = body(response);
        assertThat(problem.get("rule").asText()).isEqualTo("PARTNER_STATUS_REQUIRED");
        assertThat(problem.get("fact").asText()).isEqualTo("exercise");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void writesNeedAnEditor() {
        String fact = "{\"id\": \"x\", \"type\": \"ContextNoted\", \"date\": \"2000\", \"summary\": \"s\", \"sources\": " + SOURCE
                + ", \"reason\": \"r\"}";
        long before = events();
        ResponseEntity<String> anonymous = post(http, "/api/relations/" + relation + "/facts", fact);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(body(anonymous).get("title").asText()).isEqualTo("Authentication required");
        assertThat(post(http.withBasicAuth(EDITOR, "wrong"), "/api/relations/" + relation + "/facts", fact).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> reader = post(http.withBasicAuth(READER, READER_PASSWORD), "/api/relations/" + relation + "/facts", fact);
        assertThat(reader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(body(reader).get("status").asInt()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        assertThat(http.getForEntity("/api/relations/" + relation + "/events", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\": \"x\", \"type\": \"ContextNoted\", \"date\": \"2000\", \"summary\": \"s\", \"reason\": \"r\"}|sources",
            "{\"id\": \"x\", \"type\": \"ContextNoted\", \"date\": \"2000\", \"summary\": \"s\", \"sources\": [{\"url\": \"u\", \"quote\": \"q\"}]}|reason",
            "{\"id\": \"x\", \"type\": \"ContextNoted\", \"date\": \"2000-02-30\", \"summary\": \"s\", \"sources\": [{\"url\": \"u\", \"quote\": \"q\"}], \"reason\": \"r\"}|date",
            "{\"id\": \"x\", \"type\": \"Nonsense\", \"date\": \"2000\", \"sources\": [{\"url\": \"u\", \"quote\": \"q\"}], \"reason\": \"r\"}|type",
            "{\"id\": \"x\", \"type\": \"VetoCast\", \"date\": \"2000\", \"memberState\": \"Turkey\", \"scope\": \"ALL\", \"sources\": [{\"url\": \"u\", \"quote\": \"q\"}], \"reason\": \"r\"}|scope",
            "{\"id\": \"x\", \"type\": \"ContextNoted\", \"date\": \"2000\", \"summary\": \"s\", \"sources\": [{\"url\": \"u\"}], \"reason\": \"r\"}|sources[0].quote",
            "{\"id\": \"x\", \"type\": |body",
    })
    void badFactsAreAnswered400NamingTheFieldAndRecordNothing(String json, String field) {
        long before = events();
        ResponseEntity<String> response = record(json);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(response).get("parameter").asText()).isEqualTo(field);
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no-such-fact|{\"date\": \"1996\", \"sources\": " + SOURCE + ", \"reason\": \"r\"}|factId",
            "joined|{\"date\": \"1996\", \"reason\": \"r\"}|sources",
            "joined|{\"date\": \"1996\", \"sources\": " + SOURCE + "}|reason",
            "joined|{\"date\": \"1996-02-30\", \"sources\": " + SOURCE + ", \"reason\": \"r\"}|date",
            "joined|{\"sources\": " + SOURCE + ", \"reason\": \"r\"}|date",
            "joined|{\"date\": \"1995\", \"sources\": " + SOURCE + ", \"reason\": \"r\"}|date",
    })
    void badCorrectionsAreAnswered400NamingTheFieldAndRecordNothing(String fact, String json, String field) {
        recordPartnership();
        long before = events();
        ResponseEntity<String> response = post(editor(), "/api/relations/" + relation + "/facts/" + fact + "/corrections", json);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(response).get("parameter").asText()).isEqualTo(field);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anUnparseableKnownAtIsAnswered400() {
        ResponseEntity<String> response = http.getForEntity("/api/relations/" + relation + "/status?at=2000-01-01&knownAt=yesterday", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(body(response).get("parameter").asText()).isEqualTo("knownAt");
        assertThat(http.getForEntity("/api/relations/" + relation + "/events?knownAt=2020-13-01T00:00:00Z", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /**
     * A correction is a new event: asked as known before it, the old answer; after it, the new one, for the
     * same valid date. No stored row changes.
     */
    @Test
    void aCorrectionChangesTheAnswerOnlyFromWhenItWasRecorded() throws Exception {
        recordPartnership();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "PARTNER".equals(statusAt("1995-12-31", null).at("/dimensions/mediterraneanDialogue/value").asText()));
        List<Map<String, Object>> rowsBefore = jdbc.queryForList("SELECT * FROM domain_event_entry ORDER BY global_index");
        Thread.sleep(5);
        Instant beforeCorrection = Instant.now();
        Thread.sleep(5);

        ResponseEntity<String> correction = post(editor(), "/api/relations/" + relation + "/facts/joined/corrections",
                "{\"date\": \"1996\", \"sources\": " + SOURCE + ", \"reason\": \"a better source dates the invitation to 1996\"}");
        assertThat(correction.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                "NONE".equals(statusAt("1995-12-31", null).at("/dimensions/mediterraneanDialogue/value").asText()));
        assertThat(statusAt("1995-12-31", beforeCorrection.toString()).at("/dimensions/mediterraneanDialogue/value").asText())
                .isEqualTo("PARTNER");
        assertThat(statusAt("1995-12-31", Instant.now().toString()).at("/dimensions/mediterraneanDialogue/value").asText())
                .isEqualTo("NONE");
        JsonNode cited = statusAt("1997-01-01", null).at("/dimensions/mediterraneanDialogue/facts/0");
        assertThat(cited.get("date").asText()).isEqualTo("1996");
        assertThat(cited.get("corrected").asBoolean()).isTrue();

        List<Map<String, Object>> rowsAfter = jdbc.queryForList("SELECT * FROM domain_event_entry ORDER BY global_index");
        assertThat(rowsAfter).hasSize(rowsBefore.size() + 1);
        for (int i = 0; i < rowsBefore.size(); i++) {
            assertThat(sameRow(rowsAfter.get(i), rowsBefore.get(i))).as("stored row " + i + " unchanged").isTrue();
        }
        JsonNode events = get("/api/relations/" + relation + "/events?knownAt=" + beforeCorrection);
        assertThat(events).hasSize(3);
    }

    @Test
    void aCorrectionThatBreaksLaterFactsIsRefusedUnlessRecordedAnyway() {
        recordPartnership();
        assertThat(record("{\"id\": \"exercise\", \"type\": \"ExerciseJoined\", \"date\": \"2002-01-09\", \"exercise\": \"x\", "
                + "\"kind\": \"EXERCISE\", \"sources\": " + SOURCE + ", \"reason\": \"test\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long before = events();

        String retraction = "{\"retract\": true, \"sources\": " + SOURCE + ", \"reason\": \"the invitation never happened\"";
        ResponseEntity<String> refused = post(editor(), "/api/relations/" + relation + "/facts/joined/corrections", retraction + "}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(refused).get("rule").asText()).isEqualTo("PARTNER_STATUS_REQUIRED");
        assertThat(body(refused).get("blockingFacts").toString()).isEqualTo("[\"exercise\"]");
        assertThat(events()).isEqualTo(before);

        ResponseEntity<String> anyway = post(editor(), "/api/relations/" + relation + "/facts/joined/corrections",
                retraction + ", \"recordAnyway\": true}");
        assertThat(anyway.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(body(anyway).get("contested").toString()).isEqualTo("[\"exercise\"]");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "NONE".equals(statusAt("2003-01-01", null).at("/dimensions/mediterraneanDialogue/value").asText()));
        JsonNode exercise = statusAt("2003-01-01", null).at("/dimensions/exerciseParticipation");
        assertThat(exercise.get("value").asText()).isEqualTo("ACTIVE");
        assertThat(exercise.at("/facts/0/id").asText()).isEqualTo("exercise");
        assertThat(exercise.at("/facts/0/contested").asText()).isEqualTo("PARTNER_STATUS_REQUIRED");
    }

    private static boolean sameRow(Map<String, Object> a, Map<String, Object> b) {
        for (String column : a.keySet()) {
            Object x = a.get(column);
            Object y = b.get(column);
            boolean same = x instanceof byte[] bx && y instanceof byte[] by ? Arrays.equals(bx, by) : java.util.Objects.equals(x, y);
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
