package org.entente.whatif;

import java.util.List;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.Timeline;

/** The recorded history a scenario is compared with: its facts in recorded order, judged once. */
public record Baseline(String relationId, List<HistoricalFact> facts, Judgement judgement) {

    public static Baseline of(String relationId, List<HistoricalFact> facts) {
        return new Baseline(relationId, List.copyOf(facts), Timeline.judge(facts));
    }
}
