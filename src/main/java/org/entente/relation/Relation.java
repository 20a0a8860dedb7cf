package org.entente.relation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.entente.relation.commands.CorrectFact;
import org.entente.relation.commands.OpenRelation;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.commands.RecordFacts;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.RelationOpened;
import org.entente.relation.rules.Decision;
import org.entente.relation.rules.RecordedHistory;
import org.entente.relation.rules.RelationDecider;

/**
 * The Axon aggregate of one relation. It holds no rules of its own: each command handler asks
 * {@link RelationDecider} and applies the events it decides; each event sourcing handler evolves the
 * {@link RecordedHistory}. A handler returns the {@link Decision}, so a rejection reaches the caller as a
 * value naming the rule and the blocking facts, and the relation's version after it as result metadata.
 */
@Aggregate(commandTargetResolver = "relationCommandTargetResolver")
public class Relation {

    @AggregateIdentifier
    private String relationId;
    private RecordedHistory history;

    protected Relation() {
        // Axon rebuilds the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandResultMessage<Decision> handle(OpenRelation command) {
        return applied(RelationDecider.decide(command, relationId != null));
    }

    @CommandHandler
    public CommandResultMessage<Decision> handle(RecordFact command) {
        return applied(RelationDecider.decide(command, history));
    }

    @CommandHandler
    public CommandResultMessage<Decision> handle(RecordFacts command) {
        return applied(RelationDecider.decide(command, history));
    }

    @CommandHandler
    public CommandResultMessage<Decision> handle(CorrectFact command) {
        return applied(RelationDecider.decide(command, history));
    }

    /**
     * Applies the decided events; the result is the decision, with the relation's version after it (the sequence
     * number of its last event) in the metadata {@value RelationRouting#VERSION}, for the API's ETag.
     */
    private static CommandResultMessage<Decision> applied(Decision decision) {
        decision.events().forEach(event -> apply(event));
        Long version = AggregateLifecycle.getVersion();
        MetaData metaData = version == null ? MetaData.emptyInstance() : MetaData.with(RelationRouting.VERSION, version);
        return new GenericCommandResultMessage<>(decision, metaData);
    }

    @EventSourcingHandler
    void on(RelationOpened event) {
        relationId = event.relationId();
        history = new RecordedHistory();
    }

    @EventSourcingHandler
    void on(HistoricalFact fact) {
        history.append(fact);
    }

    @EventSourcingHandler
    void on(FactCorrected correction) {
        history.correct(correction);
    }
}
