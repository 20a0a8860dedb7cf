package org.entente.status;

import java.util.List;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.time.Precision;

/** A fact as an answer cites it: id, type, date with its precision, and sources. */
public record FactRef(String id, String type, String date, Precision precision, List<Source> sources) {

    public static FactRef of(HistoricalFact fact) {
        return new FactRef(fact.factId(), fact.type(), fact.date().toString(), fact.date().precision(), fact.sources());
    }
}
