package org.entente.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A relation's status at one date, dimension by dimension (keys as in
 * {@link org.entente.relation.rules.Dimension#key()}); {@code knownAt}, when asked, is the record time the
 * answer is as of.
 */
public record StatusView(String relation, LocalDate at, Instant knownAt, Map<String, DimensionView> dimensions) {
}
