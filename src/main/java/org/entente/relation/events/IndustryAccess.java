package org.entente.relation.events;

/** {@link #SUPPLIER}: may bid in tenders of NATO countries; {@link #NATO_TENDERS}: in NATO's own tenders. */
public enum IndustryAccess {
    SUPPLIER, NATO_TENDERS
}
