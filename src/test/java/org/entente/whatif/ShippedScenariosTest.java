package org.entente.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.entente.relation.facts.FactCatalog;
import org.entente.history.HistoryFile;
import org.entente.json.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every scenario file in scenarios/ is an executable check: its expect: entries must hold. */
class ShippedScenariosTest {

    static Baseline history() throws IOException {
        try (InputStream in = ShippedScenariosTest.class.getResourceAsStream("/history.yaml")) {
            HistoryFile.RelationHistory relation = HistoryFile.read(in, "history.yaml").relations().get(0);
            return Baseline.of(relation.id(), relation.facts());
        }
    }

    static List<Path> scenarioFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioMeetsItsExpectations() throws IOException {
        Baseline history = history();
        ScenarioEngine engine = new ScenarioEngine(1_000_000);
        return scenarioFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Scenario scenario = ScenarioParser.parse(Files.readString(file), file.toString(), 1000);
            assertThat(scenario.id() + ".yaml").isEqualTo(file.getFileName().toString());
            assertThat(scenario.expectations()).as("a shipped scenario checks something").isNotEmpty();
            ScenarioRun run = engine.run(scenario, history);
            assertThat(run.expectations()).allSatisfy(result ->
                    assertThat(result.passed()).as(file + ":" + result.line() + " " + result.expected() + " — got " + result.actual()).isTrue());
        }));
    }

    @Test
    void thereIsAScenarioShowingEachRuleOfTheCore() throws IOException {
        assertThat(scenarioFiles()).extracting(f -> f.getFileName().toString().replaceAll("-.*", ""))
                .contains("rule", "turkey", "veto", "no", "office");
        for (int rule = 1; rule <= 8; rule++) {
            String prefix = "rule-" + rule + "-";
            assertThat(scenarioFiles()).as(prefix).anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        }
    }
}
