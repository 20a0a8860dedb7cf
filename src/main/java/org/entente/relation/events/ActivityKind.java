package org.entente.relation.events;

/** What kind of NATO activity an {@link ExerciseJoined} was. */
public enum ActivityKind {
    EXERCISE, OPERATION
}
