package org.entente.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Micrometer gauges per streaming processor, tagged {@code processor}:
 * <ul>
 *   <li>{@code entente.processor.lag}: how many positions of the event store's global index the slowest segment
 *   this node holds is behind the head (0 when caught up, or when this node holds none of its segments);</li>
 *   <li>{@code entente.processor.segments.claimed}: the segments this node holds.</li>
 * </ul>
 * Registered once the processors exist (application started). Axon's own Micrometer module
 * ({@code axon-micrometer}) is not used: version 4.13.0 could not be had from Maven Central here.
 */
@Component
class EventProcessorMetrics implements ApplicationListener<ApplicationStartedEvent> {

    private final ProcessorProgress progress;
    private final MeterRegistry registry;

    EventProcessorMetrics(ProcessorProgress progress, MeterRegistry registry) {
        this.progress = progress;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        progress.processors().forEach((name, processor) -> {
            Gauge.builder("entente.processor.lag", () -> progress.lag(name))
                    .description("Global-index positions between the event store's head and this node's slowest segment")
                    .baseUnit("events")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder("entente.processor.segments.claimed", processor, p -> p.processingStatus().size())
                    .description("Segments of the processor claimed by this node")
                    .tag("processor", name)
                    .register(registry);
        });
    }
}
