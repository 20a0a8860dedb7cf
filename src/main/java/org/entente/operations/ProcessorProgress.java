package org.entente.operations;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Where this node's streaming processors stand against the head of the event store. A node sees only the
 * segments it has claimed; the lag of a processor over all nodes is the largest lag any node reports.
 */
@Component
public class ProcessorProgress {

    /** One processor on this node: its claimed segments and how many store positions the slowest is behind. */
    public record Progress(String processor, boolean running, boolean error, int claimedSegments, int erroredSegments,
                           long lag) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProcessorProgress(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** The streaming processors of this application, by name. */
    public Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    public Progress of(String name, StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        int errored = (int) segments.stream().filter(EventTrackerStatus::isErrorState).count();
        long lag = 0;
        if (!segments.isEmpty()) {
            long head = position(eventStore.createHeadToken());
            long slowest = segments.stream()
                    .mapToLong(s -> s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : -1)
                    .min().orElse(head);
            lag = Math.max(0, head - slowest);
        }
        return new Progress(name, processor.isRunning(), processor.isError(), segments.size(), errored, lag);
    }

    /** The lag of one processor, in positions of the global index (0 if this node holds none of its segments). */
    public long lag(String name) {
        StreamingEventProcessor processor = processors().get(name);
        return processor == null ? 0 : of(name, processor).lag();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
