package org.entente.stepthrough;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** GET /api/relations/{id}/replay?step=N: the recorded facts folded one at a time through the Java rules. */
class StepThroughTest extends ApplicationTest {

    private static final String REPLAY = "/api/relations/israel-nato/replay";

    @Autowired
    JdbcTemplate jdbc;

    /** The stored events a step can apply (facts and corrections: all but RelationOpened), in recording order. */
    private List<JsonNode> storedFacts() {
        List<JsonNode> facts = new ArrayList<>();
        get("/api/relations/israel-nato/events").forEach(e -> {
            if (!e.get("type").asText().equals("RelationOpened")) {
                facts.add(e);
            }
        });
        return facts;
    }

    @Test
    void stepZeroIsTheStateBeforeAnyFact() {
        JsonNode step = get(REPLAY + "?step=0&at=2011-01-01");
        assertThat(step.get("step").asInt()).isZero();
        assertThat(step.get("steps").asInt()).isEqualTo(storedFacts().size());
        assertThat(step.has("applied")).isFalse();
        assertThat(step.get("accepted").asInt()).isZero();
        step.get("dimensions").forEach(segments -> {
            assertThat(segments).hasSize(1);
            assertThat(segments.get(0).at("/answer/facts")).isEmpty();
        });
        assertThat(step.at("/status/exerciseParticipation/value").asText()).isEqualTo("NONE");
        assertThat(step.at("/status/membership/value").asText()).isEqualTo("NON_MEMBER");
    }

    @Test
    void eachStepAppliesTheNextStoredFact() {
        List<JsonNode> facts = storedFacts();
        for (int n = 1; n <= facts.size(); n++) {
            JsonNode applied = get(REPLAY + "?step=" + n).get("applied");
            JsonNode stored = facts.get(n - 1);
            assertThat(applied.get("position").asInt()).isEqualTo(n);
            assertThat(applied.get("globalSequence").asLong()).isEqualTo(stored.get("globalSequence").asLong());
            assertThat(applied.get("type").asText()).isEqualTo(stored.get("type").asText());
            assertThat(applied.get("factId").asText()).isEqualTo(stored.at("/payload/factId").asText());
            assertThat(applied.at("/fact/id").asText()).isEqualTo(stored.at("/payload/factId").asText());
            assertThat(applied.at("/fact/date").asText()).isEqualTo(stored.get("validDate").asText());
            assertThat(applied.at("/fact/precision").asText()).isEqualTo(stored.get("precision").asText());
            assertThat(applied.get("accepted").asBoolean()).as("step %d", n).isTrue();
        }
    }

    @Test
    void afterTheLastStepTheTimelineIsTheProjections() {
        int steps = storedFacts().size();
        JsonNode last = get(REPLAY + "?step=" + steps);
        assertThat(last.get("dimensions")).isEqualTo(get("/api/relations/israel-nato/timeline").get("dimensions"));
        assertThat(last.get("accepted").asInt()).isEqualTo(steps);
        assertThat(last.get("rejected")).isEmpty();
        JsonNode withDate = get(REPLAY + "?step=" + steps + "&at=2010-06-01");
        assertThat(withDate.get("status")).isEqualTo(get("/api/relations/israel-nato/status?at=2010-06-01").get("dimensions"));
    }

    @Test
    void theVetoStepChangesExerciseParticipationOnly() {
        List<JsonNode> facts = storedFacts();
        int veto = 0;
        while (!facts.get(veto).at("/payload/factId").asText().equals("turkey-veto-2010")) {
            veto++;
        }
        int step = veto + 1;
        JsonNode before = get(REPLAY + "?step=" + (step - 1) + "&at=2011-01-01");
        JsonNode after = get(REPLAY + "?step=" + step + "&at=2011-01-01");
        assertThat(before.at("/status/exerciseParticipation/value").asText()).isEqualTo("ACTIVE");
        assertThat(after.at("/status/exerciseParticipation/value").asText()).isEqualTo("VETOED");
        assertThat(after.at("/status/exerciseParticipation/facts/0/id").asText()).isEqualTo("turkey-veto-2010");
        assertThat(after.at("/applied/changedDimensions").toString()).isEqualTo("[\"exerciseParticipation\"]");
        assertThat(after.at("/applied/fact/sources/0/quote").asText()).contains("Turkey, as a NATO member, vetoed");
        // Every other dimension answers exactly as before.
        before.get("dimensions").fieldNames().forEachRemaining(key -> {
            if (!key.equals("exerciseParticipation")) {
                assertThat(after.get("dimensions").get(key)).as(key).isEqualTo(before.get("dimensions").get(key));
            }
        });
    }

    @Test
    void replayingWritesNothing() {
        String before = storeAndProjection();
        JsonNode processor = get("/api/admin/projections/status");
        for (int n = 0; n <= storedFacts().size(); n += 4) {
            get(REPLAY + "?step=" + n + "&at=2011-01-01");
        }
        assertThat(storeAndProjection()).isEqualTo(before);
        // The real projection was not reset: its processor stands exactly where it stood (a replay token, if an
        // earlier admin replay left one, is no sign of this test's GETs: the tokens above are unchanged).
        assertThat(get("/api/admin/projections/status")).isEqualTo(processor);
    }

    /** The event store, the projection's tables and its tracking tokens, as text. */
    private String storeAndProjection() {
        return jdbc.queryForList("SELECT global_index, sequence_number, payload_type FROM domain_event_entry ORDER BY global_index").toString()
                + jdbc.queryForList("SELECT relation_id, dimension, valid_from, valid_to FROM status_segment ORDER BY relation_id, dimension, valid_from")
                + jdbc.queryForList("SELECT relation_id, fact_count FROM relation_view ORDER BY relation_id")
                + jdbc.queryForList("SELECT processor_name, segment, token FROM token_entry ORDER BY processor_name, segment").stream()
                        .map(row -> row.get("PROCESSOR_NAME") + "/" + row.get("SEGMENT") + "/" + java.util.Arrays.toString((byte[]) row.get("TOKEN"))).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "'?step=-1', step, between 0 and 33",
            "'?step=34', step, between 0 and 33",
            "'?step=many', step, whole number",
            "'?step=', step, required",
            "'', step, required",
            "'?step=3&at=2010', at, must be a day",
            "'?step=3&at=2010-02-30', at, is not a possible date",
    })
    void badParametersAreAnswered400NamingThem(String query, String parameter, String detail) {
        ResponseEntity<String> response = http.getForEntity(REPLAY + query, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    @Test
    void anUnknownRelationIsAnswered404() {
        ResponseEntity<String> response = http.getForEntity("/api/relations/nope/replay?step=1", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body(response).get("relation").asText()).isEqualTo("nope");
    }
}
