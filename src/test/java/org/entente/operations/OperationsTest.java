package org.entente.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Actuator on the default configuration (H2): health over HTTP, the metrics collected but not exposed. */
class OperationsTest extends ApplicationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void healthIsUpWithTheDatabaseAndTheEventProcessorsWithoutDetails() {
        ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode health = body(response);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db").has("details")).isFalse();
    }

    @Test
    void aStoppedProcessorMakesTheHealthDown() {
        StreamingEventProcessor status = processing.eventProcessor("status", StreamingEventProcessor.class).orElseThrow();
        status.shutDown();
        try {
            ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            JsonNode health = body(response);
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        } finally {
            status.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/actuator/health", String.class).getStatusCode().is2xxSuccessful());
    }

    @Test
    void onlyHealthIsExposedOverHttp() {
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/actuator/loggers", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theStatusProcessorsLagIsCollected() {
        Gauge lag = meters.get("entente.processor.lag").tag("processor", "status").gauge();
        assertThat(lag.value()).isZero(); // the history is projected
        assertThat(meters.get("entente.processor.segments.claimed").tag("processor", "status").gauge().value()).isEqualTo(16);
    }
}
