package org.entente.relation.events;

/** What a veto covers; {@link #ALL_COOPERATION} covers everything. */
public enum VetoScope {
    EXERCISES, OFFICE, ALL_COOPERATION;

    /** Whether a veto of this scope blocks cooperation of the given scope. */
    public boolean covers(VetoScope blocked) {
        return this == ALL_COOPERATION || this == blocked;
    }
}
