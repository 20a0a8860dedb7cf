package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.relation.commands.CorrectFact;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFacts;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.relation.facts.InvalidFactException;
import org.entente.relation.events.RelationOpened;

/** decide(command, state) → events | rejection, for every command a relation accepts. */
public final class RelationDecider {

    private RelationDecider() {
    }

    /** Opening a relation that is already open changes nothing. */
    public static Decision decide(OpenRelation command, boolean alreadyOpen) {
        if (alreadyOpen) {
            return new Decision.Unchanged("relation '" + command.relationId() + "' is already open");
        }
        return new Decision.Accepted(List.of(new RelationOpened(command.relationId(), command.title(), command.parties())));
    }

    /**
     * A fact is accepted when the rules allow it at its place in the timeline and it makes no later recorded
     * fact impossible. Recording the same fact again changes nothing; a different fact under a recorded id
     * is refused, since changing history takes a correction.
     */
    public static Decision decide(RecordFact command, RecordedHistory history) {
        HistoricalFact fact = command.fact();
        HistoricalFact existing = history.original(fact.factId());
        if (existing != null) {
            if (existing.equals(fact) || fact.equals(history.current(fact.factId()))) {
                return new Decision.Unchanged("fact '" + fact.factId() + "' is already recorded");
            }
            return new Decision.Rejected(new Rejection(fact.factId(), Rule.FACT_RECORDED_ONCE, List.of(fact.factId()),
                    "fact '" + fact.factId() + "' is already recorded differently (recorded: " + existing
                            + "; now: " + fact + "); a change to a recorded fact is a correction"));
        }
        if (history.wouldComeLast(fact)) {
            Optional<Rejection> rejection = RelationRules.check(fact, history.stateAtEnd());
            return rejection.<Decision>map(Decision.Rejected::new).orElseGet(() -> new Decision.Accepted(List.of(fact)));
        }
        return decideRetroactive(fact, history);
    }

    private static Decision decideRetroactive(HistoricalFact fact, RecordedHistory history) {
        List<HistoricalFact> withFact = history.effective();
        withFact.add(fact);
        Judgement judgement = Timeline.judge(withFact, history.contested());
        Optional<Rejection> own = judgement.rejected().stream().filter(r -> r.factId().equals(fact.factId())).findFirst();
        if (own.isPresent()) {
            return new Decision.Rejected(own.get());
        }
        if (!judgement.rejected().isEmpty()) {
            Rejection first = judgement.rejected().get(0);
            List<String> broken = judgement.rejected().stream().map(Rejection::factId).toList();
            return new Decision.Rejected(new Rejection(fact.factId(), first.rule(), broken,
                    "recording '" + fact.factId() + "' on " + fact.date() + " would make later recorded facts impossible: "
                            + String.join("; ", judgement.rejected().stream().map(r -> r.factId() + " (" + r.reason() + ")").toList())));
        }
        return new Decision.Accepted(List.of(fact));
    }

    /**
     * A batch is accepted when each fact, in turn, is accepted after the ones before it; otherwise nothing is,
     * and the first rejection is returned. The batch must continue the timeline in valid order.
     */
    public static Decision decide(RecordFacts command, RecordedHistory history) {
        RelationState state = history.stateAtEnd();
        HistoricalFact previous = null;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (HistoricalFact fact : command.facts()) {
            if (!fact.relationId().equals(command.relationId())) {
                return new Decision.Invalid("facts", "fact '" + fact.factId() + "' belongs to relation '" + fact.relationId() + "'");
            }
            if (history.original(fact.factId()) != null || !ids.add(fact.factId())) {
                return new Decision.Rejected(new Rejection(fact.factId(), Rule.FACT_RECORDED_ONCE, List.of(fact.factId()),
                        "fact id '" + fact.factId() + "' is already recorded or appears twice in the batch"));
            }
            boolean inOrder = previous == null ? history.wouldComeLast(fact) : Timeline.VALID_ORDER.compare(fact, previous) >= 0;
            if (!inOrder) {
                return new Decision.Invalid("facts", "fact '" + fact.factId() + "' (" + fact.date()
                        + ") is out of valid order; a batch continues the timeline, earlier facts are recorded one by one");
            }
            Optional<Rejection> rejection = RelationRules.check(fact, state);
            if (rejection.isPresent()) {
                return new Decision.Rejected(rejection.get());
            }
            state = state.evolve(fact);
            previous = fact;
        }
        return new Decision.Accepted(List.copyOf(command.facts()));
    }

    /**
     * A correction is accepted when the corrected history breaks no rule for any fact still standing; when it
     * would, it is refused naming the rule and the facts, unless recorded anyway: then those facts become
     * contested.
     */
    public static Decision decide(CorrectFact command, RecordedHistory history) {
        String id = command.factId();
        HistoricalFact current = history.current(id);
        if (current == null) {
            return new Decision.Invalid("factId", "no fact '" + id + "' is recorded in relation '" + command.relationId() + "'");
        }
        if (history.isRetracted(id)) {
            return new Decision.Invalid("factId", "fact '" + id + "' is retracted; record a new fact instead");
        }
        for (Source source : command.retractedSources()) {
            if (!current.sources().contains(source)) {
                return new Decision.Invalid("retractedSources", "fact '" + id + "' does not cite " + source);
            }
        }
        FactCorrected correction = new FactCorrected(command.relationId(), id, command.date(), command.parameters(),
                command.addedSources(), command.retractedSources(), command.retract(), command.sources(), command.reason(), List.of());
        List<HistoricalFact> corrected = new ArrayList<>();
        if (!command.retract()) {
            HistoricalFact revised;
            try {
                revised = Corrections.revise(current, correction);
            } catch (InvalidFactException e) {
                return new Decision.Invalid(e.field().equals("date") ? "date" : "parameters." + e.field(), e.getMessage());
            }
            if (revised.equals(current)) {
                String field = command.date() != null ? "date" : !command.parameters().isEmpty() ? "parameters"
                        : !command.addedSources().isEmpty() ? "addSources" : "retractSources";
                return new Decision.Invalid(field, field + ": the correction changes nothing in fact '" + id + "'");
            }
            if (revised.sources().isEmpty()) {
                return new Decision.Invalid("retractedSources", "a fact keeps at least one source; retract the fact instead");
            }
            for (HistoricalFact fact : history.effective()) {
                corrected.add(fact.factId().equals(id) ? revised : fact);
            }
        } else {
            for (HistoricalFact fact : history.effective()) {
                if (!fact.factId().equals(id)) {
                    corrected.add(fact);
                }
            }
        }
        Judgement judgement = Timeline.judge(corrected, history.contested());
        if (judgement.rejected().isEmpty()) {
            return new Decision.Accepted(List.of(correction));
        }
        List<String> broken = judgement.rejected().stream().map(Rejection::factId).toList();
        if (command.recordAnyway()) {
            return new Decision.Accepted(List.of(new FactCorrected(command.relationId(), id, command.date(), command.parameters(),
                    command.addedSources(), command.retractedSources(), command.retract(), command.sources(), command.reason(), broken)));
        }
        Rejection first = judgement.rejected().get(0);
        return new Decision.Rejected(new Rejection(id, first.rule(), broken,
                "correcting '" + id + "' would make recorded facts impossible: "
                        + String.join("; ", judgement.rejected().stream().map(r -> r.factId() + " (" + r.reason() + ")").toList())
                        + "; ask to record it anyway to keep them as contested"));
    }
}
