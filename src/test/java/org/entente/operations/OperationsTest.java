package org.entente.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Actuator on the default configuration (H2): health over HTTP, the metrics collected but not exposed. */
class OperationsTest extends ApplicationTest {

    @Autowired
    MeterRegistry meters;

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
