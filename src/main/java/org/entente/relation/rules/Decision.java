package org.entente.relation.rules;

import java.util.List;
import org.entente.relation.events.RelationEvent;

/** What decide(command, state) returns: the events to append, nothing (already so), or a rejection. */
public sealed interface Decision {

    List<RelationEvent> events();

    /** The command is accepted; these events are to be appended. */
    record Accepted(List<RelationEvent> events) implements Decision {
    }

    /** The command changes nothing: what it asks for is already recorded, identically. */
    record Unchanged(String reason) implements Decision {
        @Override
        public List<RelationEvent> events() {
            return List.of();
        }
    }

    /** The command is malformed for this relation (e.g. it corrects an unknown fact): {@code field} says where. */
    record Invalid(String field, String reason) implements Decision {
        @Override
        public List<RelationEvent> events() {
            return List.of();
        }
    }

    /** A rule refuses the command; nothing is appended. */
    record Rejected(Rejection rejection) implements Decision {
        @Override
        public List<RelationEvent> events() {
            return List.of();
        }
    }
}
