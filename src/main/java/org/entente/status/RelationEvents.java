package org.entente.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.RecordedHistory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A relation's stored events, read from the event table through its aggregate index (relation id, sequence) and
 * deserialised as Axon reads them (older revisions through the upcasters), each with its global sequence. The
 * projection keeps no copy of the events: whenever it needs a relation's history, it reads it here.
 */
@Component
public class RelationEvents {

    private static final int PAGE = 5_000;

    /** A stored event: its position in the whole store, and its payload. */
    public record Stored(long globalSequence, Object payload) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final Map<TypeRevision, Boolean> currentRevision = new ConcurrentHashMap<>();

    /** @param upcasters the application's upcasters, in their order */
    public RelationEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, List<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        // a chain among them would repeat the others
        this.upcasters = new EventUpcasterChain(upcasters.stream().filter(u -> !(u instanceof EventUpcasterChain)).toList());
    }

    /** Every stored event of the relation, in its stream's order. */
    public List<Stored> all(String relationId) {
        return upTo(relationId, Long.MAX_VALUE);
    }

    /** The relation's stored events with a global sequence up to {@code lastGlobalSequence}, in its stream's order. */
    public List<Stored> upTo(String relationId, long lastGlobalSequence) {
        List<Stored> events = new ArrayList<>();
        long afterSequence = -1;
        while (true) {
            // ORDER BY both columns of the aggregate index: by sequence_number alone, H2 read the whole page and sorted it
            List<Row> page = jdbc.query("SELECT global_index, sequence_number, payload_type, payload_revision, payload"
                    + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number > ? AND global_index <= ?"
                    + " ORDER BY aggregate_identifier, sequence_number LIMIT " + PAGE,
                    (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBytes(5)),
                    relationId, afterSequence, lastGlobalSequence);
            if (page.stream().allMatch(row -> atCurrentRevision(row.type(), row.revision()))) {
                for (Row row : page) {
                    events.add(new Stored(row.globalSequence(), serializer.deserialize(
                            new SimpleSerializedObject<>(row.payload(), byte[].class, row.type(), row.revision()))));
                }
            } else {
                events.addAll(upcast(relationId, afterSequence, lastGlobalSequence));
            }
            if (page.size() < PAGE) {
                return events;
            }
            afterSequence = page.get(page.size() - 1).sequence();
        }
    }

    private record Row(long globalSequence, long sequence, String type, String revision, byte[] payload) {
    }

    private record TypeRevision(String type, String revision) {
    }

    /**
     * True when events of this stored type and revision are read as they are: their class exists and is at that
     * revision. Upcasters lift older revisions (or renamed types) to the current ones, so none applies to such an
     * event, and deserialising it directly gives what Axon's read gives, without its cost per event.
     */
    private boolean atCurrentRevision(String type, String revision) {
        TypeRevision key = new TypeRevision(type, revision);
        Boolean current = currentRevision.get(key); // get first: computeIfAbsent locked the entry for the other readers
        if (current == null) {
            Class<?> payloadClass = serializer.classForType(new SimpleSerializedType(type, revision));
            current = !UnknownSerializedType.class.equals(payloadClass)
                    && Objects.equals(serializer.typeForClass(payloadClass).getRevision(), revision);
            currentRevision.put(key, current);
        }
        return current;
    }

    /** A page holding an older revision: read in full and upcast exactly as Axon reads it (upcasters may look at neighbours). */
    private List<Stored> upcast(String relationId, long afterSequence, long lastGlobalSequence) {
        Map<Long, Long> globalSequenceOf = new HashMap<>();
        List<DomainEventData<?>> page = jdbc.query("SELECT global_index, type, sequence_number, event_identifier, time_stamp,"
                + " payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number > ? AND global_index <= ?"
                + " ORDER BY aggregate_identifier, sequence_number LIMIT " + PAGE, (rs, i) -> {
                    globalSequenceOf.put(rs.getLong(3), rs.getLong(1));
                    return new GenericDomainEventEntry<>(rs.getString(2), relationId, rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9));
                }, relationId, afterSequence, lastGlobalSequence);
        List<Stored> events = new ArrayList<>(page.size());
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(page.stream(), serializer, upcasters);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events.add(new Stored(globalSequenceOf.get(message.getSequenceNumber()), message.getPayload()));
        }
        return events;
    }

    /** The relation's facts and corrections folded in recorded order (its other events, such as its opening, skipped). */
    public static RecordedHistory history(List<Stored> events) {
        RecordedHistory history = new RecordedHistory();
        for (Stored event : events) {
            if (event.payload() instanceof HistoricalFact fact) {
                history.append(fact);
            } else if (event.payload() instanceof FactCorrected correction) {
                history.correct(correction);
            }
        }
        return history;
    }

    /** The facts and corrections among the events, for the step-through. */
    public static List<StatusRepository.RecordedEvent> recorded(List<Stored> events) {
        List<StatusRepository.RecordedEvent> recorded = new ArrayList<>();
        for (Stored event : events) {
            if (event.payload() instanceof HistoricalFact fact) {
                recorded.add(new StatusRepository.RecordedEvent(event.globalSequence(), fact.factId(), fact));
            } else if (event.payload() instanceof FactCorrected correction) {
                recorded.add(new StatusRepository.RecordedEvent(event.globalSequence(), correction.factId(), correction));
            }
        }
        return recorded;
    }
}
