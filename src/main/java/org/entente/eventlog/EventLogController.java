package org.entente.eventlog;

import java.util.List;
import org.entente.api.UnknownRelationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The event store view: a relation's stored events, in order. */
@RestController
@RequestMapping("/api/relations")
public class EventLogController {

    private final EventLog eventLog;

    public EventLogController(EventLog eventLog) {
        this.eventLog = eventLog;
    }

    @GetMapping("/{id}/events")
    public List<StoredEvent> events(@PathVariable String id) {
        List<StoredEvent> events = eventLog.events(id);
        if (events.isEmpty()) {
            throw new UnknownRelationException(id);
        }
        return events;
    }
}
