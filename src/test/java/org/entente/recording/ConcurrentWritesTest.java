package org.entente.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two editors writing the same relation at once, each sending the version it read as If-Match: one wins,
 * the other gets 409 with the current version, and the stream holds exactly the winners, in the order of
 * the versions they were given.
 */
class ConcurrentWritesTest extends ApplicationTest {

    private static final String SOURCE = "[{\"url\": \"https://example.org/source\", \"quote\": \"a test source\"}]";
    private static final int ROUNDS = 8;

    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private String relation;

    @BeforeEach
    void openARelationOfItsOwn() {
        relation = "conflict-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
        ResponseEntity<String> opened = post("/api/relations", null, "{\"id\": \"" + relation + "\", \"title\": \"Conflicts\","
                + " \"parties\": [\"Israel\", \"NATO\"], \"reason\": \"test\"}");
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(opened.getHeaders().getETag()).isEqualTo("\"0\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.getForEntity("/api/relations/" + relation, String.class)
                .getStatusCode().is2xxSuccessful());
    }

    @AfterEach
    void stopWriters() throws InterruptedException {
        writers.shutdownNow();
        writers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private ResponseEntity<String> post(String path, String ifMatch, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            headers.set("If-Match", ifMatch);
        }
        return http.withBasicAuth(EDITOR, EDITOR_PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> record(String ifMatch, String factId, String date) {
        return post("/api/relations/" + relation + "/facts", ifMatch, "{\"id\": \"" + factId + "\", \"type\": \"ContextNoted\", \"date\": \""
                + date + "\", \"summary\": \"" + factId + "\", \"sources\": " + SOURCE + ", \"reason\": \"test\"}");
    }

    private ResponseEntity<String> correct(String ifMatch, String factId, String date) {
        return post("/api/relations/" + relation + "/facts/" + factId + "/corrections", ifMatch, "{\"date\": \"" + date + "\", \"sources\": "
                + SOURCE + ", \"reason\": \"test\"}");
    }

    /** The relation's version, read as a client reads it: GET, its ETag and its version field agree. */
    private long version() {
        ResponseEntity<String> response = http.getForEntity("/api/relations/" + relation, String.class);
        long version = body(response).get("version").asLong();
        assertThat(response.getHeaders().getETag()).isEqualTo("\"" + version + "\"");
        return version;
    }

    private List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        get("/api/relations/" + relation + "/events").forEach(events::add);
        return events;
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, relation);
    }

    /** Both requests start together, after both threads are ready. */
    private List<ResponseEntity<String>> atOnce(java.util.function.Supplier<ResponseEntity<String>> first,
                                                java.util.function.Supplier<ResponseEntity<String>> second) {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<String>>> sent = new ArrayList<>();
        for (java.util.function.Supplier<ResponseEntity<String>> request : List.of(first, second)) {
            sent.add(CompletableFuture.supplyAsync(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return request.get();
            }, writers));
        }
        try {
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        go.countDown();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void twoEditorsWithTheSameVersionOneWinsTheOtherGets409WithTheCurrentVersion() {
        Map<Long, String> winnerAt = new HashMap<>();
        int day = 1;
        for (int round = 0; round < ROUNDS; round++) {
            long version = version();
            String tag = "\"" + version + "\"";
            String a = "a-" + round;
            String b = "b-" + round;
            String dateA = String.format("2000-01-%02d", day++);
            String dateB = String.format("2000-01-%02d", day++);
            List<ResponseEntity<String>> answers = atOnce(() -> record(tag, a, dateA), () -> record(tag, b, dateB));

            List<HttpStatus> statuses = answers.stream().map(r -> HttpStatus.valueOf(r.getStatusCode().value())).toList();
            assertThat(statuses).as("round %d: %s", round, answers).containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
            ResponseEntity<String> won = answers.get(statuses.indexOf(HttpStatus.CREATED));
            ResponseEntity<String> lost = answers.get(statuses.indexOf(HttpStatus.CONFLICT));
            String winner = body(won).get("factId").asText();
            String loser = winner.equals(a) ? b : a;
            String loserDate = winner.equals(a) ? dateB : dateA;

            assertThat(won.getHeaders().getETag()).isEqualTo("\"" + (version + 1) + "\"");
            assertThat(lost.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = body(lost);
            assertThat(problem.get("currentVersion").asLong()).isEqualTo(version + 1);
            assertThat(problem.get("expectedVersion").asLong()).isEqualTo(version);
            assertThat(problem.get("relation").asText()).isEqualTo(relation);
            assertThat(lost.getHeaders().getETag()).isEqualTo("\"" + (version + 1) + "\"");
            winnerAt.put(version + 1, winner);

            // The loser reads again and writes on the current version.
            ResponseEntity<String> retried = record(lost.getHeaders().getETag(), loser, loserDate);
            assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(retried.getHeaders().getETag()).isEqualTo("\"" + (version + 2) + "\"");
            winnerAt.put(version + 2, loser);
        }

        // Nothing lost, nothing twice, nothing out of order: each write is at the version its ETag named.
        List<JsonNode> events = events();
        assertThat(events).hasSize(1 + 2 * ROUNDS);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("aggregateSequence").asLong()).isEqualTo(i);
        }
        winnerAt.forEach((version, fact) ->
                assertThat(events.get(version.intValue()).at("/payload/factId").asText()).as("event at version %d", version).isEqualTo(fact));
        assertThat(version()).isEqualTo(2L * ROUNDS);
    }

    @Test
    void twoCorrectionsOfTheSameFactWithTheSameVersionOneWins() {
        assertThat(record(null, "note", "2001").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long version = version();
        String tag = "\"" + version + "\"";
        List<ResponseEntity<String>> answers = atOnce(() -> correct(tag, "note", "2001-05"), () -> correct(tag, "note", "2001-06"));
        List<Integer> statuses = answers.stream().map(r -> r.getStatusCode().value()).toList();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        JsonNode problem = body(answers.get(statuses.indexOf(409)));
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(version + 1);
        assertThat(events()).hasSize((int) version + 2);
        assertThat(events().get((int) version + 1).get("type").asText()).isEqualTo("FactCorrected");
    }

    @Test
    void aStaleOrFutureVersionIsRefusedAndNothingIsRecorded() {
        assertThat(record(null, "first", "2001").getHeaders().getETag()).isEqualTo("\"1\"");
        long before = storedEvents();
        ResponseEntity<String> stale = record("\"0\"", "second", "2002");
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(stale).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(body(stale).get("detail").asText()).contains("version 1").contains("If-Match");
        ResponseEntity<String> future = correct("\"7\"", "first", "2001-03");
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(body(future).get("currentVersion").asLong()).isEqualTo(1);
        assertThat(storedEvents()).isEqualTo(before);

        // "*" and no If-Match at all: no precondition; the answer still carries the new version.
        assertThat(record("*", "second", "2002").getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(record(null, "third", "2003").getHeaders().getETag()).isEqualTo("\"3\"");
        // Recording the same fact again changes nothing, and says at which version the relation is.
        ResponseEntity<String> again = record("\"3\"", "third", "2003");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getHeaders().getETag()).isEqualTo("\"3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "W/\"3\"", "\"three\"", "\"3\", \"4\"", "\"-1\"", "\"99999999999999999999\"", "\"\""})
    void aMalformedIfMatchIsA400NamingTheHeader(String ifMatch) {
        long before = storedEvents();
        for (ResponseEntity<String> response : List.of(record(ifMatch, "x", "2001"), correct(ifMatch, "x", "2001-02"))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(body(response).get("parameter").asText()).isEqualTo("If-Match");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }
}
