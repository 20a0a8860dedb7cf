package org.entente.status;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.RelationOpened;
import org.entente.relation.rules.RecordedHistory;
import org.springframework.stereotype.Service;

/**
 * A relation's history as the store knew it at an instant: the events recorded (Axon's event timestamp, the
 * record time) at or before it, read from the event store through its upcasters. This is what a
 * {@code knownAt} query answers from; plain queries use the projection.
 */
@Service
public class HistoryAsKnown {

    private final EventStore eventStore;

    public HistoryAsKnown(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The history recorded by {@code knownAt}, or empty when the relation was not yet opened then. */
    public Optional<RecordedHistory> at(String relationId, Instant knownAt) {
        DomainEventStream stream = eventStore.readEvents(relationId);
        RecordedHistory history = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(knownAt)) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof RelationOpened) {
                history = new RecordedHistory();
            } else if (payload instanceof HistoricalFact fact) {
                history.append(fact);
            } else if (payload instanceof FactCorrected correction) {
                history.correct(correction);
            }
        }
        return Optional.ofNullable(history);
    }
}
