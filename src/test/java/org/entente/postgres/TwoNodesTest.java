package org.entente.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.entente.EntenteApplication;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.events.ContextNoted;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.MediterraneanDialogueEstablished;
import org.entente.relation.events.MediterraneanDialogueJoined;
import org.entente.relation.events.Source;
import org.entente.relation.rules.Decision;
import org.entente.status.StatusProjection;
import org.entente.time.ValidDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two application nodes (two Spring contexts with their own web server, token-store owner and Axon
 * processors) on one PostgreSQL database: they share the status processor's 16 segments, each handles the
 * events of its own segments, the survivor takes over the segments of a node that stops, and every fact is
 * handled exactly once and counted once in the projection.
 */
class TwoNodesTest {

    private static final String STATUS = StatusProjection.PROCESSING_GROUP;
    private static final List<Source> SOURCE = List.of(Source.seed("test", "a fact recorded by the two-node test"));

    private String database;
    private JdbcTemplate db;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private CuttableProxy proxy;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void database() {
        String url = PostgresServer.newDatabase("entente_nodes");
        database = url.substring(url.lastIndexOf('/') + 1);
        db = new JdbcTemplate(new DriverManagerDataSource(url, PostgresServer.username(), PostgresServer.password()));
    }

    @AfterEach
    void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    /** A node as it would run in production (profile postgres), with short claim timings to keep the test short. */
    private ConfigurableApplicationContext startNode(String nodeId) {
        return startNode(nodeId, PostgresServer.port(), "2s");
    }

    private ConfigurableApplicationContext startNode(String nodeId, int databasePort, String claimTimeout) {
        return new SpringApplicationBuilder(EntenteApplication.class, HandledFacts.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/" + database,
                        "--spring.datasource.username=" + PostgresServer.username(),
                        "--spring.datasource.password=" + PostgresServer.password(),
                        "--spring.datasource.hikari.maximum-pool-size=5",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--" + TestEditor.USERNAME_PROPERTY,
                        "--" + TestEditor.PASSWORD_HASH_PROPERTY,
                        "--entente.node-id=" + nodeId,
                        "--axon.eventhandling.tokenstore.claim-timeout=" + claimTimeout,
                        "--axon.eventhandling.processors.status.token-claim-interval=200");
    }

