package org.entente.status;

import java.util.List;

/** A relation in the list of relations. */
public record RelationSummary(String id, String title, List<String> parties, int facts) {
}
