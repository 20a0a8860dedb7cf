package org.entente.relation;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.entente.relation.commands.RelationCommand;

/**
 * Commands are plain records without Axon annotations; this routes each to the relation it names, with the
 * version the sender expects the relation to be at, when it says one (metadata {@value #EXPECTED_VERSION}).
 * Axon then refuses the command with a {@code ConflictingAggregateVersionException} unless the relation's
 * last event has exactly that sequence number.
 */
public final class RelationRouting {

    /** Command metadata: the aggregate version (sequence number of the last event) the sender last saw. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** Result metadata: the relation's version after the command (the sequence number of its last event). */
    public static final String VERSION = "version";

    private RelationRouting() {
    }

    public static CommandTargetResolver targetResolver() {
        return command -> new VersionedAggregateIdentifier(((RelationCommand) command.getPayload()).relationId(),
                expectedVersion(command.getMetaData()));
    }

    static Long expectedVersion(MetaData metaData) {
        Object value = metaData.get(EXPECTED_VERSION);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.valueOf(value.toString());
    }
}
