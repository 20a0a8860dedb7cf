package org.entente.relation.rules;

import java.util.List;
import java.util.Map;

/**
 * A dimension's value in a state: a name such as {@code VETOED} (or a list, for agreements), the facts
 * that hold it there, and details such as {@code vetoedBy}.
 */
public record DimensionValue(Object value, List<String> facts, Map<String, String> detail) {

    static DimensionValue of(Object value, List<String> facts) {
        return new DimensionValue(value, facts, Map.of());
    }

    static DimensionValue none(String value) {
        return new DimensionValue(value, List.of(), Map.of());
    }

    /** Same value and details; which facts support it does not make it a different value. */
    public boolean sameAs(DimensionValue other) {
        return value.equals(other.value) && detail.equals(other.detail);
    }
}
