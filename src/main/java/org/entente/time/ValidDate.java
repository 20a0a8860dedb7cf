package org.entente.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a fact was true in the world, exactly as precisely as the source says it: {@code 1995},
 * {@code 1987-12} or {@code 2002-01-09}. A year or month is a window of days, not its first day.
 */
public record ValidDate(LocalDate start, Precision precision) implements Comparable<ValidDate> {

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
        // by hand, not with a regular expression: every stored fact's date is parsed when a history is read
        String date = text.strip();
        int length = date.length();
        if ((length != 4 && length != 7 && length != 10) || !digits(date, 0, 4)
                || (length >= 7 && (date.charAt(4) != '-' || !digits(date, 5, 7)))
                || (length == 10 && (date.charAt(7) != '-' || !digits(date, 8, 10)))) {
            throw new InvalidDateException("'" + text + "' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
        int year = number(date, 0, 4);
        try {
            return switch (length) {
                case 4 -> new ValidDate(LocalDate.of(year, 1, 1), Precision.YEAR);
                case 7 -> new ValidDate(YearMonth.of(year, number(date, 5, 7)).atDay(1), Precision.MONTH);
                default -> new ValidDate(LocalDate.of(year, number(date, 5, 7), number(date, 8, 10)), Precision.DAY);
            };
        } catch (DateTimeException e) {
            throw new InvalidDateException("'" + text + "' is not a possible date: " + e.getMessage());
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String digits, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
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
