package org.entente.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.api.Dates;
import org.entente.api.UnknownRelationException;
import org.entente.history.HistoryLoadReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Point-in-time queries: the relations, a relation's status at a date, and its status timeline. */
@RestController
@RequestMapping("/api/relations")
public class StatusController {

    private final StatusRepository repository;
    private final HistoryLoadReport loadReport;
    private final Clock clock;
    private final HistoryAsKnown asKnown;

    public StatusController(StatusRepository repository, HistoryLoadReport loadReport, Clock clock, HistoryAsKnown asKnown) {
        this.asKnown = asKnown;
        this.repository = repository;
        this.loadReport = loadReport;
        this.clock = clock;
    }

    @GetMapping
    public List<RelationSummary> relations() {
        return repository.relations();
    }

    /** A relation, and what the last start-up load of the history file did to it. */
    @GetMapping("/{id}")
    public Map<String, Object> relation(@PathVariable String id) {
        RelationSummary relation = repository.relation(id).orElseThrow(() -> new UnknownRelationException(id));
        return loadReport.of(id).<Map<String, Object>>map(load -> Map.of("relation", relation, "historyFile", load))
                .orElseGet(() -> Map.of("relation", relation));
    }

    /**
     * The status at {@code at} (YYYY-MM-DD; today by the application clock when absent). With {@code knownAt}
     * (an instant), the answer as the store knew it then.
     */
    @GetMapping("/{id}/status")
    public StatusView status(@PathVariable String id, @RequestParam(required = false) String at,
                             @RequestParam(required = false) String knownAt) {
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
    public TimelineView timeline(@PathVariable String id, @RequestParam(required = false) String knownAt) {
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
