package org.entente.replay;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin: rebuild the status projection (POST only; a GET never replays) and watch it catch up. */
@RestController
@RequestMapping("/api/admin/projections/status")
public class ReplayController {

    private final ProjectionReplay replay;

    public ReplayController(ProjectionReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ProjectionReplay.ProjectionStatus replay() {
        return replay.replay();
    }

    @GetMapping
    public ProjectionReplay.ProjectionStatus status() {
        return replay.status();
    }
}
