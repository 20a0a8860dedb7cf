package org.entente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.sql.Date;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--data-dir", description = "a new, empty data folder for the H2 file store (absolute or ./relative)")
    String dataDir;

    @Option(names = "--postgres-url", description = "instead of H2: an empty PostgreSQL database (jdbc:postgresql://host:port/db),"
            + " run with the postgres profile")
    String postgresUrl;

    @Option(names = "--postgres-user", description = "its user (default ${DEFAULT-VALUE})")
    String postgresUser = "postgres";

    @Option(names = "--postgres-password", description = "its password (default: the environment variable ENTENTE_BENCH_PASSWORD)")
    String postgresPassword = System.getenv("ENTENTE_BENCH_PASSWORD");

    @Option(names = "--http-seconds", description = "duration of the HTTP load (default ${DEFAULT-VALUE})")
    int httpSeconds = 10;

    @Option(names = "--http-warmup", description = "seconds of HTTP load before the measured load, for the JIT compiler and the"
            + " database cache to settle (default ${DEFAULT-VALUE})")
    int httpWarmup = 60;

    @Option(names = "--clients", description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
    int clients = 8;

    private String store;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %d cores, java %s, max heap %d MB; %d relations x %d facts%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, relations, facts);
        if ((dataDir == null) == (postgresUrl == null)) {
            throw new ParameterException(spec.commandLine(), "give either --data-dir (H2) or --postgres-url (PostgreSQL)");
        }
        store = postgresUrl == null ? "H2 file store" : "PostgreSQL store";
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--entente.history.load-on-start=false"));
        if (postgresUrl == null) {
            arguments.add("--entente.data-dir=" + dataDir);
        } else {
            arguments.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + postgresUrl,
                    "--spring.datasource.username=" + postgresUser, "--spring.datasource.password=" + postgresPassword));
        }
        AtomicLong peakHeap = new AtomicLong();
        ScheduledExecutorService heapSampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        heapSampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EntenteApplication.class)
                .run(arguments.toArray(String[]::new))) {
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
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "recording", (long) relations * (facts + 1));
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
            // the ceiling, twice: into a table defined as domain_event_entry is (its keys and unique constraints, which
            // the store needs), and into one without them; each relation's rows in one transaction, as one command's are
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            List<HistoricalFact> sample = SyntheticHistory.generate("raw", facts, 1);
            double rawInsert = rawInsert(jdbc, json, transaction, sample, """
                    CREATE TABLE bench_raw_insert (
                        global_index BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        event_identifier VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL, type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL,
                        payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255), payload %1$s NOT NULL,
                        meta_data %1$s, UNIQUE (aggregate_identifier, sequence_number))""".formatted(
                            postgresUrl == null ? "VARBINARY(1000000)" : "BYTEA"));
            double rawInsertBare = rawInsert(jdbc, json, transaction, sample,
                    "CREATE TABLE bench_raw_insert AS SELECT * FROM domain_event_entry WHERE 1 = 0");
            out.printf("recording into the %s: %,.0f events/s; ceiling (raw JDBC batch insert into a table defined as"
                            + " domain_event_entry): %,.0f events/s; ratio %.2f (into a table without its keys and constraints:"
                            + " %,.0f events/s; ratio %.2f)%n", store, recording, rawInsert, recording / rawInsert, rawInsertBare,
                    recording / rawInsertBare);

            // 2. rebuild from the first event, twice: the first on code the JIT compiler has not compiled yet (as on a
            // freshly started server), the second as a server that has run a while; and the ceiling, a paged raw scan
            // with Jackson, also twice, the faster one counting
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            double[] rebuilds = new double[2];
            for (int i = 0; i < rebuilds.length; i++) {
                start = System.nanoTime();
                replay.replay();
                await(replay);
                rebuilds[i] = events / seconds(start);
            }
            double scan = Math.max(scan(jdbc, json), scan(jdbc, json));
            out.printf("projection rebuild from the %s: %,.0f events/s (the first, cold: %,.0f events/s); ceiling (raw paged JDBC"
                            + " scan + Jackson, the faster of two): %,.0f events/s; ratio %.2f (cold: %.2f)%n", store, rebuilds[1], rebuilds[0],
                    scan, rebuilds[1] / scan, rebuilds[0] / scan);

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
                            + " ORDER BY relation_id, dimension, valid_from DESC LIMIT 1", relation, "exerciseParticipation", Date.valueOf(day));
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

            // 5. heap: the most the whole run ever had in use (garbage included), sampled, and what stays live
            heapSampler.shutdownNow();
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.printf("heap of the server holding %,d events: at most %d MB in use (sampled every 20 ms, garbage included) under"
                            + " a maximum heap of %d MB; %d MB in use after a full GC%n", events, peakHeap.get() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, used >> 20);
        }
        return EntenteCli.OK;
    }

    /** Every stored event read with a paged raw JDBC scan and deserialised with Jackson; rows per second. */
    private static double scan(JdbcTemplate jdbc, ObjectMapper json) {
        long start = System.nanoTime();
        long scanned = 0;
        long after = -1;
        while (true) {
            List<Long> page = new ArrayList<>();
            jdbc.query("SELECT global_index, payload_type, payload FROM domain_event_entry WHERE global_index > ?"
                    + " ORDER BY global_index LIMIT 10000", rs -> {
                page.add(rs.getLong(1));
                try {
                    json.readValue(rs.getBytes(3), Class.forName(rs.getString(2)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, after);
            if (page.isEmpty()) {
                return scanned / seconds(start);
            }
            scanned += page.size();
            after = page.get(page.size() - 1);
        }
    }

    /** Rows of the same shape as a recording's, inserted raw into a new table made by {@code ddl}, then dropped. */
    private double rawInsert(JdbcTemplate jdbc, ObjectMapper json, TransactionTemplate transaction, List<HistoricalFact> sample,
                             String ddl) throws Exception {
        jdbc.execute(ddl);
        try {
            long start = System.nanoTime();
            long raw = 0;
            for (int r = 0; r < relations; r++) {
                List<Object[]> rows = new ArrayList<>(sample.size());
                for (int i = 0; i < sample.size(); i++) {
                    rows.add(new Object[] {UUID.randomUUID().toString(), "raw-" + r, i, "Relation", "2026-01-01T00:00:00Z",
                            sample.get(i).getClass().getName(), json.writeValueAsBytes(sample.get(i)), "{}".getBytes()});
                }
                transaction.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO bench_raw_insert (event_identifier,"
                        + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows));
                raw += rows.size();
            }
            return raw / seconds(start);
        } finally {
            jdbc.execute("DROP TABLE bench_raw_insert");
        }
    }

    private void http(PrintWriter out, int port) throws Exception {
        load(port, httpWarmup, 1_000);
        long[][] results = load(port, httpSeconds, 0);
        long errors = 0;
        int count = 0;
        for (long[] r : results) {
            errors += r[r.length - 1];
            count += r.length - 1;
        }
        long[] latencies = new long[count];
        int at = 0;
        for (long[] r : results) {
            System.arraycopy(r, 0, latencies, at, r.length - 1);
            at += r.length - 1;
        }
        Arrays.sort(latencies);
        out.printf("HTTP status queries, %d loopback clients (kept-alive HTTP/1.1) for %d s after %d s of warm-up: %,.0f req/s,"
                        + " p50 %.2f ms, p99 %.2f ms, %d errors%n", clients, httpSeconds, httpWarmup, latencies.length / (double) httpSeconds,
                p(latencies, 50) / 1000, p(latencies, 99) / 1000, errors);
    }

    /** {@code clients} threads GET random relations' status for {@code seconds}; per client its latencies, then its error count. */
    private long[][] load(int port, int seconds, int seedOffset) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = seedOffset + c;
            results.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] latencies = new long[1 << 16];
                int n = 0;
                int errors = 0;
                try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
                    while (System.nanoTime() < end) {
                        String path = "/api/relations/bench-" + random.nextInt(relations) + "/status?at="
                                + LocalDate.of(1900 + random.nextInt(40), 1 + random.nextInt(12), 1);
                        long t = System.nanoTime();
                        int status;
                        try {
                            status = client.get(path);
                        } catch (IOException e) {
                            status = -1;
                            client.close();
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t;
                        if (status != 200) {
                            errors++;
                        }
                    }
                }
                long[] result = Arrays.copyOf(latencies, n + 1);
                result[n] = errors;
                return result;
            }));
        }
        long[][] all = new long[clients][];
        for (int c = 0; c < clients; c++) {
            all[c] = results.get(c).get();
        }
        pool.shutdown();
        return all;
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
}
