package org.entente.whatif;

import java.time.LocalDate;
import java.util.List;
import org.entente.relation.rules.DimensionAnswer;

/**
 * Over {@code from..to} (inclusive) a dimension answers differently in the scenario than in history;
 * {@code causes} are the changed or rejected facts that made the difference.
 */
public record DiffInterval(LocalDate from, LocalDate to, DimensionAnswer baseline, DimensionAnswer scenario,
                           List<String> causes) {
}
