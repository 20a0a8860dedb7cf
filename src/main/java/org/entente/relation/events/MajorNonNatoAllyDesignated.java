package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** The partner was designated a major non-NATO ally by a NATO member (a bilateral status: NATO's own rules do not govern it). */
public record MajorNonNatoAllyDesignated(String relationId, String factId, ValidDate date, List<Source> sources, String designatedBy) implements HistoricalFact {
}
