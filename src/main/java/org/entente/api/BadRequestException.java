package org.entente.api;

/** A request parameter or field that is malformed or impossible; answered 400, naming it. */
public class BadRequestException extends RuntimeException {

    private final String parameter;

    public BadRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
