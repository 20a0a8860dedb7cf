package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** A state was admitted to NATO. */
public record NatoMemberAdmitted(String relationId, String factId, ValidDate date, List<Source> sources, String state) implements HistoricalFact {
}
