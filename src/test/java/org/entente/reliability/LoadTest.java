package org.entente.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bounded load on loopback: {@value #CLIENTS} clients for {@value #SECONDS} s (each at most
 * {@value #MAX_REQUESTS_PER_CLIENT} requests), each choosing from an explicit seed among status queries, timeline
 * queries, what-if scenario runs and recordings by an editor. No answer may be an error, and every acknowledged
 * recording must be stored exactly once and reach the projection. The latencies are printed (p50, p99 per kind),
 * never asserted.
 */
class LoadTest extends ApplicationTest {

    static final int CLIENTS = 12;
    static final int SECONDS = 10;
    static final int MAX_REQUESTS_PER_CLIENT = 5_000;
    static final long SEED = 20261122L;
    private static final String RELATION = "load-test";

    enum Kind { STATUS, TIMELINE, SCENARIO, RECORDING }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger nextFact = new AtomicInteger();

    @Test
    void manyClientsAtOnceGetNoErrorsAndLoseNoWrite() throws Exception {
        for (Kind kind : Kind.values()) {
            latencies.put(kind, Collections.synchronizedList(new ArrayList<>()));
        }
        List<String> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                scenarios.add(Files.readString(file));
            }
        }
        HttpClient setup = HttpClient.newHttpClient();
        HttpResponse<String> opened = setup.send(post("/api/relations", "application/json", "{\"id\": \"" + RELATION
                + "\", \"title\": \"Load\", \"parties\": [\"Israel\", \"NATO\"], \"reason\": \"load test\"}", true), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/relations/" + RELATION, String.class)
                .getStatusCode().is2xxSuccessful());

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(SEED + c);
            done.add(clients.submit(() -> client(random, scenarios, deadline)));
        }
        int requests = 0;
        for (Future<Integer> client : done) {
            requests += client.get(SECONDS + 120, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        clients.shutdown();

        System.out.printf("load: %d clients for %.1f s on %d cores, %d requests (%.0f/s), seed %d%n", CLIENTS, elapsed,
                Runtime.getRuntime().availableProcessors(), requests, requests / elapsed, SEED);
        for (Kind kind : Kind.values()) {
            List<Long> sorted = new ArrayList<>(latencies.get(kind));
            Collections.sort(sorted);
            System.out.printf("load: %-9s n=%5d  p50=%7.1f ms  p99=%7.1f ms  max=%7.1f ms%n", kind.name().toLowerCase(), sorted.size(),
                    percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        }

        assertThat(errors).as("errors under load").isEmpty();
        for (Kind kind : Kind.values()) {
            assertThat(latencies.get(kind)).as("requests of kind %s", kind).isNotEmpty();
        }
        // No lost write: every acknowledged recording is stored, once, and is in the projection.
        List<String> stored = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", byte[].class,
                RELATION).stream().map(payload -> factId(payload)).filter(id -> id != null).toList();
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(http.getForEntity("/api/relations/" + RELATION, String.class)
                .getBody()).at("/relation/facts").asInt() == acknowledged.size());
    }

    private String factId(byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            return node.hasNonNull("factId") ? node.get("factId").asText() : null;
        } catch (Exception e) {
            throw new AssertionError("unreadable payload", e);
        }
    }

    /** One client: its own connection, its own seeded choices, until the deadline or its request bound. */
    private int client(Random random, List<String> scenarios, long deadline) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int sent = 0;
        while (System.nanoTime() < deadline && sent < MAX_REQUESTS_PER_CLIENT) {
            int dice = random.nextInt(100);
            Kind kind = dice < 55 ? Kind.STATUS : dice < 65 ? Kind.TIMELINE : dice < 85 ? Kind.SCENARIO : Kind.RECORDING;
            HttpRequest request;
            String factId = null;
            int expected = 200;
            switch (kind) {
                case STATUS -> request = getRequest("/api/relations/israel-nato/status?at=" + LocalDate.of(1950, 1, 1).plusDays(random.nextInt(27_000)));
                case TIMELINE -> request = getRequest("/api/relations/israel-nato/timeline");
                case SCENARIO -> request = post("/api/scenarios/run", "application/yaml", scenarios.get(random.nextInt(scenarios.size())), false);
                default -> {
                    int n = nextFact.getAndIncrement();
                    factId = "load-" + n;
                    expected = 201;
                    request = post("/api/relations/" + RELATION + "/facts", "application/json", "{\"id\": \"" + factId
                            + "\", \"type\": \"ContextNoted\", \"date\": \"" + LocalDate.of(1900, 1, 1).plusDays(n) + "\", \"summary\": \"load\","
                            + " \"sources\": [{\"url\": \"https://example.org/load\", \"quote\": \"load\"}], \"reason\": \"load test\"}", true);
                }
            }
            long began = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.get(kind).add(System.nanoTime() - began);
            sent++;
            if (response.statusCode() != expected) {
                errors.add(kind + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
            } else if (factId != null) {
                acknowledged.add(factId);
            }
        }
        return sent;
    }

    private HttpRequest getRequest(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private HttpRequest post(String path, String type, String body, boolean asEditor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (asEditor) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((EDITOR + ":" + EDITOR_PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
