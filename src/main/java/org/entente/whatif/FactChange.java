package org.entente.whatif;

/** What a scenario did to a fact. */
public enum FactChange {
    REMOVED, ADDED, REDATED, CHANGED, REDATED_AND_CHANGED
}
