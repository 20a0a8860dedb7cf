package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;

/**
 * A relation's history as recorded: its facts in the order they were recorded, each in its current version
 * once corrections apply, the retracted ones and the contested ones. The state at the end of the valid-time
 * timeline is kept up to date while facts arrive in valid order (the common case), so that deciding on the
 * next fact does not replay the whole history.
 */
public final class RecordedHistory {

    private final List<String> order = new ArrayList<>();
    private final Map<String, HistoricalFact> original = new HashMap<>();
    private final Map<String, HistoricalFact> current = new HashMap<>();
    private final Set<String> retracted = new HashSet<>();
    private final Set<String> contested = new LinkedHashSet<>();
    private final Set<String> corrected = new HashSet<>();
    private HistoricalFact latest;
    private RelationState stateAtEnd = RelationState.EMPTY;
    private boolean stateCurrent = true;

    /** evolve: a fact the rules accepted is appended. */
    public void append(HistoricalFact fact) {
        order.add(fact.factId());
        original.put(fact.factId(), fact);
        current.put(fact.factId(), fact);
        if (stateCurrent && (latest == null || Timeline.VALID_ORDER.compare(fact, latest) >= 0)) {
            stateAtEnd = stateAtEnd.evolve(fact);
            latest = fact;
        } else {
            stateCurrent = false;
        }
    }

    /** evolve: an accepted correction revises (or retracts) its fact. */
    public void correct(FactCorrected correction) {
        String id = correction.factId();
        if (correction.retracted()) {
            retracted.add(id);
        } else {
            current.put(id, Corrections.revise(current.get(id), correction));
        }
        corrected.add(id);
        contested.addAll(correction.contested());
        stateCurrent = false;
    }

    /** The facts in recorded order, in their current versions, without the retracted ones. */
    public List<HistoricalFact> effective() {
        List<HistoricalFact> facts = new ArrayList<>(order.size());
        for (String id : order) {
            if (!retracted.contains(id)) {
                facts.add(current.get(id));
            }
        }
        return facts;
    }

    /** Replays the current history through the rules; contested facts stand, and their broken rules are listed. */
    public Judgement judge() {
        return Timeline.judge(effective(), contested);
    }

    public HistoricalFact original(String factId) {
        return original.get(factId);
    }

    /** The fact's current version (null when unknown; a retracted fact keeps its last version here). */
    public HistoricalFact current(String factId) {
        return current.get(factId);
    }

    public boolean isRetracted(String factId) {
        return retracted.contains(factId);
    }

    public boolean isCorrected(String factId) {
        return corrected.contains(factId);
    }

    public Set<String> contested() {
        return Collections.unmodifiableSet(contested);
    }

    /** True when {@code fact} would come last in valid order, after every recorded fact. */
    boolean wouldComeLast(HistoricalFact fact) {
        stateAtEnd();
        return latest == null || Timeline.VALID_ORDER.compare(fact, latest) >= 0;
    }

    /** The state at the end of the timeline. */
    RelationState stateAtEnd() {
        if (!stateCurrent) {
            Judgement judgement = judge();
            stateAtEnd = judgement.finalState();
            latest = judgement.accepted().isEmpty() ? null : judgement.accepted().get(judgement.accepted().size() - 1);
            stateCurrent = true;
        }
        return stateAtEnd;
    }
}
