package org.entente.whatif;

/** A scenario that cannot be run as written: names the file, the line and the field at fault. */
public class InvalidScenarioException extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;

    public InvalidScenarioException(String file, int line, String field, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
