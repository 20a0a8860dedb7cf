package org.entente.relation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.history.HistoryFile;
import org.entente.json.Json;
import org.entente.relation.Facts;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.VetoScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status over time that the recorded history produces, with the precision of its dates. */
class StatusTimelineTest {

    private static StatusTimeline history;

    @BeforeAll
    static void replayTheRecordedHistory() throws Exception {
        try (InputStream in = StatusTimelineTest.class.getResourceAsStream("/history.yaml")) {
            List<HistoricalFact> facts = HistoryFile.read(in, "history.yaml").relations().get(0).facts();
            history = Timeline.judge(facts).status();
        }
    }

    private static DimensionAnswer at(Dimension dimension, String day) {
        return history.at(dimension, LocalDate.parse(day));
    }

    @Test
    void on2011TheTurkishVetoIsInForce() {
        DimensionAnswer exercises = at(Dimension.EXERCISE_PARTICIPATION, "2011-01-01");
        assertThat(exercises.certain()).isTrue();
        assertThat(exercises.value()).isEqualTo("VETOED");
        assertThat(exercises.since()).isEqualTo("2010");
        assertThat(exercises.facts()).containsExactly("turkey-veto-2010");
        assertThat(exercises.detail()).containsEntry("vetoedBy", "Turkey");
    }

