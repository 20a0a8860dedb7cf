package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** The partner joined the NATO cataloguing system. */
public record CatalogingSystemJoined(String relationId, String factId, ValidDate date, List<Source> sources) implements HistoricalFact {
}
