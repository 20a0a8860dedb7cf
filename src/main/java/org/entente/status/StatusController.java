package org.entente.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.entente.api.ApiDocs;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.Dates;
import org.entente.api.Versions;
import org.entente.api.UnknownRelationException;
import org.entente.history.HistoryLoadReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Point-in-time queries: the relations, a relation's status at a date, and its status timeline. */
@RestController
@RequestMapping("/api/relations")
@Tag(name = "Status", description = "Point-in-time queries over the status projection")
public class StatusController {

    private final StatusRepository repository;
    private final HistoryLoadReport loadReport;
    private final Clock clock;
    private final HistoryAsKnown asKnown;
    private final EventStore events;

    public StatusController(StatusRepository repository, HistoryLoadReport loadReport, Clock clock, HistoryAsKnown asKnown,
                            EventStore events) {
        this.events = events;
        this.asKnown = asKnown;
        this.repository = repository;
        this.loadReport = loadReport;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The relations", description = "Every relation the projection knows, with its parties and number of facts.")
    public List<RelationSummary> relations() {
        return repository.relations();
    }

    /**
     * A relation, its version (the sequence number of its last stored event, also the ETag: send it back as
     * If-Match to write only if nothing changed since), and what the last start-up load of the history file did to it.
     */
    @GetMapping("/{id}")
    @Operation(summary = "One relation", description = "The relation (`relation`), its `version` (the sequence number of its"
            + " last stored event, also sent as the ETag: send it back as If-Match to write only if nothing changed since) and,"
            + " when the history file was loaded on start, what that load did to it (`historyFile`).")
    @ApiResponse(responseCode = "200", description = "The relation, its version and its last history-file load")
    @ApiDocs.NotFound
    public ResponseEntity<Map<String, Object>> relation(@Parameter(description = "Relation id", example = "israel-nato") @PathVariable String id) {
        RelationSummary relation = repository.relation(id).orElseThrow(() -> new UnknownRelationException(id));
        long version = events.lastSequenceNumberFor(id).orElseThrow(() -> new UnknownRelationException(id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("relation", relation);
        body.put("version", version);
        loadReport.of(id).ifPresent(load -> body.put("historyFile", load));
        return ResponseEntity.ok().eTag(Versions.entityTag(version)).body(body);
    }

    /**
     * The status at {@code at} (YYYY-MM-DD; today by the application clock when absent). With {@code knownAt}
     * (an instant), the answer as the store knew it then.
     */
    @GetMapping("/{id}/status")
    @Operation(summary = "The status at a date", description = "Every dimension's `value`, `since`, `certain` and the `facts`"
            + " (with their sources) that made it so; when the date falls inside the window of an imprecisely dated change,"
            + " `certain` is false and `possibleValues` and `window` say what it could be. With `knownAt`, the answer as the"
            + " store knew it at that instant.")
    @ApiResponse(responseCode = "200", description = "Every dimension's answer at the date")
    @ApiDocs.BadRequest
    @ApiDocs.NotFound
    public StatusView status(@Parameter(description = "Relation id", example = "israel-nato") @PathVariable String id,
                             @Parameter(description = "A day, YYYY-MM-DD; today by the application clock when absent",
                                     example = "2011-01-01") @RequestParam(required = false) String at,
                             @Parameter(description = "An instant, ISO-8601 with an offset: the answer as known then",
                                     example = "2026-01-01T00:00:00Z") @RequestParam(required = false) String knownAt) {
        LocalDate day = at == null ? LocalDate.now(clock) : Dates.day("at", at);
        if (knownAt != null) {
            Instant instant = Dates.instant("knownAt", knownAt);
            return new StatusView(id, day, instant, knownModel(id, instant).statusAt(day));
        }
        Map<String, DimensionView> dimensions = repository.statusAt(id, day);
        if (dimensions.isEmpty()) {
            throw new UnknownRelationException(id);
        }
        return new StatusView(id, day, null, dimensions);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The status over all of time", description = "Each dimension's answers as consecutive inclusive date"
            + " intervals; `from` is absent on the first and `to` on the last. With `knownAt`, as the store knew it then.")
    @ApiResponse(responseCode = "200", description = "Every dimension's answers over time")
    @ApiDocs.BadRequest
    @ApiDocs.NotFound
    public TimelineView timeline(@Parameter(description = "Relation id", example = "israel-nato") @PathVariable String id,
                                 @Parameter(description = "An instant, ISO-8601 with an offset: the timeline as known then",
                                         example = "2026-01-01T00:00:00Z") @RequestParam(required = false) String knownAt) {
        if (knownAt != null) {
            Instant instant = Dates.instant("knownAt", knownAt);
            return new TimelineView(id, instant, knownModel(id, instant).timeline());
        }
        Map<String, List<SegmentView>> timeline = repository.timeline(id);
        if (timeline.values().stream().allMatch(List::isEmpty)) {
            throw new UnknownRelationException(id);
        }
        return new TimelineView(id, null, timeline);
    }

    private ReadModel knownModel(String id, Instant knownAt) {
        return new ReadModel(asKnown.at(id, knownAt).orElseThrow(() -> new UnknownRelationException(id)));
    }
}
