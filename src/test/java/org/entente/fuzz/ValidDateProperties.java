package org.entente.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.entente.time.InvalidDateException;
import org.entente.time.Precision;
import org.entente.time.ValidDate;

/**
 * Dates and their precision: whatever text comes in, {@link ValidDate#parse} returns a date or throws
 * {@link InvalidDateException} (nothing else), and every valid date reads back as itself.
 */
class ValidDateProperties {

    /** Parses, or fails only with InvalidDateException saying what is wrong; a parsed date prints back as the canonical text. */
    private static ValidDate parseOrRefuse(String text) {
        try {
            ValidDate date = ValidDate.parse(text);
            assertThat(ValidDate.parse(date.toString())).isEqualTo(date);
            return date;
        } catch (InvalidDateException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
    }

    @Property(tries = 2000, seed = FuzzSeed.SEED)
    void anyTextIsADateOrAnInvalidDate(@ForAll String text) {
        parseOrRefuse(text);
    }

    /**
     * Text shaped like a date (digits and dashes in the right places), with any digits: impossible days are refused,
     * and a date read is exactly the one the text says (surrounding white space aside, which parse ignores).
     */
    @Property(tries = 3000, seed = FuzzSeed.SEED)
    void dateShapedTextIsExactlyTheDateItSays(@ForAll("dateShaped") String text) {
        ValidDate date = parseOrRefuse(text);
        if (date != null) {
            assertThat(date.toString()).isEqualTo(text.strip());
            assertThat(date.precision()).isEqualTo(switch (text.strip().length()) {
                case 4 -> Precision.YEAR;
                case 7 -> Precision.MONTH;
                default -> Precision.DAY;
            });
            assertThat(date.start()).isBeforeOrEqualTo(date.end());
        }
    }

    @Provide
    Arbitrary<String> dateShaped() {
        Arbitrary<String> year = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> two = Arbitraries.strings().numeric().ofLength(2);
        Arbitrary<String> month = Combinators.combine(year, two).as((y, m) -> y + "-" + m);
        Arbitrary<String> day = Combinators.combine(year, two, two).as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> noisy = Arbitraries.strings().withChars("0123456789-+ T:/.").ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(year, month, day, noisy);
    }

    /** Every valid date of every precision reads back as itself, and its text is the canonical one. */
    @Property(tries = 2000, seed = FuzzSeed.SEED)
    void validDatesRoundTrip(@ForAll("validDates") ValidDate date) {
        String text = date.toString();
        assertThat(ValidDate.parse(text)).isEqualTo(date);
        assertThat(ValidDate.parse(" " + text + "\t")).isEqualTo(date);
        assertThat(date.end()).isAfterOrEqualTo(date.start());
        assertThat(date.compareTo(ValidDate.parse(text))).isZero();
    }

    @Provide
    Arbitrary<ValidDate> validDates() {
        Arbitrary<LocalDate> days = Arbitraries.longs().between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Combinators.combine(days, Arbitraries.of(Precision.class)).as((day, precision) -> switch (precision) {
            case YEAR -> new ValidDate(day.withDayOfYear(1), Precision.YEAR);
            case MONTH -> new ValidDate(day.withDayOfMonth(1), Precision.MONTH);
            case DAY -> ValidDate.day(day);
        });
    }
}
