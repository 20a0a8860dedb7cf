package org.entente.relation.rules;

import java.time.LocalDate;

/** Over the days {@code from..to} (inclusive), a dimension's answer is {@code answer}. */
public record Segment(LocalDate from, LocalDate to, DimensionAnswer answer) {

    public static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);
    public static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);
}
