package org.entente.relation.commands;

import java.util.List;
import java.util.Map;
import org.entente.relation.events.Source;
import org.entente.time.ValidDate;

/**
 * Correct a recorded fact: give it a new date, new parameters, add or retract sources, or retract it.
 * {@code sources} and {@code reason} say why. A correction that makes later recorded facts impossible is
 * refused unless {@code recordAnyway}; then those facts are recorded as contested.
 */
public record CorrectFact(String relationId, String factId, ValidDate date, Map<String, Object> parameters,
                          List<Source> addedSources, List<Source> retractedSources, boolean retract, List<Source> sources,
                          String reason, boolean recordAnyway) implements RelationCommand {
}
