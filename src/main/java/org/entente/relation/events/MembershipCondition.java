package org.entente.relation.events;

/** A condition NATO set for the partner's membership. */
public enum MembershipCondition {
    WITHIN_GEOGRAPHIC_BOUNDS, PEACE_AGREEMENT_WITH_PALESTINIANS, ANOTHER_ARAB_STATE_MEMBER
}
