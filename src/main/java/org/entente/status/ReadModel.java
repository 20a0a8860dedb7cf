package org.entente.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final RecordedHistory history;
    private final Map<String, String> contested = new HashMap<>();
    private final Map<String, FactRef> refs = new HashMap<>();

    public ReadModel(RecordedHistory history) {
        this.judgement = history.judge();
        this.history = history;
        for (Rejection rejection : judgement.contested()) {
            contested.put(rejection.factId(), rejection.rule().name());
        }
    }

    /** How an answer cites a fact of the history (made when first cited: most facts are cited by no stored answer). */
    private FactRef ref(String factId) {
        FactRef ref = refs.get(factId);
        if (ref == null && history.current(factId) != null && !history.isRetracted(factId)) {
            ref = FactRef.of(history.current(factId), history.isCorrected(factId), contested.get(factId));
            refs.put(factId, ref);
        }
        return ref;
    }

    public Judgement judgement() {
        return judgement;
    }

    public DimensionView answer(Dimension dimension, LocalDate day) {
        return DimensionView.cite(judgement.status().at(dimension, day), this::ref);
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
                new StatusRepository.SegmentRow(dimension, segment.from(), segment.to(), DimensionView.cite(segment.answer(), this::ref)))));
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
