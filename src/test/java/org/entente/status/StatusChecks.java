package org.entente.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;

/** Checks shared by the H2 and PostgreSQL tests of the status projection. */
public final class StatusChecks {

    private StatusChecks() {
    }

    /**
     * The stored status on the first of every month from 1950 to 2025 and on the days given is what the rules
     * give for the relation's stored history (compared as JSON: stored values come back as strings).
     */
    public static void storedStatusIsWhatTheRulesGive(StatusRepository repository, ObjectMapper json, String relationId,
                                                      LocalDate... days) {
        ReadModel rules = new ReadModel(repository.history(relationId));
        for (LocalDate day = LocalDate.of(1950, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusMonths(1)) {
            assertThat((Object) json.valueToTree(repository.statusAt(relationId, day))).as(relationId + " on " + day)
                    .isEqualTo((Object) json.valueToTree(rules.statusAt(day)));
        }
        for (LocalDate day : days) {
            assertThat((Object) json.valueToTree(repository.statusAt(relationId, day))).as(relationId + " on " + day)
                    .isEqualTo((Object) json.valueToTree(rules.statusAt(day)));
        }
    }
}
