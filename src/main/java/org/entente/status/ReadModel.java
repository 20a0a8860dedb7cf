package org.entente.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.RecordedHistory;
import org.entente.relation.rules.Rejection;
import org.entente.relation.rules.Segment;

/**
 * A relation's status over time as the API shows it, computed from its recorded history through the rules:
 * the projection stores it, and a {@code knownAt} query computes it from the events recorded by then.
 */
public final class ReadModel {

    private final Judgement judgement;
    private final Map<String, FactRef> refs = new HashMap<>();

    public ReadModel(RecordedHistory history) {
        this.judgement = history.judge();
        Map<String, String> contested = new HashMap<>();
        for (Rejection rejection : judgement.contested()) {
            contested.put(rejection.factId(), rejection.rule().name());
        }
        for (HistoricalFact fact : history.effective()) {
            refs.put(fact.factId(), FactRef.of(fact, history.isCorrected(fact.factId()), contested.get(fact.factId())));
        }
    }

    public Judgement judgement() {
        return judgement;
    }

    public DimensionView answer(Dimension dimension, LocalDate day) {
        return DimensionView.cite(judgement.status().at(dimension, day), refs::get);
    }

    public Map<String, DimensionView> statusAt(LocalDate day) {
        Map<String, DimensionView> status = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            status.put(d.key(), answer(d, day));
        }
        return status;
    }

    /** Each dimension's segments with their answers (open ends as {@link Segment#BEGINNING}/{@link Segment#END_OF_TIME}). */
    public List<StatusRepository.SegmentRow> rows() {
        List<StatusRepository.SegmentRow> rows = new ArrayList<>();
        judgement.status().segments().forEach((dimension, segments) -> segments.forEach(segment -> rows.add(
                new StatusRepository.SegmentRow(dimension, segment.from(), segment.to(), DimensionView.cite(segment.answer(), refs::get)))));
        return rows;
    }

    public Map<String, List<SegmentView>> timeline() {
        Map<String, List<SegmentView>> timeline = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            timeline.put(d.key(), new ArrayList<>());
        }
        for (StatusRepository.SegmentRow row : rows()) {
            timeline.get(row.dimension().key()).add(SegmentView.of(row.from(), row.to(), row.answer()));
        }
        return timeline;
    }
}
