package org.entente.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rebuilding the projection from the event store gives exactly the answers it gave before. */
class ReplayTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRebuiltProjectionAnswersExactlyAsBefore() {
        List<String> before = answers();

        // Break the read model, so that only a real rebuild can bring the answers back.
        jdbc.update("DELETE FROM status_segment");
        assertThat(http.getForEntity("/api/relations/israel-nato/status?at=2011-01-01", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(http.postForEntity("/api/admin/projections/status/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> replay = http.withBasicAuth(EDITOR, EDITOR_PASSWORD)
                .postForEntity("/api/admin/projections/status/replay", null, String.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode status = get("/api/admin/projections/status");
            return status.get("caughtUp").asBoolean()
                    && http.getForEntity("/api/relations/israel-nato/timeline", String.class).getStatusCode().is2xxSuccessful();
        });

        assertThat(answers()).isEqualTo(before);
    }

    @Test
    void aGetNeverReplays() {
        assertThat(http.getForEntity("/api/admin/projections/status/replay", String.class).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    /** The timeline, and the status on the first of every month from 1950 to 2026. */
    private List<String> answers() {
        List<String> answers = new ArrayList<>();
        answers.add(get("/api/relations/israel-nato/timeline").toString());
        for (LocalDate day = LocalDate.of(1950, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusMonths(1)) {
            answers.add(get("/api/relations/israel-nato/status?at=" + day).toString());
        }
        return answers;
    }
}
