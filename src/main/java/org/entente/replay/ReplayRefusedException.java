package org.entente.replay;

/** A replay that cannot start here; nothing was changed. */
public class ReplayRefusedException extends RuntimeException {

    public ReplayRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
