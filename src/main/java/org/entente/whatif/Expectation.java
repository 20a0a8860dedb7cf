package org.entente.whatif;

import java.time.LocalDate;
import java.util.List;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.Rule;

/** What a scenario file says its run must show; every scenario file is an executable check. */
public sealed interface Expectation {

    int line();

    String field();

    /**
     * The status of a dimension at a date: a {@code value} (a name, or a list for list dimensions), or
     * {@code certain: false} with optional {@code possibleValues}.
     */
    record StatusIs(Dimension dimension, LocalDate at, Object value, Boolean certain, List<Object> possibleValues,
                    int line, String field) implements Expectation {
    }

    /** The fact is rejected by the rule. */
    record Rejected(String factId, Rule rule, int line, String field) implements Expectation {
    }

    /** The fact is accepted. */
    record Accepted(String factId, int line, String field) implements Expectation {
    }

    /** The first date on which the scenario's status differs from history ({@code null}: never). */
    record FirstDivergence(LocalDate on, int line, String field) implements Expectation {
    }
}
