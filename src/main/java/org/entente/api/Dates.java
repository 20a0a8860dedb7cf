package org.entente.api;

import java.time.LocalDate;
import org.entente.time.InvalidDateException;
import org.entente.time.ValidDate;

/** Parsing of date parameters, with errors that name the parameter. */
public final class Dates {

    private Dates() {
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