    @Test
    void twoNodesShareTheStatusProcessorAndTheSurvivorTakesOver() {
        // Node A alone: it creates the status processor's 16 segments, claims them all and projects the history.
        nodeA = startNode("node-a");
        HandledFacts handledByA = nodeA.getBean(HandledFacts.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> owners().equals(Map.of("node-a", 16L)) && factsProjected() == 33
                && handled(handledByA) >= 33);

        // (a) Node B joins: each node's fair share is 8 segments, A releases 8 and B claims them.
        nodeB = startNode("node-b");
        HandledFacts handledByB = nodeB.getBean(HandledFacts.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> owners().equals(Map.of("node-a", 8L, "node-b", 8L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> claimed(nodeA) == 8 && claimed(nodeB) == 8);

        // One new relation in each of the 16 segments, recorded through both nodes' command gateways.
        Map<String, Integer> segmentOf = relationsInEverySegment();
        Map<String, String> ownerOf = new LinkedHashMap<>();
        segmentOf.forEach((relation, segment) -> ownerOf.put(relation, ownerOfSegment(segment)));
        int i = 0;
        for (String relation : segmentOf.keySet()) {
            CommandGateway commands = gateway(i++ % 2 == 0 ? nodeA : nodeB);
            assertThat((Object) commands.sendAndWait(new OpenRelation(relation, "Test " + relation, List.of("Israel", "NATO"))))
                    .isInstanceOf(Decision.Accepted.class);
            record(commands, new MediterraneanDialogueEstablished(relation, relation + "-dialogue", ValidDate.parse("1994"), SOURCE));
            record(commands, new MediterraneanDialogueJoined(relation, relation + "-joined", ValidDate.parse("1995-02"), SOURCE));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> factsProjected() == 33 + 2 * 16 && handled(handledByA, handledByB) >= 33 + 2 * 16);

        // Each node handled exactly the facts of the relations in its own segments, and both handled some.
        assertThat(extraRelations(handledByA.committed())).containsExactlyInAnyOrderElementsOf(relationsOwnedBy("node-a", ownerOf));
        assertThat(extraRelations(handledByB.committed())).containsExactlyInAnyOrderElementsOf(relationsOwnedBy("node-b", ownerOf));
        assertThat(relationsOwnedBy("node-a", ownerOf)).hasSize(8);
        assertThat(relationsOwnedBy("node-b", ownerOf)).hasSize(8);

        // A replay needs every segment: while B holds half of them, A refuses it and nothing changes.
        ResponseEntity<String> refused = replay(nodeA);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.getBody()).contains("another node holds some of its segments").doesNotContain("Exception");
        await().atMost(Duration.ofSeconds(30)).until(() -> owners().equals(Map.of("node-a", 8L, "node-b", 8L)) && claimed(nodeA) == 8);
        assertThat(factsProjected()).isEqualTo(33 + 2 * 16);

        // (b) Node A stops: it releases its claims and leaves; B's share becomes all 16 segments.
        nodeA.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> owners().equals(Map.of("node-b", 16L)) && claimed(nodeB) == 16);
        CommandGateway commands = gateway(nodeB);
        for (String relation : segmentOf.keySet()) {
            record(commands, new ContextNoted(relation, relation + "-context", ValidDate.parse("2001-09-11"), SOURCE, "after A stopped"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> factsProjected() == 33 + 3 * 16 && handled(handledByA, handledByB) >= 33 + 3 * 16);
        assertThat(handledByB.committed()).containsAll(segmentOf.keySet().stream().map(r -> r + "/" + r + "-context").toList());
        assertThat(handledByA.committed()).noneMatch(fact -> fact.endsWith("-context"));

        // (c) Exactly once: every stored fact was handled and committed once, on one node or the other, and counted once.
        List<String> handled = new ArrayList<>(handledByA.committed());
        handled.addAll(handledByB.committed());
        Map<String, Long> times = handled.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(times.values()).allMatch(n -> n == 1);
        long storedFacts = db.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type NOT LIKE '%RelationOpened'", Long.class);
        assertThat(storedFacts).isEqualTo(33 + 3 * 16);
        assertThat(times).hasSize((int) storedFacts);
        assertThat(factsProjected()).isEqualTo(storedFacts);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM relation_view", Long.class)).isEqualTo(17);

        // ...and the answers built by the two nodes are those of a rebuild by one node alone.
        TestRestTemplate http = http(nodeB);
        List<String> sharedAnswers = answers(http, segmentOf.keySet());
        assertThat(get(http, "/api/relations/israel-nato/status?at=2011-01-01").at("/dimensions/exerciseParticipation/value").asText())
                .isEqualTo("VETOED");
        assertThat(get(http, "/api/relations/" + segmentOf.keySet().iterator().next() + "/status?at=1996-01-01")
                .at("/dimensions/mediterraneanDialogue/value").asText()).isEqualTo("PARTNER");
        ResponseEntity<String> replay = replay(nodeB);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(http, "/api/admin/projections/status").get("caughtUp").asBoolean()
                && factsProjected() == storedFacts
                && db.queryForObject("SELECT COUNT(*) FROM relation_view", Long.class) == 17);
        assertThat(answers(http, segmentOf.keySet())).isEqualTo(sharedAnswers);
    }

    @Test
    void aNodeThatFallsSilentIsTakenOverAfterTheClaimTimeout() throws Exception {
        proxy = new CuttableProxy(PostgresServer.port());
        // A longer claim timeout here (claims refreshed every 2.5 s), so that A's claims visibly outlive it.
        nodeA = startNode("node-a", proxy.port(), "5s");
        HandledFacts handledByA = nodeA.getBean(HandledFacts.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> owners().equals(Map.of("node-a", 16L)) && factsProjected() == 33
                && handled(handledByA) >= 33);
        nodeB = startNode("node-b", PostgresServer.port(), "5s");
        HandledFacts handledByB = nodeB.getBean(HandledFacts.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> owners().equals(Map.of("node-a", 8L, "node-b", 8L)));
        Map<String, Integer> segmentOf = relationsInEverySegment();
        CommandGateway commands = gateway(nodeB);
        for (String relation : segmentOf.keySet()) {
            commands.sendAndWait(new OpenRelation(relation, "Test " + relation, List.of("Israel", "NATO")));
            record(commands, new MediterraneanDialogueEstablished(relation, relation + "-dialogue", ValidDate.parse("1994"), SOURCE));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> factsProjected() == 33 + 16 && handled(handledByA, handledByB) >= 33 + 16);

        // Node A loses the database as if it had crashed: no release, no goodbye. Its claims stay for now...
        proxy.cut();
        assertThat(owners()).containsEntry("node-a", 8L);
        // ...until they are older than the claim timeout (5 s); then B no longer counts A as live and takes them.
        await().atMost(Duration.ofSeconds(60)).until(() -> owners().equals(Map.of("node-b", 16L)) && claimed(nodeB) == 16);
        assertThat(db.queryForList("SELECT node_id FROM processor_node", String.class)).contains("node-b");

        for (String relation : segmentOf.keySet()) {
            record(commands, new MediterraneanDialogueJoined(relation, relation + "-joined", ValidDate.parse("1995-02"), SOURCE));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> factsProjected() == 33 + 2 * 16 && handled(handledByA, handledByB) >= 33 + 2 * 16);
        assertThat(handledByB.committed()).containsAll(segmentOf.keySet().stream().map(r -> r + "/" + r + "-joined").toList());
        assertThat(handledByA.committed()).noneMatch(fact -> fact.endsWith("-joined"));
        List<String> handled = new ArrayList<>(handledByA.committed());
        handled.addAll(handledByB.committed());
        assertThat(handled).doesNotHaveDuplicates().hasSize(33 + 2 * 16);
        assertThat(get(http(nodeB), "/api/relations/" + segmentOf.keySet().iterator().next() + "/status?at=1996-01-01")
                .at("/dimensions/mediterraneanDialogue/value").asText()).isEqualTo("PARTNER");
    }

    // --- the nodes ------------------------------------------------------------------------------------------

    private static CommandGateway gateway(ConfigurableApplicationContext node) {
        return node.getBean(CommandGateway.class);
    }

    private static void record(CommandGateway commands, HistoricalFact fact) {
        assertThat((Object) commands.sendAndWait(new RecordFact(fact))).isInstanceOf(Decision.Accepted.class);
    }

    private static int claimed(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class).eventProcessor(STATUS, StreamingEventProcessor.class)
                .orElseThrow().processingStatus().size();
    }

