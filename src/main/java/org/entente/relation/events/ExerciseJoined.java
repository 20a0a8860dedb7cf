package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/** The partner took part in (or was invited to) a NATO exercise or operation. */
public record ExerciseJoined(String relationId, String factId, ValidDate date, List<Source> sources, String exercise, ActivityKind kind) implements HistoricalFact {
}
