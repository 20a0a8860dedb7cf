package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.relation.events.HistoricalFact;

/**
 * The facts a relation has recorded, in the order they were recorded, with the state at the end of the
 * valid-time timeline kept up to date while facts arrive in valid order (the common case), so that
 * deciding on the next fact does not replay the whole history.
 */
public final class RecordedHistory {

    private final List<HistoricalFact> recorded = new ArrayList<>();
    private final Map<String, HistoricalFact> byId = new HashMap<>();
    private HistoricalFact latest;
    private RelationState stateAtEnd = RelationState.EMPTY;
    private boolean stateCurrent = true;

    /** Appends a fact that the rules accepted. */
    public void append(HistoricalFact fact) {
        recorded.add(fact);
        byId.put(fact.factId(), fact);
        if (stateCurrent && (latest == null || Timeline.VALID_ORDER.compare(fact, latest) >= 0)) {
            stateAtEnd = stateAtEnd.evolve(fact);
            latest = fact;
        } else {
            stateCurrent = false;
        }
    }

    public List<HistoricalFact> recorded() {
        return Collections.unmodifiableList(recorded);
    }

    public HistoricalFact find(String factId) {
        return byId.get(factId);
    }

    public int size() {
        return recorded.size();
    }

    /** True when {@code fact} would come last in valid order, after every recorded fact. */
    boolean wouldComeLast(HistoricalFact fact) {
        return latest == null || Timeline.VALID_ORDER.compare(fact, latest) >= 0;
    }

    /** The state at the end of the timeline. */
    RelationState stateAtEnd() {
        if (!stateCurrent) {
            Judgement judgement = Timeline.judge(recorded);
            stateAtEnd = judgement.finalState();
            latest = judgement.accepted().isEmpty() ? null : judgement.accepted().get(judgement.accepted().size() - 1);
            stateCurrent = true;
        }
        return stateAtEnd;
    }
}
