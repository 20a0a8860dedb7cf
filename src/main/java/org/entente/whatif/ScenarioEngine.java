package org.entente.whatif;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.entente.relation.facts.FactCatalog;
import org.entente.relation.facts.InvalidFactException;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.DimensionAnswer;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.Rejection;
import org.entente.relation.rules.Timeline;

/**
 * Runs a what-if: applies the scenario's changes to a copy of the recorded facts, replays that timeline
 * through the same rules core as the store ({@link Timeline#judge}) — so a fact the changed history makes
 * impossible is rejected and later facts are judged against what really results — and compares the
 * status with history's. It works on facts in memory only: it has no way to write to the event store or
 * the projection.
 *
 * <p>Order: the changed timeline is ordered as any timeline ({@link Timeline}); a redated or changed fact
 * keeps its place in recorded order, an added fact counts as recorded after every recorded one.
 */
public final class ScenarioEngine {

    private final int maxFacts;

    public ScenarioEngine(int maxFacts) {
        this.maxFacts = maxFacts;
    }

    public ScenarioRun run(Scenario scenario, Baseline baseline) {
        if (!scenario.relation().equals(baseline.relationId())) {
            throw new InvalidScenarioException(scenario.file(), 0, "relation",
                    "the scenario is about '" + scenario.relation() + "', not '" + baseline.relationId() + "'");
        }
        Map<String, FactChange> changes = new LinkedHashMap<>();
        List<HistoricalFact> timeline = apply(scenario, baseline, changes);
        // apply() refuses an added id that exists, so the timeline's ids are distinct when history's are
        Judgement judgement = baseline.distinctIds()
                ? Timeline.judgeDistinct(timeline, baseline.contested())
                : Timeline.judge(timeline, baseline.contested());

        Set<String> suspects = new LinkedHashSet<>(changes.keySet());
        judgement.rejected().forEach(r -> suspects.add(r.factId()));
        Diff diff = Diff.between(baseline.judgement().status(), judgement.status(), suspects,
                new SuspectLookup(suspects, baseline.facts(), timeline));

        List<ExpectationResult> results = new ArrayList<>();
        for (Expectation expectation : scenario.expectations()) {
            results.add(check(expectation, judgement, diff));
        }
        return new ScenarioRun(scenario, baseline, Collections.unmodifiableList(timeline), Map.copyOf(changes), judgement, diff,
                List.copyOf(results));
    }

