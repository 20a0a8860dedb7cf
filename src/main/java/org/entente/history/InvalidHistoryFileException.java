package org.entente.history;

/** The history file cannot be read as a valid history; the message names the file, fact and field. */
public class InvalidHistoryFileException extends RuntimeException {
    public InvalidHistoryFileException(String message) {
        super(message);
    }
}
