package org.entente.status;

import java.time.LocalDate;

/** Over {@code from..to} (inclusive; null means unbounded) a dimension answers {@code answer}. */
public record SegmentView(LocalDate from, LocalDate to, DimensionView answer) {
}
