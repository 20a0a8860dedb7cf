package org.entente.relation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.VetoCast;
import org.entente.synthetic.SyntheticHistory;
import org.junit.jupiter.api.Test;

/** The replay without the duplicate-id check judges a timeline of distinct ids exactly as the full replay. */
class TimelineTest {

    @Test
    void judgeDistinctJudgesDistinctIdsAsJudgeDoes() {
        List<HistoricalFact> facts = new ArrayList<>(SyntheticHistory.generate("synthetic", 20_000, 7));
        // without its veto, the veto's lifting is rejected: the comparison covers rejections too
        facts.removeIf(f -> f instanceof VetoCast && f.factId().equals(firstVeto(facts)));

        Judgement full = Timeline.judge(facts, Set.of());
        Judgement distinct = Timeline.judgeDistinct(facts, Set.of());

        assertThat(full.rejected()).isNotEmpty();
        assertThat(distinct.rejected()).isEqualTo(full.rejected());
        assertThat(distinct.accepted()).isEqualTo(full.accepted());
        assertThat(distinct.status().segments()).isEqualTo(full.status().segments());
    }

    private static String firstVeto(List<HistoricalFact> facts) {
        return facts.stream().filter(f -> f instanceof VetoCast).findFirst().orElseThrow().factId();
    }
}
