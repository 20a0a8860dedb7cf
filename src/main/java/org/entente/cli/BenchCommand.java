package org.entente.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.history.HistoryFile;
import org.entente.json.Json;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.VetoCast;
import org.entente.relation.rules.RelationState;
import org.entente.relation.rules.Timeline;
import org.entente.synthetic.SyntheticHistory;
import org.entente.whatif.Baseline;
import org.entente.whatif.Change;
import org.entente.whatif.MonteCarlo;
import org.entente.whatif.Scenario;
import org.entente.whatif.ScenarioEngine;
import org.entente.whatif.ScenarioParser;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench whatif}: the what-if engine's figures on this machine. It prints, it does not judge: the
 * targets are in docs/benchmarks.md.
 */
@Command(name = "bench", description = "Benchmarks that print figures.", mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.WhatIf.class, BenchStoreCommand.class})
final class BenchCommand {

    @Command(name = "whatif", mixinStandardHelpOptions = true,
            description = "Scenario replay throughput on a synthetic timeline, and scenario latency over the real history.")
    static final class WhatIf implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--facts", description = "facts in the synthetic timeline (default ${DEFAULT-VALUE})")
        int facts = 1_000_000;

        @Option(names = "--runs", description = "measured runs of the synthetic scenario (default ${DEFAULT-VALUE})")
        int runs = 10;

        @Option(names = "--latency-runs", description = "measured runs over the real history (default ${DEFAULT-VALUE})")
        int latencyRuns = 20_000;

        @Option(names = "--warmup", description = "unmeasured runs of the synthetic scenario first (default ${DEFAULT-VALUE})")
        int warmup = 10;

        @Option(names = "--seed", description = "seed of the synthetic timeline (default ${DEFAULT-VALUE})")
        long seed = 42;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ScenarioEngine engine = new ScenarioEngine(Integer.MAX_VALUE);
            out.printf("machine: %d cores, java %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);

            List<Scenario> shipped = shipped();
            Baseline history = history();
            for (int i = 0; i < 5_000; i++) {
                engine.run(shipped.get(i % shipped.size()), history);
            }
            long[] latencies = new long[latencyRuns];
            for (int i = 0; i < latencyRuns; i++) {
                long start = System.nanoTime();
                engine.run(shipped.get(i % shipped.size()), history);
                latencies[i] = System.nanoTime() - start;
            }
            Arrays.sort(latencies);
            out.printf("real history (%d facts), %d shipped scenarios in turn, diff included, warm: median %.1f µs, p99 %.1f µs%n",
                    history.facts().size(), shipped.size(), latencies[latencyRuns / 2] / 1e3, latencies[latencyRuns * 99 / 100] / 1e3);
            Scenario montecarlo;
            try (InputStream in = BenchCommand.class.getResourceAsStream("/scenarios/montecarlo/turkey-veto-uncertain.yaml")) {
                montecarlo = ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "turkey-veto-uncertain.yaml", 1000);
            }
            long coldStart = System.nanoTime();
            MonteCarlo.Result sampled = MonteCarlo.run(montecarlo, history, engine, d -> { }, () -> false);
            double cold = (System.nanoTime() - coldStart) / 1e9;
            for (int i = 0; i < 4; i++) {
                MonteCarlo.run(montecarlo, history, engine, d -> { }, () -> false);
            }
            long[] mcTimes = new long[5];
            for (int i = 0; i < mcTimes.length; i++) {
                long start = System.nanoTime();
                sampled = MonteCarlo.run(montecarlo, history, engine, d -> { }, () -> false);
                mcTimes[i] = System.nanoTime() - start;
            }
            Arrays.sort(mcTimes);
            double mcSeconds = mcTimes[mcTimes.length / 2] / 1e9;
            List<HistoricalFact> ordered = Timeline.inValidOrder(history.facts());
            RelationState folded = null;
            long[] foldTimes = new long[5];
            for (int run = 0; run < 5 + foldTimes.length; run++) {
                long start = System.nanoTime();
                for (int i = 0; i < sampled.samples(); i++) {
                    RelationState s = RelationState.EMPTY;
                    for (HistoricalFact fact : ordered) {
                        s = s.evolve(fact);
                    }
                    folded = s;
                }
                if (run >= 5) {
                    foldTimes[run - 5] = System.nanoTime() - start;
                }
            }
            Arrays.sort(foldTimes);
            double foldSeconds = foldTimes[foldTimes.length / 2] / 1e9;
            out.printf("Monte Carlo, real history, %,d samples (%s): first run %,.0f samples/s; warm, median of %d: %,.0f samples/s;"
                            + " ceiling, a bare evolve fold of the history per sample on one thread: %,.0f folds/s (%s); ratio %.2f%n",
                    sampled.samples(), montecarlo.id(), sampled.samples() / cold, mcTimes.length, sampled.samples() / mcSeconds,
                    sampled.samples() / foldSeconds, folded != null ? "ok" : "?", foldSeconds / mcSeconds);

            List<HistoricalFact> synthetic = SyntheticHistory.generate("synthetic", facts, seed);
            Baseline baseline = Baseline.of("synthetic", synthetic);
            String firstVeto = synthetic.stream().filter(f -> f instanceof VetoCast).findFirst().orElseThrow().factId();
            Scenario scenario = new Scenario("bench", "bench", "remove the first veto", "synthetic", "benchmark",
                    List.of(new Change.Remove(firstVeto, 0, "changes[0]")), List.of());
            // until the heap has grown to its working size, runs pay for the JVM touching fresh memory
            for (int i = 0; i < warmup; i++) {
                engine.run(scenario, baseline);
            }
            long gcBefore = gcMillis();
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                engine.run(scenario, baseline);
                times[i] = System.nanoTime() - start;
            }
            long gc = gcMillis() - gcBefore;
            Arrays.sort(times);
            double median = times[runs / 2] / 1e9;
            out.printf("synthetic scenario over %,d facts (apply + replay through the rules + diff), %d runs after %d warm-up:"
                            + " median %.3f s = %,.0f facts/s (fastest %.3f s, slowest %.3f s; %d ms in GC)%n",
                    facts, runs, warmup, median, facts / median, times[0] / 1e9, times[runs - 1] / 1e9, gc);

            long[] folds = new long[runs];
            RelationState state = RelationState.EMPTY;
            for (int i = 0; i < runs; i++) {
                long foldStart = System.nanoTime();
                state = RelationState.EMPTY;
                for (HistoricalFact fact : Timeline.inValidOrder(synthetic)) {
                    state = state.evolve(fact);
                }
                folds[i] = System.nanoTime() - foldStart;
            }
            Arrays.sort(folds);
            double fold = folds[runs / 2] / 1e9;
            out.printf("ceiling, bare evolve fold without rules or status (sort included), median of %d: %,.0f facts/s (state %s); ratio %.2f%n",
                    runs, facts / fold, state.partner() != null ? "ok" : "?", fold / median);

            return EntenteCli.OK;
        }

        private static long gcMillis() {
            long total = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, gc.getCollectionTime());
            }
            return total;
        }

        private static Baseline history() throws Exception {
            try (InputStream in = BenchCommand.class.getResourceAsStream("/history.yaml")) {
                HistoryFile.RelationHistory relation = HistoryFile.read(in, "history.yaml").relations().get(0);
                return Baseline.of(relation.id(), relation.facts());
            }
        }

        private static List<Scenario> shipped() throws Exception {
            List<Scenario> scenarios = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.yaml")) {
                try (InputStream in = r.getInputStream()) {
                    scenarios.add(ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.getFilename(), 1000));
                }
            }
            return scenarios;
        }
    }
}
