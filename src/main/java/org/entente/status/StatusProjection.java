package org.entente.status;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.RelationOpened;
import org.entente.relation.rules.RecordedHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the point-in-time status from the event stream. Each event only marks its relation as changed; once per
 * batch, every changed relation's stored history is read from the event table ({@link RelationEvents}), folded
 * through the rules ({@link org.entente.relation.rules.Timeline#judge}) and its dimension segments are
 * rewritten, so that a status query is a lookup, never a replay. Handling an event twice (after a crash, before
 * its token was stored) rewrites the same rows.
 */
@Component
@ProcessingGroup(StatusProjection.PROCESSING_GROUP)
public class StatusProjection {

    public static final String PROCESSING_GROUP = "status";
    private static final Logger log = LoggerFactory.getLogger(StatusProjection.class);
    private static final String DIRTY = StatusProjection.class.getName() + ".dirty";

    private final StatusRepository repository;

    public StatusProjection(StatusRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(RelationOpened opened) {
        repository.saveRelation(opened);
        dirtyRelations().add(opened.relationId());
    }

    @EventHandler
    void on(HistoricalFact fact) {
        dirtyRelations().add(fact.relationId());
    }

    @EventHandler
    void on(FactCorrected correction) {
        dirtyRelations().add(correction.relationId());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** The relations changed in this batch; they are rebuilt once, just before the batch commits. */
    private Set<String> dirtyRelations() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(DIRTY, key -> {
            Set<String> dirty = new LinkedHashSet<>();
            root.onPrepareCommit(u -> dirty.forEach(this::rebuild));
            return dirty;
        });
    }

    private void rebuild(String relationId) {
        RecordedHistory history = repository.history(relationId);
        ReadModel model = new ReadModel(history);
        if (!model.judgement().rejected().isEmpty()) {
            log.warn("relation {}: stored facts the rules now refuse are left out of the status: {}", relationId,
                    model.judgement().rejected());
        }
        repository.replaceSegments(relationId, model.rows(), history.effective().size());
    }
}
