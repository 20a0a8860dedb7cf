package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** NATO authorised the partner to open an office at its headquarters. */
public record HeadquartersOfficeAuthorized(String relationId, String factId, ValidDate date, List<Source> sources) implements HistoricalFact {
}
