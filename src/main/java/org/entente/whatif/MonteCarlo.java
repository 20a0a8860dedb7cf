package org.entente.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.facts.FactCatalog;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.DimensionAnswer;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.Rejection;
import org.entente.relation.rules.Timeline;

/**
 * Samples a scenario's uncertain changes many times and replays each sampled timeline through the rules,
 * giving, per day and dimension, how often each value comes out. Sample {@code i} draws from its own random
 * stream derived from the seed and {@code i}, so the result depends only on the scenario and the seed, not
 * on how many threads run it. An uncertain answer (a date inside an imprecise fact's window) counts as
 * {@code UNCERTAIN}.
 *
 * <p>Each fact may be touched by one change only in a sampled scenario. Every alternative fact is built once,
 * before sampling, so a sample costs one replay of the timeline.
 */
public final class MonteCarlo {

    public static final String UNCERTAIN = "UNCERTAIN";
    private static final int CHUNK = 256;

    /**
     * @param distribution day → dimension → value → share of the samples
     * @param rejected     fact id → share of the samples in which the rules rejected it
     */
    public record Result(String scenario, String relation, int samples, long seed,
                         Map<LocalDate, Map<String, Map<String, Double>>> distribution, Map<String, Double> rejected) {
    }

    /** One change, ready to apply: the slot it acts on and the facts it may put there (none: remove). */
    private record Outcome(int slot, List<HistoricalFact> alternatives, double probability) {
    }

    private MonteCarlo() {
    }

