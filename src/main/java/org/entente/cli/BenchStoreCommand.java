package org.entente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.EntenteApplication;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFacts;
import org.entente.relation.events.HistoricalFact;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.entente.replay.ProjectionReplay;
import org.entente.status.StatusProjection;
import org.entente.status.StatusRepository;
import org.entente.synthetic.SyntheticHistory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench store}: the store's figures next to the machine's ceiling measured in the same run —
 * recording vs a raw JDBC batch insert of rows of the same shape, projection rebuild vs a raw paged scan with
 * Jackson, status queries vs one indexed lookup, HTTP under concurrent loopback clients, and the heap.
 * It prints figures; the targets are in docs/benchmarks.md.
 */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Recording, rebuild, queries and heap on a synthetic store.")
final class BenchStoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--relations", description = "relations (default ${DEFAULT-VALUE})")
    int relations = 1000;

    @Option(names = "--facts", description = "facts per relation (default ${DEFAULT-VALUE})")
    int facts = 1000;

    @Option(names = "--data-dir", required = true, description = "a new, empty data folder (absolute or ./relative)")
    String dataDir;

    @Option(names = "--http-seconds", description = "duration of the HTTP load (default ${DEFAULT-VALUE})")
    int httpSeconds = 10;

    @Option(names = "--clients", description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
    int clients = 8;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %d cores, java %s, max heap %d MB; %d relations x %d facts%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, relations, facts);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EntenteApplication.class)
                .run("--server.port=0", "--entente.data-dir=" + dataDir, "--entente.history.load-on-start=false")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ObjectMapper json = context.getBean(ObjectMapper.class);
            ProjectionReplay replay = context.getBean(ProjectionReplay.class);
            StatusRepository status = context.getBean(StatusRepository.class);

            // 1. recording (the projection paused, so that only appending is measured), and the ceiling: the same rows inserted raw
            StreamingEventProcessor processor = context.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(StatusProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            long start = System.nanoTime();
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "recording", (long) relations * facts);
            long recorded = 0;
            for (int r = 0; r < relations; r++) {
                String relation = "bench-" + r;
                commands.sendAndWait(new OpenRelation(relation, "Bench " + r, List.of("Israel", "NATO")));
                List<HistoricalFact> history = SyntheticHistory.generate(relation, facts, r);
                commands.sendAndWait(new RecordFacts(relation, history));
                recorded += history.size() + 1;
                bar.update(recorded);
            }
            bar.finish();
            double recording = recorded / seconds(start);
            jdbc.execute("CREATE TABLE bench_raw_insert AS SELECT * FROM domain_event_entry WHERE 1 = 0");
            List<HistoricalFact> sample = SyntheticHistory.generate("raw", facts, 1);
            start = System.nanoTime();
            long raw = 0;
            for (int r = 0; r < relations; r++) {
                List<Object[]> rows = new ArrayList<>(sample.size());
                for (int i = 0; i < sample.size(); i++) {
                    rows.add(new Object[] {UUID.randomUUID().toString(), "raw-" + r, i, "Relation", "2026-01-01T00:00:00Z",
                            sample.get(i).getClass().getName(), json.writeValueAsBytes(sample.get(i)), "{}".getBytes()});
                }
                jdbc.batchUpdate("INSERT INTO bench_raw_insert (global_index, event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload, meta_data) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                raw += rows.size();
            }
            double rawInsert = raw / seconds(start);
            jdbc.execute("DROP TABLE bench_raw_insert");
            row(out, "recording into the H2 file store", recording, "events/s", rawInsert, "raw JDBC batch insert");

            // 2. rebuild from the first event, and the ceiling: a paged raw scan with Jackson
            start = System.nanoTime();
            replay.replay();
            await(replay);
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            double rebuild = events / seconds(start);
            start = System.nanoTime();
            long scanned = 0;
            long after = -1;
            while (true) {
                List<Long> page = new ArrayList<>();
                long from = after;
                jdbc.query("SELECT global_index, payload_type, payload FROM domain_event_entry WHERE global_index > ?"
                        + " ORDER BY global_index LIMIT 10000", rs -> {
                    page.add(rs.getLong(1));
                    String type = rs.getString(2);
                    try {
                        json.readValue(rs.getBytes(3), Class.forName(type));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, from);
                if (page.isEmpty()) {
                    break;
                }
                scanned += page.size();
                after = page.get(page.size() - 1);
            }
            double scan = scanned / seconds(start);
            row(out, "projection rebuild from the H2 file store", rebuild, "events/s", scan, "raw paged JDBC scan + Jackson");

            // 3. status queries in-process, and the ceiling: one indexed lookup
            SplittableRandom random = new SplittableRandom(7);
            long[] query = new long[20_000];
            long[] lookup = new long[20_000];
            for (int warm = 0; warm < 2; warm++) {
                for (int i = 0; i < query.length; i++) {
                    String relation = "bench-" + random.nextInt(relations);
                    LocalDate day = LocalDate.of(1900 + random.nextInt(40), 1 + random.nextInt(12), 1);
                    long t = System.nanoTime();
                    status.statusAt(relation, day);
                    query[i] = System.nanoTime() - t;
                    t = System.nanoTime();
                    jdbc.queryForList("SELECT answer FROM status_segment WHERE relation_id = ? AND dimension = ? AND valid_from <= ?"
                            + " ORDER BY valid_from DESC LIMIT 1", relation, "exerciseParticipation", Date.valueOf(day));
                    lookup[i] = System.nanoTime() - t;
                }
            }
            Arrays.sort(query);
            Arrays.sort(lookup);
            out.printf("status query in-process (10 dimensions, %,d events): p50 %.0f µs, p99 %.0f µs; ceiling, one indexed lookup:"
                    + " p50 %.0f µs, p99 %.0f µs%n", events, p(query, 50), p(query, 99), p(lookup, 50), p(lookup, 99));

            // 4. HTTP status queries under concurrent loopback clients
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            http(out, port);

            // 5. heap
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.printf("heap of the server holding %,d events: peak %d MB (sum of pool peaks), %d MB in use after GC%n",
                    events, peak >> 20, used >> 20);
        }
        return EntenteCli.OK;
    }

    private void http(PrintWriter out, int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + httpSeconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            results.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] latencies = new long[1 << 20];
                int n = 0;
                int errors = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    String uri = "http://127.0.0.1:" + port + "/api/relations/bench-" + random.nextInt(relations) + "/status?at="
                            + LocalDate.of(1900 + random.nextInt(40), 1 + random.nextInt(12), 1);
                    long t = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    latencies[n++] = System.nanoTime() - t;
                    if (response.statusCode() != 200) {
                        errors++;
                    }
                }
                long[] result = Arrays.copyOf(latencies, n + 1);
                result[n] = errors;
                return result;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            errors += r[r.length - 1];
            for (int i = 0; i < r.length - 1; i++) {
                all.add(r[i]);
            }
        }
        pool.shutdown();
        long[] latencies = all.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf("HTTP status queries, %d loopback clients for %d s: %,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%n",
                clients, httpSeconds, latencies.length / (double) httpSeconds, p(latencies, 50) / 1000, p(latencies, 99) / 1000, errors);
    }

    private static void await(ProjectionReplay replay) throws InterruptedException {
        while (!replay.status().caughtUp()) {
            Thread.sleep(20);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The p-th percentile in microseconds. */
    private static double p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e3;
    }

    private static void row(PrintWriter out, String what, double figure, String unit, double ceiling, String ceilingWhat) {
        out.printf("%s: %,.0f %s; ceiling (%s): %,.0f %s; ratio %.2f%n", what, figure, unit, ceilingWhat, ceiling, unit, figure / ceiling);
    }
}
