package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** NATO stated the conditions under which the partner could become a member; they replace any stated before. */
public record MembershipConditionsStated(String relationId, String factId, ValidDate date, List<Source> sources, String statedBy, List<MembershipCondition> conditions) implements HistoricalFact {
}
