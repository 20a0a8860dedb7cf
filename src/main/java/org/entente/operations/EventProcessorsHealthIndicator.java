package org.entente.operations;

import java.util.Map;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code eventProcessors}: DOWN when a streaming processor on this node is not
 * running or is in error (a segment whose handler keeps failing), UP otherwise. Axon's own actuator support
 * covers only Axon Server's connection, which this application does not use.
 */
@Component
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorProgress progress;

    public EventProcessorsHealthIndicator(ProcessorProgress progress) {
        super("event processors' health check failed");
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean up = true;
        for (Map.Entry<String, StreamingEventProcessor> entry : progress.processors().entrySet()) {
            ProcessorProgress.Progress p = progress.of(entry.getKey(), entry.getValue());
            up &= p.running() && !p.error() && p.erroredSegments() == 0;
            health.withDetail(p.processor(), Map.of("running", p.running(), "error", p.error(),
                    "claimedSegments", p.claimedSegments(), "erroredSegments", p.erroredSegments(), "lag", p.lag()));
        }
        if (up) {
            health.up();
        } else {
            health.down();
        }
    }
}
