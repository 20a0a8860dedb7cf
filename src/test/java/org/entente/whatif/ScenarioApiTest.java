package org.entente.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The what-if API: shipped scenarios, scenarios in a request, bad input, and isolation from the store. */
class ScenarioApiTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> post(String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.postForEntity("/api/scenarios/run", new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void listsTheShippedScenarios() throws Exception {
        JsonNode scenarios = get("/api/scenarios");
        List<String> ids = new ArrayList<>();
        scenarios.forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).hasSize(ShippedScenariosTest.scenarioFiles().size())
                .contains("turkey-never-vetoes", "veto-never-lifted", "no-mediterranean-dialogue", "office-authorised-2012");
        assertThat(get("/api/scenarios/turkey-never-vetoes").get("source").asText()).contains("remove: turkey-veto-2010");
    }

    @Test
    void runsAScenarioSentAsYamlAndShowsTheCascadeAndTheDiff() throws Exception {
        ResponseEntity<String> response = post(Files.readString(Path.of("scenarios/no-mediterranean-dialogue.yaml")),
                MediaType.parseMediaType("application/yaml"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode result = body(response);
        assertThat(result.get("expectationsMet").asBoolean()).isTrue();
        JsonNode rejected = null;
        for (JsonNode r : result.get("rejected")) {
            if (r.get("factId").asText().equals("first-exercise-invitation-2002")) {
                rejected = r;
            }
        }
        assertThat(rejected).isNotNull();
        assertThat(rejected.get("rule").asText()).isEqualTo("PARTNER_STATUS_REQUIRED");
        assertThat(rejected.get("reason").asText()).contains("needs partner status");
        assertThat(result.at("/diff/firstDivergence").asText()).isEqualTo("1995-01-01");
        JsonNode office = result.at("/diff/dimensions/headquartersOffice/0");
        assertThat(office.get("from").asText()).isEqualTo("2016-05-03");
        assertThat(office.at("/baseline/value").asText()).isEqualTo("AUTHORIZED");
        assertThat(office.at("/scenario/value").asText()).isEqualTo("NONE");
        assertThat(office.at("/causes/0/id").asText()).isEqualTo("headquarters-office-authorized-2016");
        assertThat(office.at("/causes/0/change").asText()).isEqualTo("REJECTED");
        assertThat(result.at("/timeline/mediterraneanDialogue")).hasSize(1);
    }

    @Test
    void runsAScenarioSentAsJson() {
        String json = """
                {"id": "json-veto", "title": "t", "relation": "israel-nato", "rationale": "r",
                 "changes": [{"remove": "turkey-veto-2010"}],
                 "expect": [{"dimension": "exerciseParticipation", "at": "2011-01-01", "value": "ACTIVE"}]}
                """;
        JsonNode result = body(post(json, MediaType.APPLICATION_JSON));
        assertThat(result.get("expectationsMet").asBoolean()).isTrue();
        assertThat(result.at("/changes/0/change").asText()).isEqualTo("REMOVED");
    }

    @Test
    void answersAShippedScenarioStatusInTheShapeOfTheStatusApi() {
        JsonNode status = get("/api/scenarios/turkey-never-vetoes/status?at=2011-01-01");
        JsonNode history = get("/api/relations/israel-nato/status?at=2011-01-01");
        assertThat(status.at("/dimensions/exerciseParticipation/value").asText()).isEqualTo("ACTIVE");
        assertThat(fieldNames(status.get("dimensions"))).isEqualTo(fieldNames(history.get("dimensions")));
        assertThat(status.at("/dimensions/majorNonNatoAlly")).isEqualTo(history.at("/dimensions/majorNonNatoAlly"));
        assertThat(get("/api/scenarios/veto-never-lifted/diff").get("firstDivergence").asText()).isEqualTo("2016-06-01");
    }

    @Test
    void badScenariosAreAnswered400NamingFileLineAndField() {
        ResponseEntity<String> response = post("id: x\ntitle: t\nrelation: israel-nato\nrationale: r\nchanges:\n  - remove: no-such-fact\n",
                MediaType.parseMediaType("application/yaml"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = body(response);
        assertThat(problem.get("file").asText()).isEqualTo("request body");
        assertThat(problem.get("line").asInt()).isEqualTo(6);
        assertThat(problem.get("field").asText()).isEqualTo("changes[0]");
        assertThat(problem.get("detail").asText()).contains("no fact 'no-such-fact'");

        JsonNode malformed = body(post("id: [x\n", MediaType.parseMediaType("application/yaml")));
        assertThat(malformed.get("status").asInt()).isEqualTo(400);
        assertThat(malformed.get("detail").asText()).contains("not valid YAML");

        JsonNode unknownRelation = body(post("id: x\ntitle: t\nrelation: israel-eu\nrationale: r\nchanges:\n  - remove: a\n",
                MediaType.parseMediaType("application/yaml")));
        assertThat(unknownRelation.get("field").asText()).isEqualTo("relation");
    }

    @Test
    void samplesAMonteCarloScenario() throws Exception {
        String yaml = Files.readString(Path.of("scenarios/montecarlo/turkey-veto-uncertain.yaml")).replace("samples: 10000", "samples: 2000");
        ResponseEntity<String> response = http.exchange(RequestEntity.post("/api/scenarios/sample")
                .contentType(MediaType.parseMediaType("application/yaml")).body(yaml), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode vetoed = body(response).at("/distribution/2013-01-01/exerciseParticipation/VETOED");
        assertThat(vetoed.asDouble()).isBetween(0.55, 0.65);
        assertThat(body(post(yaml, MediaType.parseMediaType("application/yaml"))).get("field").asText()).isEqualTo("montecarlo");
        JsonNode tooMany = body(http.exchange(RequestEntity.post("/api/scenarios/sample")
                .contentType(MediaType.parseMediaType("application/yaml")).body(yaml.replace("samples: 2000", "samples: 100000000")), String.class));
        assertThat(tooMany.get("status").asInt()).isEqualTo(422);
        assertThat(tooMany.get("limit").asText()).isEqualTo("entente.scenarios.max-samples");
        assertThat(tooMany.get("field").asText()).isEqualTo("montecarlo.samples");
        assertThat(tooMany.get("detail").asText()).contains("entente.scenarios.max-samples");
    }

    /** A scenario over a configured limit is well-formed but refused: 422, naming the limit, the file, line and field. */
    @Test
    void aScenarioOverALimitIsAnswered422NamingTheLimit() {
        StringBuilder yaml = new StringBuilder("id: big\ntitle: t\nrelation: israel-nato\nrationale: r\nchanges:\n");
        for (int i = 0; i <= 1000; i++) {
            yaml.append("  - remove: fact-").append(i).append('\n');
        }
        ResponseEntity<String> response = post(yaml.toString(), MediaType.parseMediaType("application/yaml"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = body(response);
        assertThat(problem.get("limit").asText()).isEqualTo("entente.scenarios.max-changes");
        assertThat(problem.get("file").asText()).isEqualTo("request body");
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("field").asText()).isEqualTo("changes");
        assertThat(problem.get("detail").asText()).contains("at most 1000 changes, this one makes 1001");
    }

    @Test
    void anUnknownShippedScenarioIsAnswered404() {
        ResponseEntity<String> response = http.getForEntity("/api/scenarios/nope/diff", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body(response).get("scenario").asText()).isEqualTo("nope");
    }

    /** Runs never touch the event store or the projection: counts, last sequence and answers are unchanged. */
    @Test
    void runningScenariosLeavesTheStoreAndTheProjectionAsTheyWere() throws Exception {
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long lastSequence = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        String timeline = get("/api/relations/israel-nato/timeline").toString();
        String status = get("/api/relations/israel-nato/status?at=2011-01-01").toString();
        String events1 = get("/api/relations/israel-nato/events").toString();

        for (Path file : ShippedScenariosTest.scenarioFiles()) {
            assertThat(post(Files.readString(file), MediaType.parseMediaType("application/yaml")).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        for (JsonNode scenario : get("/api/scenarios")) {
            get("/api/scenarios/" + scenario.get("id").asText() + "/result");
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class)).isEqualTo(lastSequence);
        assertThat(get("/api/relations/israel-nato/timeline").toString()).isEqualTo(timeline);
        assertThat(get("/api/relations/israel-nato/status?at=2011-01-01").toString()).isEqualTo(status);
        assertThat(get("/api/relations/israel-nato/events").toString()).isEqualTo(events1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
