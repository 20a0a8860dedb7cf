package org.entente.time;

/** A date that is malformed or cannot exist; the message says which and why. */
public class InvalidDateException extends IllegalArgumentException {
    public InvalidDateException(String message) {
        super(message);
    }
}
