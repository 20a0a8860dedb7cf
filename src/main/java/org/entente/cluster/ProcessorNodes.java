package org.entente.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.lifecycle.Phase;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nodes sharing this database, so that each streaming processor's segments are shared fairly among them.
 *
 * <p>Every node writes a heartbeat into {@code processor_node} (every third of the claim timeout) and deletes
 * its row when it stops. A node is live while its heartbeat is younger than the token claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}), the same time after which Axon lets another node take
 * over its unrefreshed claims. {@link #fairShare} is Axon's {@code MaxSegmentProvider}: a node may hold
 * {@code ceil(segments / live nodes)} segments. Axon's coordinator asks it at every claim round and releases
 * the segments above it, so a node that joins gets its share, and when a node leaves (or stops heart-beating)
 * the others' share grows to take over its segments.
 *
 * <p>Liveness is judged with the nodes' clocks, as Axon judges its token claims: they must agree to well within
 * the claim timeout.
 */
@Component
public class ProcessorNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorNodes.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String nodeId;
    private final Duration liveness;
    private ScheduledExecutorService heartbeats;

    public ProcessorNodes(JdbcTemplate jdbc, Clock clock, NodeIdentity node, TokenStoreProperties tokenStore) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nodeId = node.id();
        this.liveness = tokenStore.getClaimTimeout();
    }

    /** The most segments of {@code processor} this node may claim: its fair share among the live nodes. */
    public int fairShare(String processor) {
        try {
            Integer segments = jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?",
                    Integer.class, processor);
            if (segments == null || segments == 0) {
                return Short.MAX_VALUE; // not initialised yet: the first node creates (and claims) them all
            }
            int nodes = liveNodes();
            return (segments + nodes - 1) / nodes;
        } catch (RuntimeException e) {
            log.warn("cannot count the live nodes; node {} may claim every segment of '{}' meanwhile", nodeId, processor, e);
            return Short.MAX_VALUE;
        }
    }

    /** The nodes with a heartbeat younger than the claim timeout, this one always included. */
    public int liveNodes() {
        long since = clock.millis() - liveness.toMillis();
        Integer others = jdbc.queryForObject("SELECT COUNT(*) FROM processor_node WHERE heartbeat_at >= ? AND node_id <> ?",
                Integer.class, since, nodeId);
        return 1 + (others == null ? 0 : others);
    }

    void heartbeat() {
        try {
            long now = clock.millis();
            if (jdbc.update("UPDATE processor_node SET heartbeat_at = ? WHERE node_id = ?", now, nodeId) == 0) {
                jdbc.update("INSERT INTO processor_node (node_id, heartbeat_at) VALUES (?, ?)", nodeId, now);
            }
        } catch (RuntimeException e) {
            log.warn("node {}: heartbeat not written", nodeId, e);
        }
    }

    // --- lifecycle: heart-beating before Axon's processors start, until after they have stopped ---------------

    @Override
    public synchronized void start() {
        heartbeat();
        long period = Math.max(100, liveness.toMillis() / 3);
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "node-heartbeat[" + nodeId + "]");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
            heartbeats = null;
            try {
                jdbc.update("DELETE FROM processor_node WHERE node_id = ?", nodeId);
            } catch (RuntimeException e) {
                log.warn("node {}: not removed from processor_node; the others will notice once its heartbeat is old", nodeId, e);
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeats != null;
    }

    @Override
    public int getPhase() {
        return Phase.INBOUND_EVENT_CONNECTORS - 1;
    }
}
