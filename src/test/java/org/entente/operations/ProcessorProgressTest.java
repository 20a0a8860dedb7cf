package org.entente.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/** The lag is measured from the store's head to the slowest segment this node holds. */
class ProcessorProgressTest {

    private final EventStore store = mock(EventStore.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final ProcessorProgress progress;

    ProcessorProgressTest() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("status", processor));
        when(store.createHeadToken()).thenReturn(GapAwareTrackingToken.newInstance(120, List.of()));
        when(processor.isRunning()).thenReturn(true);
        progress = new ProcessorProgress(processing, store);
    }

    @Test
    void theLagIsTheDistanceOfTheSlowestClaimedSegmentFromTheHead() {
        holding(Map.of(0, at(120), 1, at(95), 2, at(118)));

        assertThat(progress.lag("status")).isEqualTo(25);
        ProcessorProgress.Progress status = progress.of("status", processor);
        assertThat(status.claimedSegments()).isEqualTo(3);
        assertThat(status.erroredSegments()).isZero();
    }

    @Test
    void aSegmentWithoutPositionYetIsBehindEverything() {
        holding(Map.of(0, at(120), 1, unstarted()));

        assertThat(progress.lag("status")).isEqualTo(121);
    }

    @Test
    void caughtUpOrHoldingNoSegmentIsNoLag() {
        holding(Map.of(0, at(120), 1, at(120)));
        assertThat(progress.lag("status")).isZero();

        holding(Map.of());
        assertThat(progress.lag("status")).isZero();
        assertThat(progress.lag("no-such-processor")).isZero();
    }

    private void holding(Map<Integer, EventTrackerStatus> segments) {
        when(processor.processingStatus()).thenReturn(segments);
    }

    private static EventTrackerStatus at(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }

    private static EventTrackerStatus unstarted() {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.empty());
        return status;
    }
}
