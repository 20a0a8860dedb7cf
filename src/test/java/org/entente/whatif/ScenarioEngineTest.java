package org.entente.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Rejection;
import org.entente.relation.facts.FactCatalog;
import org.entente.json.Json;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's cascade, diff and causes on the real history. */
class ScenarioEngineTest {

    private static Baseline history;
    private final ScenarioEngine engine = new ScenarioEngine(1_000_000);

    @BeforeAll
    static void readHistory() throws Exception {
        history = ShippedScenariosTest.history();
    }

    private ScenarioRun run(String changes) {
        return engine.run(ScenarioParser.parse("id: t\ntitle: t\nrelation: israel-nato\nrationale: t\n" + changes, "t.yaml", 100), history);
    }

    @Test
    void withoutTheDialogueThe2002InvitationIsRejectedByThePartnerStatusRule() {
        ScenarioRun run = run("changes:\n  - remove: mediterranean-dialogue-invitation-1995\n");
        assertThat(run.judgement().rejected()).filteredOn(r -> r.factId().equals("first-exercise-invitation-2002"))
                .singleElement().satisfies(r -> assertThat(r.rule()).isEqualTo(Rule.PARTNER_STATUS_REQUIRED));
        assertThat(run.diff().firstDivergence()).isEqualTo(LocalDate.of(1995, 1, 1));
    }

    @Test
    void eachDifferenceIsTracedToTheFactsThatCausedIt() {
        ScenarioRun run = run("changes:\n  - remove: turkey-veto-2010\n");
        List<DiffInterval> exercises = run.diff().dimensions().get(Dimension.EXERCISE_PARTICIPATION);
        assertThat(exercises).isNotEmpty().allSatisfy(i -> assertThat(i.causes()).isNotEmpty());
        DiffInterval vetoYears = exercises.stream().filter(i -> i.from().equals(LocalDate.of(2010, 12, 31))).findFirst().orElseThrow();
        assertThat(vetoYears.to()).isEqualTo(LocalDate.of(2016, 5, 31));
        assertThat(vetoYears.baseline().value()).isEqualTo("VETOED");
        assertThat(vetoYears.scenario().value()).isEqualTo("ACTIVE");
        assertThat(vetoYears.causes()).containsExactly("turkey-veto-2010");
        assertThat(run.diff().dimensions().get(Dimension.HEADQUARTERS_OFFICE)).isEmpty();
    }

    @Test
    void aScenarioThatChangesNothingInStatusDoesNotDiverge() {
        ScenarioRun run = run("changes:\n  - remove: elkin-representative-statement-2014\n");
        assertThat(run.diff().firstDivergence()).isNull();
        assertThat(run.judgement().rejected()).isEmpty();
    }

    @Test
    void aRedatedFactIsJudgedAtItsNewPlace() {
        ScenarioRun run = run("changes:\n  - redate: headquarters-office-authorized-2016\n    to: \"2012\"\n");
        assertThat(run.changes()).containsEntry("headquarters-office-authorized-2016", FactChange.REDATED);
        assertThat(run.judgement().status().at(Dimension.HEADQUARTERS_OFFICE, LocalDate.of(2013, 1, 1)).value()).isEqualTo("AUTHORIZED");
        assertThat(history.judgement().status().at(Dimension.HEADQUARTERS_OFFICE, LocalDate.of(2013, 1, 1)).value()).isEqualTo("NONE");
    }

    @Test
    void theSameScenarioGivesTheSameResult() {
        String changes = "changes:\n  - change: turkey-veto-2010\n    set: {scope: ALL_COOPERATION}\n  - remove: turkey-veto-lifted-2016\n";
        ScenarioRun first = run(changes);
        ScenarioRun second = run(changes);
        assertThat(second.judgement().rejected()).isEqualTo(first.judgement().rejected());
        assertThat(second.diff()).isEqualTo(first.diff());
        assertThat(second.judgement().status().segments()).isEqualTo(first.judgement().status().segments());
    }

    @Test
    void aHistoryThatRepeatsAnIdKeepsTheRepeatRejectedInItsScenarios() {
        List<HistoricalFact> facts = new ArrayList<>(history.facts());
        facts.add(facts.get(0));
        Baseline repeating = Baseline.of(history.relationId(), facts);
        assertThat(repeating.distinctIds()).isFalse();

        ScenarioRun run = engine.run(ScenarioParser.parse("id: t\ntitle: t\nrelation: israel-nato\nrationale: t\n"
                + "changes:\n  - remove: elkin-representative-statement-2014\n", "t.yaml", 100), repeating);

        assertThat(run.judgement().rejected()).extracting(Rejection::rule).containsExactly(Rule.FACT_RECORDED_ONCE);
        assertThat(history.distinctIds()).isTrue();
    }
}
