package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.relation.facts.FactCatalog;

/** How a correction revises a fact. */
public final class Corrections {

    private Corrections() {
    }

    /** The fact as the correction makes it (for a retraction, the fact unchanged: the caller drops it). */
    public static HistoricalFact revise(HistoricalFact fact, FactCorrected correction) {
        if (correction.retracted()) {
            return fact;
        }
        Map<String, Object> description = FactCatalog.describe(fact);
        if (correction.date() != null) {
            description.put("date", correction.date().toString());
        }
        description.putAll(correction.parameters());
        List<Source> sources = new ArrayList<>(fact.sources());
        sources.removeAll(correction.retractedSources());
        for (Source added : correction.addedSources()) {
            if (!sources.contains(added)) {
                sources.add(added);
            }
        }
        description.put("sources", sources.stream().map(FactCatalog::describe).toList());
        return FactCatalog.toFact(fact.relationId(), description);
    }
}
