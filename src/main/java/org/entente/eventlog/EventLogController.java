package org.entente.eventlog;

import java.time.Instant;
import java.util.List;
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
public class EventLogController {

    private final EventLog eventLog;

    public EventLogController(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    /** The stored events in order; with {@code knownAt} (an instant), only those recorded by then. */
    @GetMapping("/{id}/events")
    public List<StoredEvent> events(@PathVariable String id, @RequestParam(required = false) String knownAt) {
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
