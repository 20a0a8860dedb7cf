package org.entente.relation.rules;

import java.util.List;
import org.entente.relation.events.HistoricalFact;

/**
 * The outcome of replaying a timeline: which facts stood, which the rules refused, which stood although a rule
 * refuses them (contested facts, with the rule they break), and the status over time.
 */
public record Judgement(List<HistoricalFact> accepted, List<Rejection> rejected, List<Rejection> contested,
                        RelationState finalState, StatusTimeline status) {
}
