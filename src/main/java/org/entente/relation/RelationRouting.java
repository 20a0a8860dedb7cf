package org.entente.relation;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.entente.relation.commands.RelationCommand;

/** Commands are plain records without Axon annotations; this routes each to the relation it names. */
public final class RelationRouting {

    private RelationRouting() {
    }

    public static CommandTargetResolver targetResolver() {
        return command -> new VersionedAggregateIdentifier(((RelationCommand) command.getPayload()).relationId(), null);
    }
}
