package org.entente.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a fact was true in the world, exactly as precisely as the source says it: {@code 1995},
 * {@code 1987-12} or {@code 2002-01-09}. A year or month is a window of days, not its first day.
 */
public record ValidDate(LocalDate start, Precision precision) implements Comparable<ValidDate> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public ValidDate {
        if (start == null || precision == null) {
            throw new InvalidDateException("a valid date needs a start and a precision");
        }
        boolean aligned = switch (precision) {
            case YEAR -> start.getDayOfYear() == 1;
            case MONTH -> start.getDayOfMonth() == 1;
            case DAY -> true;
        };
        if (!aligned) {
            throw new InvalidDateException(start + " is not the first day of a " + precision.name().toLowerCase());
        }
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; anything else, or an impossible day, is rejected. */
    public static ValidDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidDateException("a date is required (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidDateException("'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) == null) {
                return new ValidDate(LocalDate.of(year, 1, 1), Precision.YEAR);
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                return new ValidDate(YearMonth.of(year, month).atDay(1), Precision.MONTH);
            }
            return new ValidDate(LocalDate.of(year, month, Integer.parseInt(m.group(3))), Precision.DAY);
        } catch (DateTimeException e) {
            throw new InvalidDateException("'" + text + "' is not a possible date: " + e.getMessage());
        }
    }

    public static ValidDate day(LocalDate day) {
        return new ValidDate(day, Precision.DAY);
    }

    /** The last day the fact may have happened on. */
    public LocalDate end() {
        return switch (precision) {
            case YEAR -> start.withDayOfYear(start.lengthOfYear());
            case MONTH -> start.withDayOfMonth(start.lengthOfMonth());
            case DAY -> start;
        };
    }

    /** True when the date is known to the day. */
    public boolean exact() {
        return precision == Precision.DAY;
    }

    /**
     * The documented timeline order: by the first possible day, then the last possible day
     * (so "2016" comes before "2016-06", which comes before "2016-06-15" only if it starts earlier).
     * Facts equal under this order keep the order in which they were recorded.
     */
    @Override
    public int compareTo(ValidDate other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end().compareTo(other.end());
    }

    @Override
    public String toString() {
        int year = start.getYear();
        if (precision == Precision.DAY || year < 0 || year > 9999) {
            return switch (precision) {
                case YEAR -> String.format("%04d", year);
                case MONTH -> String.format("%04d-%02d", year, start.getMonthValue());
                case DAY -> start.toString();
            };
        }
        // by hand, not String.format: a status timeline names a date per segment, and format is slow
        StringBuilder text = new StringBuilder(7);
        text.append(year < 1000 ? year < 100 ? year < 10 ? "000" : "00" : "0" : "").append(year);
        if (precision == Precision.MONTH) {
            int month = start.getMonthValue();
            text.append(month < 10 ? "-0" : "-").append(month);
        }
        return text.toString();
    }
}
