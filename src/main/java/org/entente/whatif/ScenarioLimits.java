package org.entente.whatif;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits on a scenario run through the API ({@code entente.scenarios.*}). */
@ConfigurationProperties("entente.scenarios")
public record ScenarioLimits(String location, int maxChanges, int maxFacts, Duration maxRunTime, int maxSamples) {
}
