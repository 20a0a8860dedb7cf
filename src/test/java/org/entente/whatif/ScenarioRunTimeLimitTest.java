package org.entente.whatif;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.entente.json.Json;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.RecordedHistory;
import org.entente.status.StatusRepository;
import org.entente.synthetic.SyntheticHistory;
import org.junit.jupiter.api.Test;

/** A run over the configured run time is stopped and refused, naming the limit. */
class ScenarioRunTimeLimitTest {

    /** A store holding a long synthetic history (no database: only the two reads a run makes). */
    static final class LongHistory extends StatusRepository {
        private final List<HistoricalFact> facts = SyntheticHistory.generate("long", 400_000, 1);

        LongHistory() {
            super(null, Json.newMapper(), null);
        }

        @Override
        public String factsVersion(String relationId) {
            return "long".equals(relationId) ? "1" : null;
        }

        @Override
        public RecordedHistory history(String relationId) {
            RecordedHistory history = new RecordedHistory();
            facts.forEach(history::append);
            return history;
        }
    }

    @Test
    void aRunOverTheTimeLimitIsStopped() throws Exception {
        ScenarioService service = new ScenarioService(new LongHistory(),
                new ScenarioLimits("classpath*:no-scenarios/*.yaml", 10, 1_000_000, Duration.ofMillis(1), 1000));
        Scenario scenario = service.parse("id: slow\ntitle: t\nrelation: long\nrationale: r\nchanges:\n  - remove: s-10\n");
        try {
            assertThatThrownBy(() -> service.run(scenario)).isInstanceOf(ScenarioLimitException.class)
                    .hasMessageContaining("entente.scenarios.max-run-time")
                    .extracting(e -> ((ScenarioLimitException) e).limit()).isEqualTo("entente.scenarios.max-run-time");
        } finally {
            service.destroy();
        }
    }
}
