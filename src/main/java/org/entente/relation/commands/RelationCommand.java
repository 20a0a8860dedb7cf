package org.entente.relation.commands;

/** A request to change a relation's history; routed to the relation with this id. */
public sealed interface RelationCommand permits OpenRelation, RecordFact, RecordFacts, CorrectFact {

    String relationId();
}
