package org.entente.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Autowired;

/** The query API over the projection built from the recorded history. */
class StatusApiTest extends ApplicationTest {

    @Autowired
    StatusRepository repository;

    @Test
    void theStoredStatusIsWhatTheRulesGiveOnEveryDayAsked() {
        StatusChecks.storedStatusIsWhatTheRulesGive(repository, json);
    }

    @Test
    void listsTheIsraelNatoRelation() {
        // Other tests sharing this context open relations of their own (RecordingApiTest, UpcasterTest), so the
        // list is not only the shipped history's: find Israel–NATO in it.
        JsonNode relations = get("/api/relations");
        JsonNode israelNato = null;
        for (JsonNode relation : relations) {
            if ("israel-nato".equals(relation.get("id").asText())) {
                israelNato = relation;
            }
        }
        assertThat(israelNato).as("israel-nato in %s", relations).isNotNull();
        assertThat(israelNato.get("parties").toString()).isEqualTo("[\"Israel\",\"NATO\"]");
        assertThat(israelNato.get("facts").asInt()).isEqualTo(33);
    }

    @Test
    void on2011TheVetoIsInForceWithItsCauseAndSource() {
        JsonNode exercises = get("/api/relations/israel-nato/status?at=2011-01-01").at("/dimensions/exerciseParticipation");
        assertThat(exercises.get("value").asText()).isEqualTo("VETOED");
        assertThat(exercises.get("certain").asBoolean()).isTrue();
        assertThat(exercises.get("since").asText()).isEqualTo("2010");
        assertThat(exercises.at("/detail/vetoedBy").asText()).isEqualTo("Turkey");
        JsonNode cause = exercises.at("/facts/0");
        assertThat(cause.get("id").asText()).isEqualTo("turkey-veto-2010");
        assertThat(cause.get("precision").asText()).isEqualTo("YEAR");
        assertThat(cause.at("/sources/0/seed").asText()).isEqualTo("004_5542686ea716bda9.txt");
        assertThat(cause.at("/sources/0/quote").asText()).contains("Turkey, as a NATO member, vetoed");
    }

    @Test
    void inside2010TheAnswerIsUncertainWithItsWindow() {
        JsonNode exercises = get("/api/relations/israel-nato/status?at=2010-06-01").at("/dimensions/exerciseParticipation");
        assertThat(exercises.get("certain").asBoolean()).isFalse();
        assertThat(exercises.has("value")).isFalse();
        assertThat(exercises.get("possibleValues").toString()).isEqualTo("[\"ACTIVE\",\"VETOED\"]");
        assertThat(exercises.at("/window/from").asText()).isEqualTo("2010-01-01");
        assertThat(exercises.at("/window/to").asText()).isEqualTo("2010-12-31");
    }

    @Test
    void answersEveryDimension() {
        JsonNode dimensions = get("/api/relations/israel-nato/status?at=2019-01-01").get("dimensions");
        List<String> names = new ArrayList<>();
        dimensions.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("majorNonNatoAlly", "mediterraneanDialogue", "exerciseParticipation",
                "catalogingSystem", "headquartersOffice", "representation", "industryAccess", "agreements", "membership",
                "membershipConditions");
        assertThat(dimensions.at("/representation/value").asText()).isEqualTo("ACCREDITED");
        assertThat(dimensions.at("/agreements/value").toString()).isEqualTo("[\"SECURITY_INFORMATION_EXCHANGE\",\"COOPERATION\"]");
    }

    @Test
    void theTimelineGivesTheIntervalsOfEachDimension() {
        JsonNode exercises = get("/api/relations/israel-nato/timeline").at("/dimensions/exerciseParticipation");
        JsonNode vetoed = null;
        for (JsonNode segment : exercises) {
            if ("VETOED".equals(segment.at("/answer/value").asText())) {
                vetoed = segment;
            }
        }
        assertThat(vetoed).isNotNull();
        assertThat(vetoed.get("from").asText()).isEqualTo("2010-12-31");
        assertThat(vetoed.get("to").asText()).isEqualTo("2016-05-31");
        assertThat(exercises.get(0).has("from")).isFalse();
        assertThat(exercises.get(exercises.size() - 1).has("to")).isFalse();
    }

    @Test
    void theEventsAreTheStoredStreamInOrder() {
        JsonNode events = get("/api/relations/israel-nato/events");
        assertThat(events).hasSize(34);
        assertThat(events.get(0).get("type").asText()).isEqualTo("RelationOpened");
        long previous = -1;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("aggregateSequence").asLong()).isEqualTo(i);
            assertThat(event.get("globalSequence").asLong()).isGreaterThan(previous);
            previous = event.get("globalSequence").asLong();
            assertThat(event.get("recordedAt").asText()).isNotBlank();
            if (i > 0) {
                assertThat(event.get("validDate").asText()).isNotBlank();
                assertThat(event.get("precision").asText()).isIn("YEAR", "MONTH", "DAY");
                assertThat(event.at("/sources/0/quote").asText()).isNotBlank();
            }
        }
        JsonNode veto = events.findParents("factId").stream().filter(e -> e.get("factId").asText().equals("turkey-veto-2010")).findFirst().orElseThrow();
        assertThat(veto.get("scope").asText()).isEqualTo("EXERCISES");
    }

    @ParameterizedTest
    @CsvSource({
            "'/api/relations/israel-nato/status?at=2010-02-30', at, is not a possible date",
            "'/api/relations/israel-nato/status?at=2010', at, must be a day",
            "'/api/relations/israel-nato/status?at=yesterday', at, YYYY-MM-DD",
            "'/api/relations/israel-nato/status?at=', at, required",
    })
    void badDatesAreAnswered400NamingTheParameter(String path, String parameter, String detail) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).contains(detail);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource({"/api/relations/nope", "/api/relations/nope/status?at=2011-01-01", "/api/relations/nope/timeline",
            "/api/relations/nope/events"})
    void anUnknownRelationIsAnswered404NamingIt(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode problem = body(response);
        assertThat(problem.get("relation").asText()).isEqualTo("nope");
        assertThat(problem.get("detail").asText()).contains("no relation 'nope'");
        assertThat(response.getBody()).doesNotContain("trace").doesNotContain("Exception");
    }
}
