package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.events.HistoricalFact;
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
        HistoricalFact existing = history.find(fact.factId());
        if (existing != null) {
            if (existing.equals(fact)) {
                return new Decision.Unchanged("fact '" + fact.factId() + "' is already recorded");
            }
            return new Decision.Rejected(new Rejection(fact.factId(), Rule.FACT_RECORDED_ONCE, List.of(fact.factId()),
                    "fact '" + fact.factId() + "' is already recorded differently (recorded: " + existing
                            + "; now: " + fact + ")"));
        }
        if (history.wouldComeLast(fact)) {
            Optional<Rejection> rejection = RelationRules.check(fact, history.stateAtEnd());
            return rejection.<Decision>map(Decision.Rejected::new).orElseGet(() -> new Decision.Accepted(List.of(fact)));
        }
        return decideRetroactive(fact, history);
    }

    private static Decision decideRetroactive(HistoricalFact fact, RecordedHistory history) {
        List<HistoricalFact> withFact = new ArrayList<>(history.recorded());
        withFact.add(fact);
        Judgement judgement = Timeline.judge(withFact);
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
}
