package org.entente.api;

/** No relation with this id is known; answered 404. */
public class UnknownRelationException extends RuntimeException {

    private final String relationId;

    public UnknownRelationException(String relationId) {
        super("no relation '" + relationId + "' is known; GET /api/relations lists them");
        this.relationId = relationId;
    }

    public String relationId() {
        return relationId;
    }
}
