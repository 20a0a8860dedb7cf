package org.entente.relation.commands;

import java.util.List;
import org.entente.relation.events.HistoricalFact;

/**
 * Record many facts of one relation at once, all or none (used to load long histories in batches). The
 * facts must come in valid order, after everything already recorded.
 */
public record RecordFacts(String relationId, List<HistoricalFact> facts) implements RelationCommand {
}
