package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** The partner joined the Mediterranean Dialogue and became a NATO partner. */
public record MediterraneanDialogueJoined(String relationId, String factId, ValidDate date, List<Source> sources) implements HistoricalFact {
}
