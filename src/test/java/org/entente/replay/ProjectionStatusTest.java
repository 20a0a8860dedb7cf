package org.entente.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.status.StatusProjection;
import org.junit.jupiter.api.Test;

/**
 * "Caught up" means every segment is handled to the head. After a crash, the dead process's claims stay until
 * they time out, and this node's status lists only the segments it holds: the others may still lag behind.
 */
class ProjectionStatusTest {

    private static final long HEAD = 509;

    private ProjectionReplay replayWith(int claimed, int stored) {
        Map<Integer, EventTrackerStatus> status = new HashMap<>();
        for (int segment = 0; segment < claimed; segment++) {
            EventTrackerStatus tracker = mock(EventTrackerStatus.class);
            when(tracker.getCurrentPosition()).thenReturn(OptionalLong.of(HEAD));
            when(tracker.getTrackingToken()).thenReturn(new GlobalSequenceTrackingToken(HEAD));
            when(tracker.isCaughtUp()).thenReturn(true);
            status.put(segment, tracker);
        }
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.processingStatus()).thenReturn(status);
        when(processor.isRunning()).thenReturn(true);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessor(StatusProjection.PROCESSING_GROUP, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        EventStore events = mock(EventStore.class);
        when(events.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(HEAD));
        TokenStore tokens = mock(TokenStore.class);
        when(tokens.fetchSegments(StatusProjection.PROCESSING_GROUP)).thenReturn(new int[stored]);
        return new ProjectionReplay(processing, events, tokens, null, null, null);
    }

    @Test
    void allSegmentsAtTheHeadAreCaughtUp() {
        ProjectionReplay.ProjectionStatus status = replayWith(16, 16).status();
        assertThat(status.caughtUp()).isTrue();
        assertThat(status.claimedSegments()).isEqualTo(16);
    }

    @Test
    void aSegmentStillClaimedByAKilledProcessIsNotCaughtUp() {
        ProjectionReplay.ProjectionStatus status = replayWith(15, 16).status();
        assertThat(status.caughtUp()).isFalse();
        assertThat(status.claimedSegments()).isEqualTo(15);
        assertThat(status.segments()).isEqualTo(16);
    }
}
