package org.entente.whatif;

import java.util.List;
import org.entente.relation.events.HistoricalFact;
import java.util.Set;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.RecordedHistory;
import org.entente.relation.rules.Rule;
import org.entente.relation.rules.Timeline;

/**
 * The recorded history a scenario is compared with: its facts in recorded order (current versions), the
 * contested ones, and their judgement, computed once.
 */
public record Baseline(String relationId, List<HistoricalFact> facts, Set<String> contested, Judgement judgement) {

    public static Baseline of(String relationId, List<HistoricalFact> facts) {
        return new Baseline(relationId, List.copyOf(facts), Set.of(), Timeline.judge(facts));
    }

    public static Baseline of(String relationId, RecordedHistory history) {
        return new Baseline(relationId, history.effective(), Set.copyOf(history.contested()), history.judge());
    }

    /** True when no two facts share an id, so a timeline derived from it needs no duplicate check. */
    public boolean distinctIds() {
        return judgement.rejected().stream().noneMatch(r -> r.rule() == Rule.FACT_RECORDED_ONCE);
    }
}
