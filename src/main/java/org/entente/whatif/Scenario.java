package org.entente.whatif;

import java.util.List;

/**
 * A what-if: changes to a relation's recorded timeline, why they are plausible, and what their replay must
 * show. Read from a file of {@code scenarios/} or a request body by {@link ScenarioParser}; {@link #sampling()}
 * makes it a Monte Carlo scenario.
 */
public record Scenario(String file, String id, String title, String relation, String rationale, List<Change> changes,
                       List<Expectation> expectations, Sampling sampling) {

    /** A scenario without uncertain changes or sampling. */
    public Scenario(String file, String id, String title, String relation, String rationale, List<Change> changes,
                    List<Expectation> expectations) {
        this(file, id, title, relation, rationale, changes, expectations, null);
    }

    /** True when the scenario is to be sampled (it has a {@code montecarlo} section). */
    public boolean sampled() {
        return sampling != null;
    }
}
