package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** The partner's defence industry gained access to tenders: of NATO countries, or of NATO itself. */
public record IndustryAccessWidened(String relationId, String factId, ValidDate date, List<Source> sources, IndustryAccess access) implements HistoricalFact {
}
