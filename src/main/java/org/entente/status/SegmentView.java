package org.entente.status;

import java.time.LocalDate;
import org.entente.relation.rules.Segment;

/** Over {@code from..to} (inclusive; null means unbounded) a dimension answers {@code answer}. */
public record SegmentView(LocalDate from, LocalDate to, DimensionView answer) {

    /** Open ends ({@link Segment#BEGINNING}, {@link Segment#END_OF_TIME}) become null. */
    public static SegmentView of(LocalDate from, LocalDate to, DimensionView answer) {
        return new SegmentView(from.equals(Segment.BEGINNING) ? null : from, to.equals(Segment.END_OF_TIME) ? null : to, answer);
    }
}
