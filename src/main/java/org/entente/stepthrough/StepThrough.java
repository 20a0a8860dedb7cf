package org.entente.stepthrough;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.api.BadRequestException;
import org.entente.api.UnknownRelationException;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.RecordedHistory;
import org.entente.relation.rules.Rejection;
import org.entente.relation.rules.StatusTimeline;
import org.entente.status.FactRef;
import org.entente.status.ReadModel;
import org.entente.status.StatusRepository;
import org.entente.status.StatusRepository.RecordedEvent;
import org.springframework.stereotype.Service;

/**
 * Step-through replay for teaching: folds the first {@code step} recorded events of a relation (its facts and
 * corrections, in recording order) into a {@link RecordedHistory} and judges it through the rules core, exactly as
 * the status projection does ({@link ReadModel}). It reads the events the projection keeps and writes nothing:
 * the real projection is never touched.
 */
@Service
public class StepThrough {

    private final StatusRepository repository;

    public StepThrough(StatusRepository repository) {
        this.repository = repository;
    }

    /**
     * The projection after the first {@code step} events (0 = before any), with the status at {@code at} when
     * it is given.
     *
     * @throws UnknownRelationException when the relation is unknown
     * @throws BadRequestException      naming {@code step} when it is outside 0..the number of recorded events
     */
    public ReplayStep replay(String relationId, int step, Optional<LocalDate> at) {
        if (repository.relation(relationId).isEmpty()) {
            throw new UnknownRelationException(relationId);
        }
        List<RecordedEvent> recorded = repository.recordedEvents(relationId);
        if (step < 0 || step > recorded.size()) {
            throw new BadRequestException("step", "step must be between 0 and " + recorded.size()
                    + " (the number of recorded facts and corrections of '" + relationId + "'), got " + step);
        }
        RecordedHistory history = new RecordedHistory();
        for (RecordedEvent event : recorded.subList(0, Math.max(0, step - 1))) {
            fold(history, event);
        }
        AppliedEvent applied = null;
        ReadModel after;
        if (step == 0) {
            after = new ReadModel(history);
        } else {
            StatusTimeline before = history.judge().status();
            RecordedEvent last = recorded.get(step - 1);
            fold(history, last);
            after = new ReadModel(history);
            applied = applied(step, last, history, after.judgement(), before);
        }
        Judgement judgement = after.judgement();
        return new ReplayStep(relationId, step, recorded.size(), applied, judgement.accepted().size(), judgement.rejected(),
                after.timeline(), at.orElse(null), at.map(after::statusAt).orElse(null));
    }

    private static void fold(RecordedHistory history, RecordedEvent event) {
        if (event.event() instanceof FactCorrected correction) {
            history.correct(correction);
        } else {
            history.append((HistoricalFact) event.event());
        }
    }

    private static AppliedEvent applied(int position, RecordedEvent event, RecordedHistory history, Judgement judgement,
                                        StatusTimeline before) {
        HistoricalFact fact = history.current(event.factId());
        FactCorrected correction = event.event() instanceof FactCorrected c ? c : null;
        Rejection rejection = correction != null ? null : judgement.rejected().stream()
                .filter(r -> r.factId().equals(event.factId())).reduce((first, second) -> second).orElse(null);
        List<String> changed = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (!before.segments(d).equals(judgement.status().segments(d))) {
                changed.add(d.key());
            }
        }
        return new AppliedEvent(position, event.globalSequence(), event.event().getClass().getSimpleName(), event.factId(),
                fact == null ? null : FactRef.of(fact, history.isCorrected(event.factId()), null), correction,
                rejection == null, rejection, changed);
    }
}
