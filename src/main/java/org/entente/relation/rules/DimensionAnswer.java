package org.entente.relation.rules;

import java.util.List;
import java.util.Map;

/**
 * A dimension's status at a date. When the date falls inside the window of an imprecisely dated change,
 * {@code certain} is false, {@code value} and {@code since} are null, and {@code possibleValues} and
 * {@code window} say what it could be and over which days the change may have happened.
 *
 * @param since the date of the fact that set the value, as precisely as that fact is dated
 * @param facts the ids of the facts that made it so, the one that caused the change first
 */
public record DimensionAnswer(boolean certain, Object value, String since, List<Object> possibleValues,
                              Window window, List<String> facts, Map<String, String> detail) {
}
