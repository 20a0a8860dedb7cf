package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** NATO accredited the partner's representative. */
public record RepresentativeAccredited(String relationId, String factId, ValidDate date, List<Source> sources, String representative) implements HistoricalFact {
}
