package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** A source attests that a state was a NATO member by this date (its accession is not dated in the sources). */
public record NatoMembershipAttested(String relationId, String factId, ValidDate date, List<Source> sources, String state) implements HistoricalFact {
}
