package org.entente.replay;

import java.util.Collection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.status.StatusProjection;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the status projection from the event store: stop its processor, reset its tokens (the
 * projection's {@code @ResetHandler} empties its tables), start it again. The processor then replays every
 * stored event through the same handlers that built the projection live.
 */
@Service
public class ProjectionReplay {

    /**
     * Where the processor stands: caught up once this node holds every segment ({@code claimedSegments} of
     * {@code segments}) and has handled every event up to the store's head.
     */
    public record ProjectionStatus(String processor, boolean running, boolean replaying, boolean caughtUp,
                                   long position, long head, int claimedSegments, int segments) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokens;

    public ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokens) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokens = tokens;
    }

    /**
     * The reset claims every segment in one transaction. When other nodes sharing the database hold some of them,
     * it fails and rolls back whole: the replay is refused, and this node's processor runs on as before.
     */
    public synchronized ProjectionStatus replay() {
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            throw new ReplayRefusedException("cannot replay '" + StatusProjection.PROCESSING_GROUP + "' from this node: another"
                    + " node holds some of its segments (token_entry.owner). Nothing was changed. Stop the other nodes (or"
                    + " their '" + StatusProjection.PROCESSING_GROUP + "' processor) and replay again.", e);
        } finally {
            processor.start();
        }
        return status();
    }

    public ProjectionStatus status() {
        StreamingEventProcessor processor = processor();
        long head = position(eventStore.createHeadToken());
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.isEmpty() ? -1
                : segments.stream().mapToLong(s -> position(s.getCurrentPosition().isPresent() ? s.getTrackingToken() : null)).min().orElse(-1);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        // A segment still claimed by another owner (e.g. a process that was killed, until its claim times out) is
        // missing from this node's status: the events of that segment may not be handled yet.
        int stored = tokens.fetchSegments(StatusProjection.PROCESSING_GROUP).length;
        // Axon may keep a replay token marked "replaying" until an event newer than the reset arrives,
        // so being caught up is judged by position, not by that flag.
        boolean caughtUp = !segments.isEmpty() && segments.size() >= stored && position >= head
                && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ProjectionStatus(StatusProjection.PROCESSING_GROUP, processor.isRunning(), replaying, caughtUp, position, head,
                segments.size(), stored);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(StatusProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor '" + StatusProjection.PROCESSING_GROUP + "'"));
    }
}
