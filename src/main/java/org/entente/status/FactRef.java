package org.entente.status;

import java.util.List;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.time.Precision;

/**
 * A fact as an answer cites it: id, type, date with its precision, and sources; {@code corrected} when a
 * correction changed it, and {@code contested} (the rule it breaks) when it stands only because a correction
 * was recorded anyway.
 */
public record FactRef(String id, String type, String date, Precision precision, List<Source> sources, Boolean corrected,
                      String contested) {

    public static FactRef of(HistoricalFact fact) {
        return of(fact, false, null);
    }

    public static FactRef of(HistoricalFact fact, boolean corrected, String contestedRule) {
        return new FactRef(fact.factId(), fact.type(), fact.date().toString(), fact.date().precision(), fact.sources(),
                corrected ? Boolean.TRUE : null, contestedRule);
    }
}