    public static Result run(Scenario scenario, Baseline baseline, ScenarioEngine engine, IntConsumer progress,
                             BooleanSupplier cancelled) {
        Sampling sampling = scenario.sampling();
        // the same checks as a plain run: unknown facts, wrong parameters, contradictions, limits
        engine.run(new Scenario(scenario.file(), scenario.id(), scenario.title(), scenario.relation(), scenario.rationale(),
                scenario.changes(), List.of()), baseline);
        List<HistoricalFact> base = baseline.facts();
        List<Outcome> outcomes = outcomes(scenario, base);
        int slots = base.size() + (int) scenario.changes().stream().filter(c -> c instanceof Change.Add).count();
        List<LocalDate> days = sampling.at();
        Dimension[] dimensions = Dimension.values();
        // the plain run above refused any added id that exists, so ids stay distinct when history's are
        boolean distinct = baseline.distinctIds();

        AtomicInteger done = new AtomicInteger();
        int chunks = (sampling.samples() + CHUNK - 1) / CHUNK;
        Tally total = IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("sampling cancelled");
            }
            Tally tally = new Tally(days.size(), dimensions.length);
            int end = Math.min(sampling.samples(), (chunk + 1) * CHUNK);
            for (int sample = chunk * CHUNK; sample < end; sample++) {
                SplittableRandom random = new SplittableRandom(sampling.seed() * 0x9E3779B97F4A7C15L + sample);
                HistoricalFact[] timeline = new HistoricalFact[slots];
                for (int i = 0; i < base.size(); i++) {
                    timeline[i] = base.get(i);
                }
                for (Outcome outcome : outcomes) {
                    double draw = random.nextDouble();
                    int pick = outcome.alternatives().size() > 1 ? random.nextInt(outcome.alternatives().size()) : 0;
                    if (draw < outcome.probability()) {
                        timeline[outcome.slot()] = outcome.alternatives().isEmpty() ? null : outcome.alternatives().get(pick);
                    }
                }
                List<HistoricalFact> facts = new ArrayList<>(slots);
                for (HistoricalFact fact : timeline) {
                    if (fact != null) {
                        facts.add(fact);
                    }
                }
                tally.add(distinct ? Timeline.judgeDistinct(facts, baseline.contested()) : Timeline.judge(facts, baseline.contested()),
                        days, dimensions);
            }
            progress.accept(done.addAndGet(end - chunk * CHUNK));
            return tally;
        }).reduce(Tally::merge).orElseGet(() -> new Tally(days.size(), dimensions.length));
        return total.result(scenario, sampling, days, dimensions);
    }

    private static List<Outcome> outcomes(Scenario scenario, List<HistoricalFact> base) {
        Map<String, Integer> slotOf = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            slotOf.put(base.get(i).factId(), i);
        }
        Set<String> touched = new HashSet<>();
        List<Outcome> outcomes = new ArrayList<>();
        int added = base.size();
        for (int i = 0; i < scenario.changes().size(); i++) {
            Change change = scenario.changes().get(i);
            if (!touched.add(change.factId())) {
                throw new InvalidScenarioException(scenario.file(), change.line(), change.field(),
                        "in a sampled scenario each fact is changed by one change only; fact '" + change.factId() + "' is changed twice");
            }
            double probability = scenario.sampling().probabilities().getOrDefault(i, 1.0);
            if (change instanceof Change.Add add) {
                outcomes.add(new Outcome(added++, List.of(FactCatalog.toFact(scenario.relation(), add.fact())), probability));
                continue;
            }
            int slot = slotOf.get(change.factId());
            HistoricalFact fact = base.get(slot);
            if (change instanceof Change.Remove) {
                outcomes.add(new Outcome(slot, List.of(), probability));
            } else if (change instanceof Change.Redate redate) {
                List<String> dates = scenario.sampling().dateRanges().getOrDefault(i, List.of(redate.to()));
                List<HistoricalFact> alternatives = new ArrayList<>(dates.size());
                for (String date : dates) {
                    Map<String, Object> description = FactCatalog.describe(fact);
                    description.put("date", date);
                    alternatives.add(FactCatalog.toFact(fact.relationId(), description));
                }
                outcomes.add(new Outcome(slot, List.copyOf(alternatives), probability));
            } else if (change instanceof Change.ChangeParameters set) {
                Map<String, Object> description = FactCatalog.describe(fact);
                description.putAll(set.set());
                outcomes.add(new Outcome(slot, List.of(FactCatalog.toFact(fact.relationId(), description)), probability));
            }
        }
        return outcomes;
    }

    /** Counts of values per day and dimension, and of rejections per fact. */
    private static final class Tally {
        private final Map<String, Integer>[][] values;
        private final Map<String, Integer> rejected = new HashMap<>();

        @SuppressWarnings("unchecked")
        Tally(int days, int dimensions) {
            values = new Map[days][dimensions];
            for (int d = 0; d < days; d++) {
                for (int k = 0; k < dimensions; k++) {
                    values[d][k] = new HashMap<>();
                }
            }
        }

        void add(Judgement judgement, List<LocalDate> days, Dimension[] dimensions) {
            for (int d = 0; d < days.size(); d++) {
                for (Dimension dimension : dimensions) {
                    DimensionAnswer answer = judgement.status().at(dimension, days.get(d));
                    String value = answer.certain() ? String.valueOf(answer.value()) : UNCERTAIN;
                    values[d][dimension.ordinal()].merge(value, 1, Integer::sum);
                }
            }
            for (Rejection rejection : judgement.rejected()) {
                rejected.merge(rejection.factId(), 1, Integer::sum);
            }
        }

        Tally merge(Tally other) {
            for (int d = 0; d < values.length; d++) {
                for (int k = 0; k < values[d].length; k++) {
                    Map<String, Integer> mine = values[d][k];
                    other.values[d][k].forEach((value, count) -> mine.merge(value, count, Integer::sum));
                }
            }
            other.rejected.forEach((fact, count) -> rejected.merge(fact, count, Integer::sum));
            return this;
        }

        Result result(Scenario scenario, Sampling sampling, List<LocalDate> days, Dimension[] dimensions) {
            double n = sampling.samples();
            Map<LocalDate, Map<String, Map<String, Double>>> distribution = new LinkedHashMap<>();
            for (int d = 0; d < days.size(); d++) {
                Map<String, Map<String, Double>> byDimension = new LinkedHashMap<>();
                for (Dimension dimension : dimensions) {
                    Map<String, Double> shares = new TreeMap<>();
                    values[d][dimension.ordinal()].forEach((value, count) -> shares.put(value, count / n));
                    byDimension.put(dimension.key(), shares);
                }
                distribution.put(days.get(d), byDimension);
            }
            Map<String, Double> rejections = new TreeMap<>();
            rejected.forEach((fact, count) -> rejections.put(fact, count / n));
            return new Result(scenario.id(), scenario.relation(), sampling.samples(), sampling.seed(), distribution, rejections);
        }
    }
}
