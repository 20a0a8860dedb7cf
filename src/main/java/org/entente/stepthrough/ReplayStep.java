package org.entente.stepthrough;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.relation.rules.Rejection;
import org.entente.status.DimensionView;
import org.entente.status.SegmentView;

/** The projection after the first {@code step} of {@code steps} recorded events, computed by the rules core. */
@Schema(description = "The status after folding the first `step` recorded facts and corrections through the rules")
public record ReplayStep(
        String relation,
        @Schema(description = "How many events were folded (0 = none yet)") int step,
        @Schema(description = "How many facts and corrections the relation has recorded") int steps,
        @Schema(description = "The event added by this step (absent at step 0)") AppliedEvent applied,
        @Schema(description = "How many facts of the folded history the rules accepted") int accepted,
        @Schema(description = "The folded facts the rules refused, with the rule and the blocking facts") List<Rejection> rejected,
        @Schema(description = "Each dimension's answers over time, in the shape of /timeline's dimensions") Map<String, List<SegmentView>> dimensions,
        @Schema(description = "The date asked for with `at` (absent when not asked)") LocalDate at,
        @Schema(description = "Each dimension's answer at `at`, in the shape of /status's dimensions (absent without `at`)") Map<String, DimensionView> status) {
}
