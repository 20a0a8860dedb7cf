package org.entente.relation.facts;

/** A fact description that cannot become a fact; names the fact and the field at fault. */
public class InvalidFactException extends IllegalArgumentException {

    private final String factId;
    private final String field;

    public InvalidFactException(String factId, String field, String message) {
        super((factId == null ? "fact" : "fact '" + factId + "'") + ", field '" + field + "': " + message);
        this.factId = factId;
        this.field = field;
    }

    public String factId() {
        return factId;
    }

    public String field() {
        return field;
    }
}
