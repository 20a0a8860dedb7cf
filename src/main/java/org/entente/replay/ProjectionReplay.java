package org.entente.replay;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.status.ProjectionRebuild;
import org.entente.status.StatusProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the status projection from the event store. The processor is stopped and its tokens are reset to the
 * first event (claiming every segment; the projection's {@code @ResetHandler} empties its tables); then
 * {@link ProjectionRebuild} projects every stored event up to the head in bulk, in the background; only then are
 * the tokens moved to the head, and the processor starts again, handling only what was recorded since. Should the
 * bulk rebuild fail, or this process die during it, the tokens still stand at the first event and the processor
 * replays everything through its handlers, as it would without the bulk rebuild.
 */
@Service
public class ProjectionReplay {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    /** How far back from the head an index not yet committed is still waited for (Axon's default maxGapOffset). */
    private static final int GAP_WINDOW = 10_000;

    /**
     * Where the processor stands: caught up once this node holds every segment ({@code claimedSegments} of
     * {@code segments}) and has handled every event up to the store's head. While a bulk rebuild runs, it is
     * replaying and not caught up.
     */
    public record ProjectionStatus(String processor, boolean running, boolean replaying, boolean caughtUp,
                                   long position, long head, int claimedSegments, int segments) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokens;
    private final ProjectionRebuild rebuild;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean rebuilding;

    public ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokens,
                            ProjectionRebuild rebuild, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokens = tokens;
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.transaction = transactions == null ? null : new TransactionTemplate(transactions);
    }

    /**
     * The reset claims every segment in one transaction. When other nodes sharing the database hold some of them,
     * it fails and rolls back whole: the replay is refused, and this node's processor runs on as before.
     */
    public synchronized ProjectionStatus replay() {
        if (rebuilding) {
            throw new ReplayRefusedException("a replay of '" + StatusProjection.PROCESSING_GROUP + "' is already running on this"
                    + " node; watch GET /api/admin/projections/status until it is caught up", null);
        }
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        GapAwareTrackingToken head;
        try {
            head = headOfStore();
            // from the first event: should this process die during the bulk rebuild, the processor replays it all
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw new ReplayRefusedException("cannot replay '" + StatusProjection.PROCESSING_GROUP + "' from this node: another"
                    + " node holds some of its segments (token_entry.owner). Nothing was changed. Stop the other nodes (or"
                    + " their '" + StatusProjection.PROCESSING_GROUP + "' processor) and replay again.", e);
        } catch (RuntimeException e) {
            processor.start();
            throw e;
        }
        if (head == null) {
            processor.start();
            return status();
        }
        rebuilding = true;
        worker.execute(() -> rebuildThenStart(processor, head));
        return status();
    }

    private void rebuildThenStart(StreamingEventProcessor processor, GapAwareTrackingToken head) {
        try {
            long started = System.nanoTime();
            long[] claimsExtended = {started};
            long events = rebuild.rebuildUpTo(head.getIndex(), () -> {
                // the processor is stopped, so its claims are not renewed: renew them, lest another node take them over
                if (System.nanoTime() - claimsExtended[0] > 1_000_000_000L) {
                    extendClaims();
                    claimsExtended[0] = System.nanoTime();
                }
            });
            // all rows are written: the processor goes on from the head (this node still holds every claim)
            transaction.executeWithoutResult(status -> {
                for (int segment : tokens.fetchSegments(StatusProjection.PROCESSING_GROUP)) {
                    tokens.storeToken(head, StatusProjection.PROCESSING_GROUP, segment);
                }
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("projection '{}' rebuilt in bulk from {} events up to global index {} in {} s ({} events/s)",
                    StatusProjection.PROCESSING_GROUP, events, head.getIndex(), String.format("%.1f", seconds),
                    String.format("%.0f", events / seconds));
        } catch (RuntimeException e) {
            // the tokens still stand at the first event: the processor replays every event itself
            log.error("the bulk rebuild of '{}' failed; its processor replays every event instead", StatusProjection.PROCESSING_GROUP, e);
        } finally {
            rebuilding = false;
            processor.start();
        }
    }

    private void extendClaims() {
        for (int segment : tokens.fetchSegments(StatusProjection.PROCESSING_GROUP)) {
            try {
                tokens.extendClaim(StatusProjection.PROCESSING_GROUP, segment);
            } catch (UnableToClaimTokenException e) {
                log.warn("segment {} of '{}' was claimed by another node during the rebuild", segment, StatusProjection.PROCESSING_GROUP);
            }
        }
    }

    /**
     * The position after the last stored event, as a gap-aware token: indexes of the last {@value #GAP_WINDOW} not in
     * the table (a transaction that has not committed yet, or never will) are gaps, which the processor still
     * handles should they appear. Null when the store is empty.
     */
    private GapAwareTrackingToken headOfStore() {
        Long last = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        if (last == null) {
            return null;
        }
        long from = Math.max(1, last - GAP_WINDOW + 1);
        List<Long> present = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index >= ? AND global_index <= ?",
                Long.class, from, last);
        Set<Long> stored = new HashSet<>(present);
        Set<Long> gaps = new TreeSet<>();
        for (long index = from; index < last; index++) {
            if (!stored.contains(index)) {
                gaps.add(index);
            }
        }
        return GapAwareTrackingToken.newInstance(last, gaps);
    }

    public ProjectionStatus status() {
        StreamingEventProcessor processor = processor();
        long head = position(eventStore.createHeadToken());
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = segments.isEmpty() ? -1
                : segments.stream().mapToLong(s -> position(s.getCurrentPosition().isPresent() ? s.getTrackingToken() : null)).min().orElse(-1);
        boolean bulk = rebuilding;
        boolean replaying = bulk || segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        // A segment still claimed by another owner (e.g. a process that was killed, until its claim times out) is
        // missing from this node's status: the events of that segment may not be handled yet.
        int stored = tokens.fetchSegments(StatusProjection.PROCESSING_GROUP).length;
        // Axon may keep a replay token marked "replaying" until an event newer than the reset arrives,
        // so being caught up is judged by position, not by that flag.
        boolean caughtUp = !bulk && !segments.isEmpty() && segments.size() >= stored && position >= head
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
