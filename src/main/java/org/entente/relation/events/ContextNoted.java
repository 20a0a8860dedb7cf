package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** A dated fact that gives context but changes no status. */
public record ContextNoted(String relationId, String factId, ValidDate date, List<Source> sources, String summary) implements HistoricalFact {
}
