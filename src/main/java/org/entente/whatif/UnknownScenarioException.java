package org.entente.whatif;

/** No shipped scenario has this id; answered 404. */
public class UnknownScenarioException extends RuntimeException {

    private final String scenarioId;

    public UnknownScenarioException(String scenarioId) {
        super("no shipped scenario '" + scenarioId + "'; GET /api/scenarios lists them");
        this.scenarioId = scenarioId;
    }

    public String scenarioId() {
        return scenarioId;
    }
}
