package org.entente.relation.events;

import java.util.List;
import java.util.Map;
import org.entente.time.ValidDate;

/**
 * A recorded fact was corrected. The fact's own event is never changed: this event says what changed —
 * a new {@code date} (null: unchanged), new {@code parameters} (empty: unchanged), sources added or
 * retracted, or the whole fact {@code retracted} — with the correction's own {@code sources} and
 * {@code reason}. {@code contested} lists the facts the corrected history makes impossible, when the
 * correction was recorded anyway; they stay in the history, flagged.
 */
public record FactCorrected(String relationId, String factId, ValidDate date, Map<String, Object> parameters,
                            List<Source> addedSources, List<Source> retractedSources, boolean retracted,
                            List<Source> sources, String reason, List<String> contested) implements RelationEvent {
}
