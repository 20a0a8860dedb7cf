package org.entente.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.RelationOpened;
import org.entente.relation.rules.Judgement;
import org.entente.relation.rules.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the point-in-time status from the event stream. Each fact is copied into {@code fact_view};
 * once per batch, every relation that received facts is folded through the rules ({@link Timeline#judge})
 * and its dimension segments are rewritten, so that a status query is a lookup, never a replay.
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
    void on(HistoricalFact fact, TrackingToken token) {
        repository.saveFact(fact, token.position().orElseThrow());
        dirtyRelations().add(fact.relationId());
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
        List<HistoricalFact> facts = repository.facts(relationId);
        Judgement judgement = Timeline.judge(facts);
        if (!judgement.rejected().isEmpty()) {
            log.warn("relation {}: stored facts the rules now refuse are left out of the status: {}", relationId, judgement.rejected());
        }
        Map<String, HistoricalFact> byId = new HashMap<>();
        facts.forEach(f -> byId.put(f.factId(), f));
        List<StatusRepository.SegmentRow> rows = new ArrayList<>();
        judgement.status().segments().forEach((dimension, segments) -> segments.forEach(segment -> rows.add(
                new StatusRepository.SegmentRow(dimension, segment.from(), segment.to(), DimensionView.of(segment.answer(), byId::get)))));
        repository.replaceSegments(relationId, rows, facts.size());
    }
}
