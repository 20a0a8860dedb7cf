package org.entente.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks shared by the H2 and PostgreSQL tests of the status projection. */
public final class StatusChecks {

    private StatusChecks() {
    }

    /** Days the Israel–NATO history turns on, besides the first of every month. */
    private static final List<LocalDate> TURNING_DAYS = List.of(LocalDate.of(2010, 6, 1), LocalDate.of(2010, 12, 31),
            LocalDate.of(2011, 1, 1), LocalDate.of(2016, 5, 31), LocalDate.of(2016, 6, 30));

    /**
     * The stored status of Israel–NATO on the first of every month from 1950 to 2025 and on the days its history
     * turns on is what the rules give for its stored history (compared as JSON: stored values come back as strings).
     */
    public static void storedStatusIsWhatTheRulesGive(StatusRepository repository, ObjectMapper json) {
        ReadModel rules = new ReadModel(repository.history("israel-nato"));
        List<LocalDate> days = new ArrayList<>(TURNING_DAYS);
        for (LocalDate day = LocalDate.of(1950, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusMonths(1)) {
            days.add(day);
        }
        for (LocalDate day : days) {
            assertThat((Object) json.valueToTree(repository.statusAt("israel-nato", day))).as("israel-nato on " + day)
                    .isEqualTo((Object) json.valueToTree(rules.statusAt(day)));
        }
    }
}
