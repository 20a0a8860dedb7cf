package org.entente.relation.events;

/** Agreements between the partner and NATO. */
public enum AgreementKind {
    SECURITY_INFORMATION_EXCHANGE, COOPERATION
}
