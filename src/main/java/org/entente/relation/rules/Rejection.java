package org.entente.relation.rules;

import java.util.List;

/**
 * A fact the rules refuse: which {@link Rule} it breaks, the facts that block it (possibly none when a
 * prerequisite is missing) and a sentence saying why.
 */
public record Rejection(String factId, Rule rule, List<String> blockingFacts, String reason) {

    public Rejection {
        blockingFacts = List.copyOf(blockingFacts);
    }
}
