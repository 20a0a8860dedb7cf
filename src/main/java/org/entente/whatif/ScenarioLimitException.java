package org.entente.whatif;

/**
 * A well-formed scenario that asks for more than the configured limits allow (changes, facts, samples, run
 * time): answered 422, naming the limit's property, e.g. {@code entente.scenarios.max-changes}.
 */
public class ScenarioLimitException extends InvalidScenarioException {

    private final String limit;

    public ScenarioLimitException(String file, int line, String field, String limit, String message) {
        super(file, line, field, message + " (limit " + limit + ")");
        this.limit = limit;
    }

    /** The configuration property of the limit, e.g. {@code entente.scenarios.max-run-time}. */
    public String limit() {
        return limit;
    }
}
