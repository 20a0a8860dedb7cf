package org.entente.relation.rules;

/** The rules a fact must satisfy to enter a relation's history. Each rejection names one of them. */
public enum Rule {
    DIALOGUE_ESTABLISHED_FIRST("A Mediterranean Dialogue partnership cannot begin before NATO has established the Dialogue."),
    PARTNER_STATUS_REQUIRED("Exercises, operations, a headquarters office, agreements and NATO tenders require partner status."),
    NO_VETO_IN_FORCE("Nothing a member's veto in force covers can happen while the veto stands."),
    VETO_BY_MEMBER_ONLY("Only a state that is a NATO member at that date can cast a veto."),
    LIFT_ONLY_VETO_IN_FORCE("Only a veto that is in force can be lifted."),
    OFFICE_BEFORE_ACCREDITATION("A representative can be accredited only once a headquarters office is authorised."),
    MEMBERSHIP_CONDITIONS_MET("Accession to NATO requires every stated membership condition to be met."),
    FACT_RECORDED_ONCE("A fact id is recorded once; a changed fact is a correction, not a second recording.");

    private final String statement;

    Rule(String statement) {
        this.statement = statement;
    }

    /** The rule in one sentence. */
    public String statement() {
        return statement;
    }
}
