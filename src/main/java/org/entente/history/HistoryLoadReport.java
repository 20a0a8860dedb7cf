package org.entente.history;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.relation.rules.Rejection;
import org.springframework.stereotype.Component;

/** What the last load of the history file did, per relation; shown by {@code GET /api/relations/{id}}. */
@Component
public class HistoryLoadReport {

    /**
     * @param recorded        facts newly recorded by this load
     * @param alreadyRecorded facts found recorded identically (nothing to do)
     * @param refused         facts not applied: changed in the file since they were recorded, or refused by a rule
     */
    public record RelationLoad(String file, int recorded, int alreadyRecorded, List<Rejection> refused) {
    }

    private final Map<String, RelationLoad> loads = new ConcurrentHashMap<>();

    void put(String relationId, RelationLoad load) {
        loads.put(relationId, load);
    }

    public Optional<RelationLoad> of(String relationId) {
        return Optional.ofNullable(loads.get(relationId));
    }
}
