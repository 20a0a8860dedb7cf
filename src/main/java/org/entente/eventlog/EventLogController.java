package org.entente.eventlog;

import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.api.ApiDocs;
import org.entente.api.Dates;
import org.entente.api.UnknownRelationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event store view: a relation's stored events, in order. */
@RestController
@RequestMapping("/api/relations")
@Tag(name = "Event store", description = "The events as Axon's event store holds them")
public class EventLogController {

    private final EventLog eventLog;

    public EventLogController(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    /** The stored events in order; with {@code knownAt} (an instant), only those recorded by then. */
    @GetMapping("/{id}/events")
    @Operation(summary = "The stored events of a relation, in order", description = "Global sequence, aggregate sequence,"
            + " type, valid date and its precision, recorded-at (the record time), sources and the payload as stored;"
            + " with `knownAt`, only the events recorded by then.")
    @ApiResponse(responseCode = "200", description = "The stored events, by aggregate sequence")
    @ApiDocs.BadRequest
    @ApiDocs.NotFound
    public List<StoredEvent> events(@Parameter(description = "Relation id", example = "israel-nato") @PathVariable String id,
                                    @Parameter(description = "An instant, ISO-8601 with an offset: only the events recorded by then",
                                            example = "2026-01-01T00:00:00Z") @RequestParam(required = false) String knownAt) {
        List<StoredEvent> events = eventLog.events(id);
        if (events.isEmpty()) {
            throw new UnknownRelationException(id);
        }
        if (knownAt != null) {
            Instant instant = Dates.instant("knownAt", knownAt);
            return events.stream().filter(e -> !Instant.parse(e.recordedAt()).isAfter(instant)).toList();
        }
        return events;
    }
}
