package org.entente.relation.rules;

import java.util.List;
import org.entente.relation.events.HistoricalFact;

/** The outcome of replaying a timeline: which facts stood, which the rules refused, and the status over time. */
public record Judgement(List<HistoricalFact> accepted, List<Rejection> rejected, RelationState finalState,
                        StatusTimeline status) {
}
