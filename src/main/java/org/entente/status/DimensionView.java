package org.entente.status;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.DimensionAnswer;
import org.entente.relation.rules.Window;

/**
 * One dimension's answer in the API: {@code value} and {@code since} when {@code certain}; otherwise the
 * {@code possibleValues} and the {@code window} in which the change happened. {@code facts} made it so.
 */
public record DimensionView(Object value, String since, boolean certain, List<Object> possibleValues, Window window,
                            List<FactRef> facts, Map<String, String> detail) {

    public static DimensionView of(DimensionAnswer answer, Function<String, HistoricalFact> facts) {
        return cite(answer, id -> FactRef.of(facts.apply(id)));
    }

    /** The answer, citing each fact as {@code refs} gives it. */
    public static DimensionView cite(DimensionAnswer answer, Function<String, FactRef> refs) {
        return new DimensionView(answer.value(), answer.since(), answer.certain(), answer.possibleValues(), answer.window(),
                answer.facts().stream().map(refs).toList(), answer.detail().isEmpty() ? null : answer.detail());
    }
}
