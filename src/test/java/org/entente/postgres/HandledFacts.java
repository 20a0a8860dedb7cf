package org.entente.postgres;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.entente.relation.events.HistoricalFact;
import org.entente.status.StatusProjection;

/**
 * A test probe in the status projection's processing group: which facts this node's status processor handled,
 * counted only once the batch that handled them (with its token) has committed. Registered as a source of a
 * node's application context (it has no stereotype, so component scanning never picks it up elsewhere).
 */
@ProcessingGroup(StatusProjection.PROCESSING_GROUP)
public class HandledFacts {

    private final List<String> committed = new ArrayList<>();

    @EventHandler
    void on(HistoricalFact fact) {
        String key = fact.relationId() + "/" + fact.factId();
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            synchronized (committed) {
                committed.add(key);
            }
        });
    }

    /** "relation/fact" for every fact handled and committed on this node, in order, repeats included. */
    public List<String> committed() {
        synchronized (committed) {
            return List.copyOf(new ArrayList<>(committed));
        }
    }
}
