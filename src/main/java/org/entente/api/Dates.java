package org.entente.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.entente.time.InvalidDateException;
import org.entente.time.ValidDate;

/** Parsing of date parameters, with errors that name the parameter. */
public final class Dates {

    private Dates() {
    }

    /** An instant, ISO-8601 with an offset, e.g. {@code 2026-11-22T10:15:30Z}. */
    public static Instant instant(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(parameter, parameter + ": '" + value
                    + "' is not an instant; use ISO-8601 with an offset, e.g. 2026-11-22T10:15:30Z");
        }
    }

    /** A day, {@code YYYY-MM-DD}. */
    public static LocalDate day(String parameter, String value) {
        try {
            ValidDate date = ValidDate.parse(value);
            if (!date.exact()) {
                throw new BadRequestException(parameter, parameter + " must be a day (YYYY-MM-DD), got '" + value + "'");
            }
            return date.start();
        } catch (InvalidDateException e) {
            throw new BadRequestException(parameter, parameter + ": " + e.getMessage());
        }
    }
}
