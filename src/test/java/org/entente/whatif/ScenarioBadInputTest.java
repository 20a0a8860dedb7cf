package org.entente.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.relation.facts.FactCatalog;
import org.entente.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad scenario is refused with the file, the line and the field. */
class ScenarioBadInputTest {

    private static Baseline history;
    private final ScenarioEngine engine = new ScenarioEngine(100);

    @BeforeAll
    static void readHistory() throws Exception {
        history = ShippedScenariosTest.history();
    }

    private static final String HEAD = """
            id: bad
            title: a bad scenario
            relation: israel-nato
            rationale: testing
            """;

    private InvalidScenarioException refused(String yaml) {
        return (InvalidScenarioException) org.assertj.core.api.Assertions.catchThrowable(() -> {
            Scenario scenario = ScenarioParser.parse(yaml, "bad.yaml", 5);
            engine.run(scenario, history);
        });
    }

    @Test
    void malformedYamlNamesTheLine() {
        InvalidScenarioException e = refused(HEAD + "changes:\n  - remove: [unclosed\n");
        assertThat(e.file()).isEqualTo("bad.yaml");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("not valid YAML");
    }

    @Test
    void anUnknownFactIdNamesLineAndField() {
        InvalidScenarioException e = refused(HEAD + "changes:\n  - remove: turkey-veto-2011\n");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("changes[0]");
        assertThat(e.getMessage()).contains("bad.yaml:6: changes[0]: no fact 'turkey-veto-2011'");
    }

    @Test
    void anImpossibleDateNamesLineAndField() {
        InvalidScenarioException e = refused(HEAD + "changes:\n  - redate: turkey-veto-2010\n    to: \"2010-02-30\"\n");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("changes[0].to");
        assertThat(e.getMessage()).contains("'2010-02-30' is not a possible date");
    }

    @Test
    void anImpossibleDateOfAnAddedFactNamesItsField() {
        InvalidScenarioException e = refused(HEAD + """
                changes:
                  - add:
                      id: office-2013
                      type: HeadquartersOfficeAuthorized
                      date: "2013-13"
                """);
        assertThat(e.field()).isEqualTo("changes[0].add.date");
        assertThat(e.line()).isEqualTo(9);
    }

    @Test
    void aWrongParameterNamesItsField() {
        InvalidScenarioException e = refused(HEAD + "changes:\n  - change: turkey-veto-2010\n    set:\n      scope: EVERYTHING\n");
        assertThat(e.field()).isEqualTo("changes[0].set.scope");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.getMessage()).contains("[EXERCISES, OFFICE, ALL_COOPERATION]");
    }

    @Test
    void aChangeThatContradictsAnotherIsRefused() {
        InvalidScenarioException e = refused(HEAD + """
                changes:
                  - remove: turkey-veto-2010
                  - redate: turkey-veto-2010
                    to: "2011"
                """);
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("changes[1]");
        assertThat(e.getMessage()).contains("contradicts changes[0]");
    }

    @Test
    void addingAFactWhoseIdIsRecordedIsRefused() {
        InvalidScenarioException e = refused(HEAD + """
                changes:
                  - add: {id: turkey-veto-2010, type: ContextNoted, date: "2010", summary: x}
                """);
        assertThat(e.field()).isEqualTo("changes[0].add.id");
        assertThat(e.getMessage()).contains("already exists");
    }

    @Test
    void anOversizedScenarioIsRefused() {
        StringBuilder yaml = new StringBuilder(HEAD + "changes:\n");
        for (int i = 0; i < 6; i++) {
            yaml.append("  - add: {id: note-").append(i).append(", type: ContextNoted, date: \"2020\", summary: x}\n");
        }
        InvalidScenarioException e = refused(yaml.toString());
        assertThat(e).isInstanceOf(ScenarioLimitException.class);
        assertThat(((ScenarioLimitException) e).limit()).isEqualTo("entente.scenarios.max-changes");
        assertThat(e.field()).isEqualTo("changes");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("at most 5 changes").contains("entente.scenarios.max-changes");
    }

    @Test
    void aTimelineOverTheFactLimitIsRefused() {
        ScenarioEngine small = new ScenarioEngine(history.facts().size());
        Scenario scenario = ScenarioParser.parse(HEAD + "changes:\n  - add: {id: note, type: ContextNoted, date: \"2020\", summary: x}\n",
                "bad.yaml", 5);
        assertThatThrownBy(() -> small.run(scenario, history)).isInstanceOf(ScenarioLimitException.class)
                .hasMessageContaining("entente.scenarios.max-facts")
                .extracting(e -> ((ScenarioLimitException) e).limit()).isEqualTo("entente.scenarios.max-facts");
    }

    @Test
    void unknownFieldsAndExpectationsAreNamed() {
        assertThat(refused(HEAD + "changes:\n  - remove: turkey-veto-2010\n    because: x\n").field()).isEqualTo("changes[0].because");
        assertThat(refused(HEAD + "changes:\n  - remove: turkey-veto-2010\nexpect:\n  - rejected: x\n    rule: NO_SUCH_RULE\n").field())
                .isEqualTo("expect[0].rule");
        assertThat(refused(HEAD + "changes:\n  - remove: turkey-veto-2010\nexpect:\n  - dimension: mood\n    at: 2011-01-01\n    value: X\n")
                .getMessage()).contains("unknown dimension 'mood'");
        assertThat(refused("id: x\ntitle: t\nrelation: israel-nato\nchanges: []\n").field()).isEqualTo("rationale");
    }

    @Test
    void aScenarioAboutAnotherRelationIsRefused() {
        assertThat(refused(HEAD.replace("israel-nato", "israel-eu") + "changes:\n  - remove: turkey-veto-2010\n").field())
                .isEqualTo("relation");
    }
}
