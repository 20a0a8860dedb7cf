package org.entente.relation.rules;

/** One aspect of a relation's status; each has a value at every date. */
public enum Dimension {
    MAJOR_NON_NATO_ALLY("majorNonNatoAlly"),
    MEDITERRANEAN_DIALOGUE("mediterraneanDialogue"),
    EXERCISE_PARTICIPATION("exerciseParticipation"),
    CATALOGING_SYSTEM("catalogingSystem"),
    HEADQUARTERS_OFFICE("headquartersOffice"),
    REPRESENTATION("representation"),
    INDUSTRY_ACCESS("industryAccess"),
    AGREEMENTS("agreements"),
    MEMBERSHIP("membership"),
    MEMBERSHIP_CONDITIONS("membershipConditions");

    private final String key;

    Dimension(String key) {
        this.key = key;
    }

    /** The name used in the API and in scenario files, e.g. {@code exerciseParticipation}. */
    public String key() {
        return key;
    }

    public static Dimension ofKey(String key) {
        for (Dimension d : values()) {
            if (d.key.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + key + "'; known: " + java.util.Arrays.stream(values()).map(Dimension::key).toList());
    }
}
