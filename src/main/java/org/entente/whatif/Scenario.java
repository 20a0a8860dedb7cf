package org.entente.whatif;

import java.util.List;

/**
 * A what-if: changes to a relation's recorded timeline, why they are plausible, and what their replay must
 * show. Read from a file of {@code scenarios/} or a request body by {@link ScenarioParser}.
 */
public record Scenario(String file, String id, String title, String relation, String rationale, List<Change> changes,
                       List<Expectation> expectations) {
}
