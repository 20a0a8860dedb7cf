package org.entente.relation.commands;

import java.util.List;

/** Open a relation between two parties, so that its facts can be recorded. */
public record OpenRelation(String relationId, String title, List<String> parties) implements RelationCommand {
}
