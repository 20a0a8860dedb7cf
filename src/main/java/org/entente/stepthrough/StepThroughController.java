package org.entente.stepthrough;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.entente.api.ApiDocs;
import org.entente.api.BadRequestException;
import org.entente.api.Dates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Step-through replay: the status after the first N recorded events. Read-only: a GET never replays the projection. */
@RestController
@RequestMapping("/api/relations")
@Tag(name = "Step-through replay", description = "Fold the first N recorded facts and corrections through the rules, for teaching; nothing is written")
public class StepThroughController {

    private final StepThrough stepThrough;

    public StepThroughController(StepThrough stepThrough) {
        this.stepThrough = stepThrough;
    }

    @GetMapping("/{id}/replay")
    @Operation(summary = "The status after the first `step` recorded events",
            description = "Folds the relation's first `step` facts and corrections (in recording order; the rules judge the facts"
                    + " in valid-time order) through the rules core, as the status projection does, and returns the event the step"
                    + " added, whether it was accepted, which dimensions it"
                    + " changed, every dimension's answers over time and, with `at`, the status on that day. It reads the facts"
                    + " the status projection holds and writes nothing.")
    @ApiResponse(responseCode = "200", description = "The projection after the step")
    @ApiDocs.BadRequest
    @ApiDocs.NotFound
    public ReplayStep replay(
            @Parameter(description = "Relation id, e.g. israel-nato", example = "israel-nato") @PathVariable String id,
            @Parameter(description = "How many events to fold: 0 (none) up to the number of recorded facts and corrections",
                    required = true, example = "20")
            @RequestParam(required = false) String step,
            @Parameter(description = "A day, YYYY-MM-DD: also answer the status on that day", example = "2011-01-01")
            @RequestParam(required = false) String at) {
        return stepThrough.replay(id, step(step), Optional.ofNullable(at).map(a -> Dates.day("at", a)));
    }

    private static int step(String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("step", "step is required: how many recorded events to fold, from 0");
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("step", "step must be a whole number of events, got '" + value + "'");
        }
    }
}
