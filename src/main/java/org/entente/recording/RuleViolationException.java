package org.entente.recording;

import org.entente.relation.rules.Rejection;

/** The rules refused a recording or a correction; answered 409 with the rule and the blocking facts. */
public class RuleViolationException extends RuntimeException {

    private final Rejection rejection;

    public RuleViolationException(Rejection rejection) {
        super(rejection.reason());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
