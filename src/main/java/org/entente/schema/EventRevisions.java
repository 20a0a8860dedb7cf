package org.entente.schema;

import java.util.Map;
import org.axonframework.serialization.RevisionResolver;
import org.entente.relation.events.VetoCast;

/**
 * The revision of each event type's stored form, kept here rather than as annotations so that the events
 * stay free of Axon. A type not listed is at revision 1 (stored without a revision).
 *
 * <p>History of revisions:
 * <ul>
 *   <li>{@code VetoCast} 2: a veto has a {@code scope} (EXERCISES, OFFICE, ALL_COOPERATION). Revision 1 had
 *       none: every veto was a veto of exercises. {@link VetoCastScopeUpcaster} reads revision 1.</li>
 * </ul>
 */
public final class EventRevisions implements RevisionResolver {

    static final Map<Class<?>, String> CURRENT = Map.of(VetoCast.class, "2");

    @Override
    public String revisionOf(Class<?> payloadType) {
        return CURRENT.get(payloadType);
    }
}
