package org.entente.relation.commands;

import org.entente.relation.events.HistoricalFact;

/** Record a fact of the relation's history; the rules decide whether it can have happened. */
public record RecordFact(HistoricalFact fact) implements RelationCommand {

    @Override
    public String relationId() {
        return fact.relationId();
    }
}
