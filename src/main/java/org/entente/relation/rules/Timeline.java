package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.entente.relation.events.HistoricalFact;

/**
 * A relation's facts replayed in valid-time order through the rules: the fold that the aggregate, the
 * status projection and the what-if engine share.
 *
 * <p><b>Order.</b> Facts are ordered by the first day they may have happened, then by the last
 * ({@link org.entente.time.ValidDate#compareTo}); facts equal under that order keep the order in which they
 * were given (recorded). So "2010" (a year) sorts before "2010-06" and "2010-06-01"; two facts both dated
 * "2010" keep their recorded order.
 */
public final class Timeline {

    public static final Comparator<HistoricalFact> VALID_ORDER = Comparator.comparing(HistoricalFact::date);

    private Timeline() {
    }

    /** The facts in valid-time order; the sort is stable, so ties keep their recorded order. */
    public static List<HistoricalFact> inValidOrder(List<? extends HistoricalFact> recorded) {
        List<HistoricalFact> ordered = new ArrayList<>(recorded);
        ordered.sort(VALID_ORDER);
        return ordered;
    }

    /**
     * Replays the facts in valid order: each is checked against the state all earlier accepted facts
     * produced, so a fact the history makes impossible is rejected and later facts are judged without it.
     * A long replay stops with a {@link CancellationException} when its thread is interrupted (a run-time limit).
     */
    public static Judgement judge(List<? extends HistoricalFact> recorded) {
        return judge(recorded, Set.of());
    }

    /**
     * As {@link #judge(List)}, except that the {@code contested} facts stand even where a rule refuses them
     * (a correction recorded anyway made them so); the rules they break are listed in
     * {@link Judgement#contested()}.
     */
    public static Judgement judge(List<? extends HistoricalFact> recorded, Set<String> contested) {
        return judge(recorded, contested, true);
    }

    /**
     * As {@link #judge(List, Set)} for facts whose ids the caller knows to be distinct — a what-if timeline
     * built from a history without duplicates, whose changes were checked not to repeat an id — so the rule
     * {@link Rule#FACT_RECORDED_ONCE} is not checked again, and no set of every id is built.
     */
    public static Judgement judgeDistinct(List<? extends HistoricalFact> recorded, Set<String> contested) {
        return judge(recorded, contested, false);
    }

    private static Judgement judge(List<? extends HistoricalFact> recorded, Set<String> contested, boolean checkIds) {
        List<HistoricalFact> ordered = inValidOrder(recorded);
        List<HistoricalFact> accepted = new ArrayList<>(ordered.size());
        List<Rejection> rejected = new ArrayList<>();
        List<Rejection> overridden = new ArrayList<>();
        Set<String> seen = checkIds ? new HashSet<>(Math.max(16, ordered.size() * 2)) : null;
        RelationState state = RelationState.EMPTY;
        StatusTimeline.Builder status = StatusTimeline.builder();
        int step = 0;
        for (HistoricalFact fact : ordered) {
            if ((++step & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("replay interrupted after " + step + " facts");
            }
            Optional<Rejection> rejection = !checkIds || seen.add(fact.factId())
                    ? RelationRules.check(fact, state)
                    : Optional.of(new Rejection(fact.factId(), Rule.FACT_RECORDED_ONCE, List.of(fact.factId()),
                            "fact id '" + fact.factId() + "' appears twice"));
            if (rejection.isPresent()) {
                if (!contested.contains(fact.factId()) || rejection.get().rule() == Rule.FACT_RECORDED_ONCE) {
                    rejected.add(rejection.get());
                    continue;
                }
                overridden.add(rejection.get());
            }
            RelationState next = state.evolve(fact);
            if (next != state) {
                status.record(fact, next);
            }
            state = next;
            accepted.add(fact);
        }
        return new Judgement(accepted, rejected, overridden, state, status.build());
    }
}