    private List<HistoricalFact> apply(Scenario scenario, Baseline baseline, Map<String, FactChange> changes) {
        List<HistoricalFact> facts = new ArrayList<>(baseline.facts());
        Set<String> referenced = new HashSet<>();
        scenario.changes().forEach(c -> referenced.add(c.factId()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            String id = facts.get(i).factId();
            if (referenced.contains(id)) {
                index.put(id, i);
            }
        }
        Map<String, String> changedBy = new HashMap<>();
        for (Change change : scenario.changes()) {
            String id = change.factId();
            String earlier = changedBy.get(id);
            FactChange previous = changes.get(id);
            if (change instanceof Change.Add add) {
                if (index.containsKey(id)) {
                    throw new InvalidScenarioException(scenario.file(), change.lineOf("id"), change.field() + ".id", "fact '" + id + "' already exists"
                            + (earlier == null ? " in the recorded history; use redate or change" : " (added or removed by " + earlier + ")"));
                }
                HistoricalFact fact = toFact(scenario, change, add.fact());
                index.put(id, facts.size());
                facts.add(fact);
                changes.put(id, FactChange.ADDED);
            } else {
                Integer at = index.get(id);
                if (at == null) {
                    throw invalid(scenario, change, change.field(), "no fact '" + id + "' in the recorded history of '"
                            + baseline.relationId() + "'");
                }
                if (previous == FactChange.REMOVED) {
                    throw invalid(scenario, change, change.field(), "contradicts " + earlier + ", which removes fact '" + id + "'");
                }
                if (change instanceof Change.Remove) {
                    if (previous != null) {
                        throw invalid(scenario, change, change.field(), "contradicts " + earlier + ", which already changes fact '" + id + "'");
                    }
                    facts.set(at, null);
                    changes.put(id, FactChange.REMOVED);
                } else if (change instanceof Change.Redate redate) {
                    if (previous == FactChange.REDATED || previous == FactChange.REDATED_AND_CHANGED || previous == FactChange.ADDED) {
                        throw invalid(scenario, change, change.field(), "contradicts " + earlier + ", which already dates fact '" + id + "'");
                    }
                    Map<String, Object> description = FactCatalog.describe(facts.get(at));
                    description.put("date", redate.to());
                    facts.set(at, toFact(scenario, change, description));
                    changes.put(id, previous == FactChange.CHANGED ? FactChange.REDATED_AND_CHANGED : FactChange.REDATED);
                } else if (change instanceof Change.ChangeParameters set) {
                    for (String field : set.set().keySet()) {
                        if (field.equals("id") || field.equals("type") || field.equals("date")) {
                            throw new InvalidScenarioException(scenario.file(), change.lineOf(field), change.field() + ".set." + field,
                                    "cannot be changed; use redate for the date, or remove and add for the id or type");
                        }
                    }
                    if (previous == FactChange.ADDED) {
                        throw invalid(scenario, change, change.field(), "contradicts " + earlier + ", which adds fact '" + id + "'");
                    }
                    Map<String, Object> description = FactCatalog.describe(facts.get(at));
                    description.putAll(set.set());
                    facts.set(at, toFact(scenario, change, description));
                    changes.put(id, previous == FactChange.REDATED || previous == FactChange.REDATED_AND_CHANGED
                            ? FactChange.REDATED_AND_CHANGED : FactChange.CHANGED);
                }
            }
            changedBy.put(id, change.field());
            if (facts.size() > maxFacts) {
                throw new ScenarioLimitException(scenario.file(), change.line(), change.field(), "entente.scenarios.max-facts",
                        "the scenario's timeline would hold more than " + maxFacts + " facts");
            }
        }
        if (changes.containsValue(FactChange.REMOVED)) {
            facts.removeIf(Objects::isNull);
        }
        return facts;
    }

    /**
     * Finds a suspect fact in the scenario's timeline, else in history. The diff rarely needs one, so the
     * two timelines are scanned only on the first call.
     */
    private static final class SuspectLookup implements Function<String, HistoricalFact> {
        private final Set<String> suspects;
        private final List<HistoricalFact> history;
        private final List<HistoricalFact> scenario;
        private Map<String, HistoricalFact> byId;

        SuspectLookup(Set<String> suspects, List<HistoricalFact> history, List<HistoricalFact> scenario) {
            this.suspects = suspects;
            this.history = history;
            this.scenario = scenario;
        }

        @Override
        public HistoricalFact apply(String id) {
            if (byId == null) {
                byId = new HashMap<>();
                for (List<HistoricalFact> facts : List.of(history, scenario)) {
                    for (HistoricalFact fact : facts) {
                        if (suspects.contains(fact.factId())) {
                            byId.put(fact.factId(), fact);
                        }
                    }
                }
            }
            return byId.get(id);
        }
    }

    private HistoricalFact toFact(Scenario scenario, Change change, Map<String, Object> description) {
        try {
            return FactCatalog.toFact(scenario.relation(), description);
        } catch (InvalidFactException e) {
            if (change instanceof Change.Redate) {
                throw invalid(scenario, change, change.field() + ".to", e.getMessage());
            }
            String where = change.field() + (change instanceof Change.ChangeParameters ? ".set." : ".") + e.field();
            throw new InvalidScenarioException(scenario.file(), change.lineOf(e.field()), where, e.getMessage());
        }
    }

    private static InvalidScenarioException invalid(Scenario scenario, Change change, String field, String message) {
        return new InvalidScenarioException(scenario.file(), change.line(), field, message);
    }

    private static ExpectationResult check(Expectation expectation, Judgement judgement, Diff diff) {
        if (expectation instanceof Expectation.StatusIs status) {
            DimensionAnswer answer = judgement.status().at(status.dimension(), status.at());
            boolean passed = (status.value() == null || answer.certain() && Objects.equals(status.value(), answer.value()))
                    && (status.certain() == null || status.certain() == answer.certain())
                    && (status.possibleValues() == null || Objects.equals(status.possibleValues(), answer.possibleValues()));
            String expected = status.dimension().key() + " on " + status.at() + ": "
                    + (status.value() != null ? status.value() : "")
                    + (status.certain() != null ? " certain=" + status.certain() : "")
                    + (status.possibleValues() != null ? " possibly " + status.possibleValues() : "");
            String actual = answer.certain() ? String.valueOf(answer.value()) + " certain=true"
                    : "uncertain, possibly " + answer.possibleValues() + " in " + answer.window().from() + ".." + answer.window().to();
            return new ExpectationResult(status.field(), status.line(), expected.strip(), actual, passed);
        }
        if (expectation instanceof Expectation.Rejected rejected) {
            Rejection found = judgement.rejected().stream().filter(r -> r.factId().equals(rejected.factId())).findFirst().orElse(null);
            String actual = found == null ? (accepted(judgement, rejected.factId()) ? "accepted" : "not in the timeline")
                    : "rejected by " + found.rule() + ": " + found.reason();
            return new ExpectationResult(rejected.field(), rejected.line(), rejected.factId() + " rejected by " + rejected.rule(),
                    actual, found != null && found.rule() == rejected.rule());
        }
        if (expectation instanceof Expectation.Accepted accepted) {
            boolean passed = accepted(judgement, accepted.factId());
            Rejection found = judgement.rejected().stream().filter(r -> r.factId().equals(accepted.factId())).findFirst().orElse(null);
            return new ExpectationResult(accepted.field(), accepted.line(), accepted.factId() + " accepted",
                    passed ? "accepted" : found != null ? "rejected by " + found.rule() + ": " + found.reason() : "not in the timeline", passed);
        }
        Expectation.FirstDivergence divergence = (Expectation.FirstDivergence) expectation;
        return new ExpectationResult(divergence.field(), divergence.line(), "first divergence on " + divergence.on(),
                "first divergence on " + diff.firstDivergence(), Objects.equals(divergence.on(), diff.firstDivergence()));
    }

    private static boolean accepted(Judgement judgement, String factId) {
        return judgement.accepted().stream().anyMatch(f -> f.factId().equals(factId));
    }
}