    /** POST /api/admin/projections/status/replay on the node, as an editor. */
    private static ResponseEntity<String> replay(ConfigurableApplicationContext node) {
        return http(node).withBasicAuth(TestEditor.USERNAME, TestEditor.PASSWORD)
                .postForEntity("/api/admin/projections/status/replay", null, String.class);
    }

    private static TestRestTemplate http(ConfigurableApplicationContext node) {
        String port = node.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    private JsonNode get(TestRestTemplate http, String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("GET %s: %s", path, response.getBody()).isTrue();
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** The relations, each one's timeline, and Israel–NATO's status at the start of every year. */
    private List<String> answers(TestRestTemplate http, Iterable<String> relations) {
        List<String> answers = new ArrayList<>();
        answers.add(get(http, "/api/relations").toString());
        answers.add(get(http, "/api/relations/israel-nato/timeline").toString());
        for (String relation : relations) {
            answers.add(get(http, "/api/relations/" + relation + "/timeline").toString());
        }
        for (int year = 1950; year <= 2025; year++) {
            answers.add(get(http, "/api/relations/israel-nato/status?at=" + year + "-01-01").toString());
        }
        return answers;
    }

    // --- the database ---------------------------------------------------------------------------------------

    /** Claimed segments of the status processor per owner, as token_entry says. */
    private Map<String, Long> owners() {
        Map<String, Long> owners = new LinkedHashMap<>();
        db.query("SELECT owner, COUNT(*) FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL GROUP BY owner",
                rs -> {
                    owners.put(rs.getString(1), rs.getLong(2));
                }, STATUS);
        return owners;
    }

    private String ownerOfSegment(int segment) {
        return db.queryForObject("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = ?", String.class, STATUS, segment);
    }

    /** The facts the projection's answers rest on, per relation as its last rebuild read them from the store. */
    private long factsProjected() {
        return db.queryForObject("SELECT COALESCE(SUM(fact_count), 0) FROM relation_view", Long.class);
    }

    /** Facts whose handling has committed on these nodes (a rebuild may read a fact before its own handling commits). */
    private static long handled(HandledFacts... nodes) {
        return Arrays.stream(nodes).mapToLong(node -> node.committed().size()).sum();
    }

    /**
     * A relation id for each segment of the status processor. Events are spread over segments by aggregate id
     * (Axon's default sequencing policy), so each of these relations' events belong to a different segment.
     */
    private Map<String, Integer> relationsInEverySegment() {
        int[] ids = db.queryForList("SELECT segment FROM token_entry WHERE processor_name = ? ORDER BY segment", Integer.class, STATUS)
                .stream().mapToInt(Integer::intValue).toArray();
        assertThat(ids).hasSize(16);
        List<Segment> segments = Arrays.stream(ids).mapToObj(id -> Segment.computeSegment(id, ids)).toList();
        Map<Integer, String> relationOf = new LinkedHashMap<>();
        for (int n = 0; relationOf.size() < segments.size(); n++) {
            String relation = "extra-" + n;
            segments.stream().filter(s -> s.matches(relation)).findFirst()
                    .ifPresent(s -> relationOf.putIfAbsent(s.getSegmentId(), relation));
        }
        Map<String, Integer> segmentOf = new LinkedHashMap<>();
        relationOf.forEach((segment, relation) -> segmentOf.put(relation, segment));
        return segmentOf;
    }

    private static List<String> extraRelations(List<String> handled) {
        return handled.stream().filter(key -> key.startsWith("extra-")).map(key -> key.substring(0, key.indexOf('/'))).distinct().toList();
    }

    private static List<String> relationsOwnedBy(String node, Map<String, String> ownerOf) {
        return ownerOf.entrySet().stream().filter(e -> node.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
