package org.entente.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monte Carlo what-ifs: shares that follow the stated probabilities, reproducible for a seed. */
class MonteCarloTest {

    private static Baseline history;
    private final ScenarioEngine engine = new ScenarioEngine(1_000_000);

    @BeforeAll
    static void readHistory() throws Exception {
        history = ShippedScenariosTest.history();
    }

    private MonteCarlo.Result sample(String yaml) {
        return MonteCarlo.run(ScenarioParser.parse(yaml, "mc.yaml", 100), history, engine, done -> { }, () -> false);
    }

    private static final String VETO_WITH_P_06 = """
            id: mc
            title: t
            relation: israel-nato
            rationale: r
            changes:
              - remove: turkey-veto-2010
                probability: 0.4
              - redate: turkey-veto-lifted-2016
                to: {from: "2014-01", to: "2018-12"}
            montecarlo:
              samples: 4000
              seed: 7
              at: [2013-01-01, 2020-01-01]
            """;

    @Test
    void sharesFollowTheStatedProbability() {
        MonteCarlo.Result result = sample(VETO_WITH_P_06);
        Map<String, Double> in2013 = result.distribution().get(LocalDate.of(2013, 1, 1)).get("exerciseParticipation");
        assertThat(in2013.get("VETOED")).isCloseTo(0.6, within(0.03));
        assertThat(in2013.get("ACTIVE")).isCloseTo(0.4, within(0.03));
        assertThat(in2013.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        // without a veto the lifting is impossible: rejected exactly as often as the veto is absent
        assertThat(result.rejected().get("turkey-veto-lifted-2016")).isEqualTo(in2013.get("ACTIVE"));
        // by 2020 the veto, when there was one, has been lifted in every sample
        assertThat(result.distribution().get(LocalDate.of(2020, 1, 1)).get("exerciseParticipation")).containsOnlyKeys("ACTIVE");
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedAnother() {
        assertThat(sample(VETO_WITH_P_06)).isEqualTo(sample(VETO_WITH_P_06));
        assertThat(sample(VETO_WITH_P_06.replace("seed: 7", "seed: 8"))).isNotEqualTo(sample(VETO_WITH_P_06));
    }

    @Test
    void aDateRangeSpreadsTheChangeOverItsPeriods() {
        MonteCarlo.Result result = sample(VETO_WITH_P_06.replace("    probability: 0.4\n", "    probability: 0.0\n"));
        Map<String, Double> in2017 = MonteCarlo.run(ScenarioParser.parse(VETO_WITH_P_06.replace("    probability: 0.4\n", "    probability: 0.0\n")
                .replace("at: [2013-01-01, 2020-01-01]", "at: [2016-07-01]"), "mc.yaml", 100), history, engine, d -> { }, () -> false)
                .distribution().get(LocalDate.of(2016, 7, 1)).get("exerciseParticipation");
        // lifted in one of 60 months, uniformly; by July 2016 about 30 of them have passed
        assertThat(in2017.get("ACTIVE")).isCloseTo(30.0 / 60, within(0.04));
        assertThat(result.rejected()).doesNotContainKey("turkey-veto-lifted-2016");
    }

    @Test
    void badSamplingIsRefusedNamingTheField() {
        assertThatThrownBy(() -> sample(VETO_WITH_P_06.replace("probability: 0.4", "probability: 1.4")))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("changes[0].probability");
        assertThatThrownBy(() -> sample(VETO_WITH_P_06.replace("to: \"2018-12\"", "to: \"2018\"")))
                .hasMessageContaining("same precision");
        assertThatThrownBy(() -> sample(VETO_WITH_P_06.replace("  seed: 7\n", "")))
                .hasMessageContaining("montecarlo.seed");
        assertThatThrownBy(() -> ScenarioParser.parse(VETO_WITH_P_06.substring(0, VETO_WITH_P_06.indexOf("montecarlo")), "mc.yaml", 100))
                .hasMessageContaining("needs a montecarlo section");
        assertThatThrownBy(() -> sample(VETO_WITH_P_06.replace("redate: turkey-veto-lifted-2016", "redate: turkey-veto-2010")))
                .hasMessageContaining("contradicts");
    }

    @Test
    void theShippedMonteCarloScenarioRuns() throws Exception {
        Path file = Path.of("scenarios/montecarlo/turkey-veto-uncertain.yaml");
        Scenario scenario = ScenarioParser.parse(Files.readString(file), file.toString(), 100);
        MonteCarlo.Result result = MonteCarlo.run(scenario, history, engine, done -> { }, () -> false);
        assertThat(result.samples()).isEqualTo(scenario.sampling().samples());
        assertThat(result.distribution()).containsKey(LocalDate.of(2013, 1, 1));
    }
}
