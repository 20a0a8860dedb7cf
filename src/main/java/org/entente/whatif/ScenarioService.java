package org.entente.whatif;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.entente.relation.facts.FactCatalog;
import org.entente.relation.events.HistoricalFact;
import org.entente.status.StatusRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Runs what-if scenarios against what the store has recorded. The baseline is read from the status
 * projection's copy of the facts (never written), and each run happens in memory, on the engine's own
 * thread, within the configured run time.
 */
@Service
@EnableConfigurationProperties(ScenarioLimits.class)
public class ScenarioService implements DisposableBean {

    /** A shipped scenario and its source text. */
    public record Shipped(Scenario scenario, String source) {
    }

    private final StatusRepository status;
    private final ScenarioLimits limits;
    private final ScenarioEngine engine;
    private final Map<String, Shipped> shipped;
    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
            r -> {
                Thread thread = new Thread(r, "scenario-runner");
                thread.setDaemon(true);
                return thread;
            });

    public ScenarioService(StatusRepository status, ScenarioLimits limits) throws IOException {
        if (limits.maxSamples() < 1) {
            throw new IllegalStateException("entente.scenarios.max-samples must be at least 1");
        }
        this.status = status;
        this.limits = limits;
        this.engine = new ScenarioEngine(limits.maxFacts());
        this.shipped = loadShipped(limits);
    }

    private static Map<String, Shipped> loadShipped(ScenarioLimits limits) throws IOException {
        Map<String, Shipped> shipped = new java.util.TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(limits.location())) {
            String source;
            try (InputStream in = resource.getInputStream()) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Scenario scenario = ScenarioParser.parse(source, "scenarios/" + resource.getFilename(), limits.maxChanges());
            shipped.put(scenario.id(), new Shipped(scenario, source));
        }
        return shipped;
    }

    public List<Scenario> shipped() {
        List<Scenario> list = new ArrayList<>(shipped.values().stream().map(Shipped::scenario).toList());
        list.sort(Comparator.comparing(Scenario::id));
        return list;
    }

    public Optional<Shipped> shipped(String id) {
        return Optional.ofNullable(shipped.get(id));
    }

    /** Parses a scenario sent by a client (YAML or JSON). */
    public Scenario parse(String text) {
        return ScenarioParser.parse(text, "request body", limits.maxChanges());
    }

    public ScenarioRun run(Scenario scenario) {
        if (scenario.sampled()) {
            throw new InvalidScenarioException(scenario.file(), 0, "montecarlo",
                    "this scenario is sampled (it has a montecarlo section): use POST /api/scenarios/sample");
        }
        Baseline baseline = baseline(scenario);
        return withinRunTime(scenario, () -> engine.run(scenario, baseline));
    }

    /** Samples a Monte Carlo scenario (one with a {@code montecarlo} section). */
    public MonteCarlo.Result sample(Scenario scenario) {
        if (!scenario.sampled()) {
            throw new InvalidScenarioException(scenario.file(), 0, "montecarlo",
                    "a montecarlo section (samples, seed, at) is required to sample a scenario");
        }
        if (scenario.sampling().samples() > limits.maxSamples()) {
            throw new ScenarioLimitException(scenario.file(), 0, "montecarlo.samples", "entente.scenarios.max-samples",
                    "at most " + limits.maxSamples() + " samples, asked " + scenario.sampling().samples());
        }
        Baseline baseline = baseline(scenario);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return withinRunTime(scenario, () -> MonteCarlo.run(scenario, baseline, engine, done -> { }, stop::get));
        } finally {
            stop.set(true);
        }
    }

    private <T> T withinRunTime(Scenario scenario, java.util.concurrent.Callable<T> work) {
        Future<T> future = runner.submit(work);
        try {
            return future.get(limits.maxRunTime().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ScenarioLimitException(scenario.file(), 0, "changes", "entente.scenarios.max-run-time",
                    "the run took longer than " + limits.maxRunTime().toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running scenario " + scenario.id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The recorded facts of the scenario's relation, judged once per version of the store. */
    private Baseline baseline(Scenario scenario) {
        String relation = scenario.relation();
        String version = status.factsVersion(relation);
        if (version == null) {
            throw new InvalidScenarioException(scenario.file(), 0, "relation", "no relation '" + relation + "' is recorded");
        }
        Baseline cached = baselines.get(relation + "@" + version);
        if (cached != null) {
            return cached;
        }
        Baseline baseline = Baseline.of(relation, status.history(relation));
        baselines.keySet().removeIf(key -> key.startsWith(relation + "@"));
        baselines.put(relation + "@" + version, baseline);
        return baseline;
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
