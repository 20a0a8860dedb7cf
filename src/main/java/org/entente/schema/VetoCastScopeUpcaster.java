package org.entente.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoScope;

/**
 * Reads a revision-1 {@code VetoCast} (stored before vetoes had a scope) as revision 2: a veto then always
 * meant exercises, so the scope becomes {@link VetoScope#EXERCISES}. The stored event is not changed; it is
 * upcast each time it is read.
 */
public class VetoCastScopeUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(VetoCast.class.getName(), null);
    private static final String REVISION_2 = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(VetoCast.class.getName(), REVISION_2), JsonNode.class, payload -> {
            ObjectNode veto = (ObjectNode) payload;
            if (!veto.has("scope")) {
                veto.put("scope", VetoScope.EXERCISES.name());
            }
            return veto;
        });
    }
}
