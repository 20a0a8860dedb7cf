package org.entente.relation.events;

/** Everything that is stored in a relation's event stream. */
public sealed interface RelationEvent permits RelationOpened, HistoricalFact, FactCorrected {

    /** The relation's id, e.g. {@code israel-nato}. */
    String relationId();
}
