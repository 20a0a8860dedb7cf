package org.entente.stepthrough;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.rules.Rejection;
import org.entente.status.FactRef;

/**
 * The event a replay step added — a fact, or a correction of one — with its place in recording order
 * ({@code position}, 1-based) and in the event store ({@code globalSequence}), whether the rules accepted it, and
 * which dimensions' answers it changed.
 */
@Schema(description = "The event the step added (a fact or a correction), and what it did")
public record AppliedEvent(
        @Schema(description = "1-based position among the relation's facts and corrections in recording order") int position,
        @Schema(description = "The event's global sequence in the event store") long globalSequence,
        @Schema(description = "The event's type: a kind of fact (e.g. VetoCast) or FactCorrected", example = "VetoCast") String type,
        @Schema(description = "The fact it records or corrects", example = "turkey-veto-2010") String factId,
        @Schema(description = "That fact, in its version after this step") FactRef fact,
        @Schema(description = "For a correction: what it changed (absent for a fact)") FactCorrected correction,
        @Schema(description = "false when the rules refused the fact; see rejection") boolean accepted,
        @Schema(description = "Why the rules refused it (absent when accepted)") Rejection rejection,
        @Schema(description = "Dimension keys whose answers over time changed with this step") List<String> changedDimensions) {
}