    @Test
    void insideTheYearOfTheVetoTheAnswerIsUncertainWithItsWindow() {
        DimensionAnswer exercises = at(Dimension.EXERCISE_PARTICIPATION, "2010-06-01");
        assertThat(exercises.certain()).isFalse();
        assertThat(exercises.value()).isNull();
        assertThat(exercises.since()).isNull();
        assertThat(exercises.possibleValues()).containsExactly("ACTIVE", "VETOED");
        assertThat(exercises.window()).isEqualTo(new Window(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31)));
        assertThat(exercises.facts()).containsExactly("turkey-veto-2010");
    }

    @Test
    void beforeTheVetoIsraelTookPartAndInJune2016TheLiftingIsUncertain() {
        assertThat(at(Dimension.EXERCISE_PARTICIPATION, "2009-12-31").value()).isEqualTo("ACTIVE");
        assertThat(at(Dimension.EXERCISE_PARTICIPATION, "2002-01-08").value()).isEqualTo("NONE");
        assertThat(at(Dimension.EXERCISE_PARTICIPATION, "2002-01-09").value()).isEqualTo("ACTIVE");
        DimensionAnswer june = at(Dimension.EXERCISE_PARTICIPATION, "2016-06-15");
        assertThat(june.certain()).isFalse();
        assertThat(june.possibleValues()).containsExactly("VETOED", "ACTIVE");
        DimensionAnswer after = at(Dimension.EXERCISE_PARTICIPATION, "2016-07-01");
        assertThat(after.value()).isEqualTo("ACTIVE");
        assertThat(after.since()).isEqualTo("2016-06");
        assertThat(after.facts()).containsExactly("turkey-veto-lifted-2016", "first-exercise-invitation-2002");
    }

    @Test
    void aYearDatedChangeIsCertainOnItsLastDay() {
        assertThat(at(Dimension.MEDITERRANEAN_DIALOGUE, "1995-12-30").certain()).isFalse();
        assertThat(at(Dimension.MEDITERRANEAN_DIALOGUE, "1995-12-31").value()).isEqualTo("PARTNER");
        assertThat(at(Dimension.MEDITERRANEAN_DIALOGUE, "1994-12-31").value()).isEqualTo("NONE");
    }

    @Test
    void theOtherDimensionsFollowTheRecordedFacts() {
        Map<Dimension, DimensionAnswer> in2019 = history.at(LocalDate.of(2019, 1, 1)).dimensions();
        assertThat(in2019.get(Dimension.MAJOR_NON_NATO_ALLY).value()).isEqualTo("DESIGNATED");
        assertThat(in2019.get(Dimension.HEADQUARTERS_OFFICE).value()).isEqualTo("AUTHORIZED");
        assertThat(in2019.get(Dimension.HEADQUARTERS_OFFICE).since()).isEqualTo("2016-05-03");
        assertThat(in2019.get(Dimension.REPRESENTATION).value()).isEqualTo("ACCREDITED");
        assertThat(in2019.get(Dimension.CATALOGING_SYSTEM).value()).isEqualTo("MEMBER");
        assertThat(in2019.get(Dimension.INDUSTRY_ACCESS).value()).isEqualTo("NATO_TENDERS");
        assertThat(in2019.get(Dimension.AGREEMENTS).value()).isEqualTo(List.of("SECURITY_INFORMATION_EXCHANGE", "COOPERATION"));
        assertThat(in2019.get(Dimension.MEMBERSHIP).value()).isEqualTo("NON_MEMBER");
        assertThat(in2019.get(Dimension.MEMBERSHIP_CONDITIONS).value())
                .isEqualTo(List.of("PEACE_AGREEMENT_WITH_PALESTINIANS", "ANOTHER_ARAB_STATE_MEMBER"));
        assertThat(in2019.get(Dimension.MEMBERSHIP_CONDITIONS).facts()).containsExactly("de-hoop-scheffer-conditions-2009");
        assertThat(at(Dimension.INDUSTRY_ACCESS, "2000-01-01").value()).isEqualTo("SUPPLIER");
        assertThat(at(Dimension.REPRESENTATION, "2016-05-04").value()).isEqualTo("NOT_ACCREDITED");
    }

    @Test
    void segmentsCoverAllOfTimeWithoutGapsOrOverlaps() {
        history.segments().forEach((dimension, segments) -> {
            assertThat(segments.get(0).from()).isEqualTo(Segment.BEGINNING);
            assertThat(segments.get(segments.size() - 1).to()).isEqualTo(Segment.END_OF_TIME);
            for (int i = 1; i < segments.size(); i++) {
                assertThat(segments.get(i).from()).as(dimension + " segment " + i).isEqualTo(segments.get(i - 1).to().plusDays(1));
            }
        });
    }

    @Test
    void overlappingWindowsGiveEveryPossiblePrefix() {
        StatusTimeline overlapping = Timeline.judge(List.of(
                Facts.dialogueEstablished("established", "1994"), Facts.dialogueJoined("joined", "1995"),
                Facts.exercise("exercise", "2002-01-09"), Facts.attested("turkey", "2009", "Turkey"),
                Facts.veto("veto", "2016", "Turkey", VetoScope.EXERCISES),
                Facts.lifted("lifted", "2016-06", "veto"))).status();
        DimensionAnswer midJune = overlapping.at(Dimension.EXERCISE_PARTICIPATION, LocalDate.of(2016, 6, 10));
        assertThat(midJune.certain()).isFalse();
        assertThat(midJune.possibleValues()).containsExactly("ACTIVE", "VETOED");
        assertThat(midJune.window()).isEqualTo(new Window(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31)));
        assertThat(midJune.facts()).containsExactly("veto", "lifted");
        DimensionAnswer july = overlapping.at(Dimension.EXERCISE_PARTICIPATION, LocalDate.of(2016, 7, 1));
        assertThat(july.certain()).isTrue();
        assertThat(july.value()).isEqualTo("ACTIVE");
    }

    /** The fold only re-evaluates the dimensions a fact can change; this checks that against a full evaluation. */
    @Test
    void eachFactChangesOnlyTheDimensionsItIsDeclaredToAffect() throws Exception {
        try (InputStream in = StatusTimelineTest.class.getResourceAsStream("/history.yaml")) {
            List<HistoricalFact> facts = Timeline.inValidOrder(HistoryFile.read(in, "h").relations().get(0).facts());
            RelationState state = RelationState.EMPTY;
            for (HistoricalFact fact : facts) {
                RelationState next = state.evolve(fact);
                List<Dimension> declared = List.of(StatusTimeline.affectedBy(fact));
                for (Dimension d : Dimension.values()) {
                    if (!declared.contains(d)) {
                        assertThat(next.value(d).sameAs(state.value(d))).as(fact.factId() + " changed " + d).isTrue();
                    }
                }
                state = next;
            }
        }
    }
}
