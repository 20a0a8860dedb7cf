package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** A NATO member vetoed the partner's cooperation within a scope. */
public record VetoCast(String relationId, String factId, ValidDate date, List<Source> sources, String memberState, VetoScope scope) implements HistoricalFact {
}
