package org.entente.time;

/** How precisely the source dates a fact: "In 1995" is a {@link #YEAR}, "In December 1987" a {@link #MONTH}. */
public enum Precision {
    YEAR,
    MONTH,
    DAY
}
