package org.entente.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.api.ApiDocs;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin: rebuild the status projection (POST only; a GET never replays) and watch it catch up. */
@RestController
@RequestMapping("/api/admin/projections/status")
@Tag(name = "Admin", description = "Rebuilding the status projection from the event store")
public class ReplayController {

    private final ProjectionReplay replay;

    public ReplayController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild the status projection", description = "Stops the projection's processor, resets its tokens"
            + " (emptying its tables) and starts it again; it catches up from the event store in the background.")
    @ApiResponse(responseCode = "202", description = "The replay has started; the body is the projection's progress")
    @ApiResponse(responseCode = "409", description = "Refused, nothing changed: a replay is already running on this node, or"
            + " another node holds some of the processor's segments (the problem detail says which)",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ApiDocs.Problem.class)))
    @ApiDocs.EditorOnly
    public ProjectionReplay.ProjectionStatus replay() {
        return replay.replay();
    }

    @GetMapping
    @Operation(summary = "The status projection's progress", description = "Whether it is replaying and how far it has got.")
    public ProjectionReplay.ProjectionStatus status() {
        return replay.status();
    }
}
