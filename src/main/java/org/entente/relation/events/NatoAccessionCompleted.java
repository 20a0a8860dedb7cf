package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** The partner acceded to NATO. */
public record NatoAccessionCompleted(String relationId, String factId, ValidDate date, List<Source> sources) implements HistoricalFact {
}
