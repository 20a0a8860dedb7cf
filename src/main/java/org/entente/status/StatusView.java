package org.entente.status;

import java.time.LocalDate;
import java.util.Map;

/** A relation's status at one date, dimension by dimension (keys as in {@link org.entente.relation.rules.Dimension#key()}). */
public record StatusView(String relation, LocalDate at, Map<String, DimensionView> dimensions) {
}
