package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** NATO established the Mediterranean Dialogue, its cooperation framework with Mediterranean states. */
public record MediterraneanDialogueEstablished(String relationId, String factId, ValidDate date, List<Source> sources) implements HistoricalFact {
}
