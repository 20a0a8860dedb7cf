package org.entente.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.entente.ApplicationTest;
import org.entente.relation.rules.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loading the history file is idempotent by fact id, and a fact changed in the file is reported, not applied. */
class HistoryLoaderTest extends ApplicationTest {

    @Autowired
    HistoryLoader loader;

    @Autowired
    HistoryLoadReport report;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reloadTheShippedHistory() {
        loader.load("classpath:history.yaml");
    }

    @Test
    void loadingAgainRecordsNothingTwice() {
        long events = storedEvents();
        loader.load("classpath:history.yaml");
        assertThat(storedEvents()).isEqualTo(events);
        HistoryLoadReport.RelationLoad load = report.of("israel-nato").orElseThrow();
        assertThat(load.recorded()).isZero();
        assertThat(load.alreadyRecorded()).isEqualTo(33);
        assertThat(load.refused()).isEmpty();
    }

    @Test
    void aFactChangedInTheFileIsReportedNotApplied() {
        long events = storedEvents();
        loader.load("classpath:history-changed.yaml");

        assertThat(storedEvents()).isEqualTo(events);
        HistoryLoadReport.RelationLoad load = report.of("israel-nato").orElseThrow();
        assertThat(load.refused()).singleElement().satisfies(rejection -> {
            assertThat(rejection.factId()).isEqualTo("turkey-veto-2010");
            assertThat(rejection.rule()).isEqualTo(Rule.FACT_RECORDED_ONCE);
            assertThat(rejection.reason()).contains("already recorded differently");
        });
        JsonNode relation = get("/api/relations/israel-nato");
        assertThat(relation.at("/historyFile/refused/0/factId").asText()).isEqualTo("turkey-veto-2010");
        assertThat(get("/api/relations/israel-nato/status?at=2010-12-31").at("/dimensions/exerciseParticipation/value").asText())
                .isEqualTo("VETOED");
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
