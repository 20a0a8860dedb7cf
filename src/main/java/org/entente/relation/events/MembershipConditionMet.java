package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** A stated membership condition came to be met. */
public record MembershipConditionMet(String relationId, String factId, ValidDate date, List<Source> sources, MembershipCondition condition) implements HistoricalFact {
}
