package org.entente.status;

import java.time.Clock;
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

    public StatusController(StatusRepository repository, HistoryLoadReport loadReport, Clock clock) {
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

    /** The status at {@code at} (YYYY-MM-DD; today by the application clock when absent). */
    @GetMapping("/{id}/status")
    public StatusView status(@PathVariable String id, @RequestParam(required = false) String at) {
        LocalDate day = at == null ? LocalDate.now(clock) : Dates.day("at", at);
        Map<String, DimensionView> dimensions = repository.statusAt(id, day);
        if (dimensions.isEmpty()) {
            throw new UnknownRelationException(id);
        }
        return new StatusView(id, day, dimensions);
    }

    @GetMapping("/{id}/timeline")
    public TimelineView timeline(@PathVariable String id) {
        Map<String, List<SegmentView>> timeline = repository.timeline(id);
        if (timeline.values().stream().allMatch(List::isEmpty)) {
            throw new UnknownRelationException(id);
        }
        return new TimelineView(id, timeline);
    }
}
