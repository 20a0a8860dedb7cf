package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** A veto in force was lifted; {@code veto} is the fact id of the {@link VetoCast}. */
public record VetoLifted(String relationId, String factId, ValidDate date, List<Source> sources, String veto) implements HistoricalFact {
}
