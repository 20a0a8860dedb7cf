package org.entente.whatif;

import java.util.List;
import java.util.Map;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Judgement;

/**
 * The outcome of a what-if: the scenario's timeline (facts in recorded order), what it changed, the replay's
 * judgement (accepted and rejected facts, status over time), the diff against history and the checked
 * expectations.
 */
public record ScenarioRun(Scenario scenario, Baseline baseline, List<HistoricalFact> timeline,
                          Map<String, FactChange> changes, Judgement judgement, Diff diff,
                          List<ExpectationResult> expectations) {

    public boolean expectationsMet() {
        return expectations.stream().allMatch(ExpectationResult::passed);
    }

    /** A fact of the scenario, or else of history (a removed fact is found there). */
    public HistoricalFact fact(String factId) {
        for (HistoricalFact fact : timeline) {
            if (fact.factId().equals(factId)) {
                return fact;
            }
        }
        for (HistoricalFact fact : baseline.facts()) {
            if (fact.factId().equals(factId)) {
                return fact;
            }
        }
        return null;
    }
}
