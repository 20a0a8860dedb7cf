package org.entente.stepthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.relation.Facts.RELATION;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.entente.relation.Facts;
import org.entente.relation.events.VetoScope;
import org.entente.relation.rules.Rule;
import org.entente.status.RelationSummary;
import org.entente.status.StatusRepository;
import org.entente.status.StatusRepository.RecordedEvent;
import org.entente.relation.events.FactCorrected;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The step-through judges with the rules core: a fact the rules refuse is shown refused, with its rule. */
class StepThroughRulesTest {

    private final StatusRepository repository = mock(StatusRepository.class);
    private final StepThrough stepThrough = new StepThrough(repository);

    @Test
    void aFactTheRulesRefuseIsShownRejectedAndChangesNothing() {
        when(repository.relation(RELATION)).thenReturn(Optional.of(new RelationSummary(RELATION, "Test", List.of("A", "B"), 4)));
        when(repository.recordedEvents(RELATION)).thenReturn(List.of(
                recorded(2, Facts.dialogueEstablished("dialogue", "1994")),
                recorded(3, Facts.dialogueJoined("joined", "1995")),
                recorded(4, Facts.exercise("exercise", "2002-01-09")),
                // No veto is in force: lifting one is refused.
                recorded(5, Facts.lifted("lift", "2016-06", "no-such-veto"))));

        ReplayStep third = stepThrough.replay(RELATION, 3, Optional.of(LocalDate.of(2003, 1, 1)));
        assertThat(third.applied().accepted()).isTrue();
        assertThat(third.applied().changedDimensions()).containsExactly("exerciseParticipation");
        assertThat(third.status().get("exerciseParticipation").value()).isEqualTo("ACTIVE");

        ReplayStep fourth = stepThrough.replay(RELATION, 4, Optional.of(LocalDate.of(2017, 1, 1)));
        assertThat(fourth.applied().fact().id()).isEqualTo("lift");
        assertThat(fourth.applied().globalSequence()).isEqualTo(5);
        assertThat(fourth.applied().accepted()).isFalse();
        assertThat(fourth.applied().rejection().rule()).isEqualTo(Rule.LIFT_ONLY_VETO_IN_FORCE);
        assertThat(fourth.applied().changedDimensions()).isEmpty();
        assertThat(fourth.accepted()).isEqualTo(3);
        assertThat(fourth.rejected()).hasSize(1);
        assertThat(fourth.dimensions()).isEqualTo(third.dimensions());
    }

    @Test
    void aFactDatedEarlierIsFoldedAtItsPlaceInValidTime() {
        when(repository.relation(RELATION)).thenReturn(Optional.of(new RelationSummary(RELATION, "Test", List.of("A", "B"), 5)));
        when(repository.recordedEvents(RELATION)).thenReturn(List.of(
                recorded(2, Facts.dialogueEstablished("dialogue", "1994")),
                recorded(3, Facts.dialogueJoined("joined", "1995")),
                recorded(4, Facts.exercise("exercise", "2002-01-09")),
                recorded(5, Facts.attested("turkey-member", "1952", "Turkey")),
                // Recorded last, dated before the exercise: the exercise is now judged under the veto and refused.
                recorded(6, Facts.veto("veto", "2001", "Turkey", VetoScope.EXERCISES))));

        ReplayStep last = stepThrough.replay(RELATION, 5, Optional.of(LocalDate.of(2003, 1, 1)));
        assertThat(last.applied().fact().id()).isEqualTo("veto");
        assertThat(last.applied().accepted()).isTrue();
        assertThat(last.rejected()).extracting(r -> r.factId()).containsExactly("exercise");
        assertThat(last.status().get("exerciseParticipation").value()).isEqualTo("VETOED");
    }

    @Test
    void aCorrectionIsAStepToo() {
        when(repository.relation(RELATION)).thenReturn(Optional.of(new RelationSummary(RELATION, "Test", List.of("A", "B"), 5)));
        FactCorrected retraction = new FactCorrected(RELATION, "veto", null, Map.of(), List.of(), List.of(), true,
                List.of(Source.seed("test", "the veto never happened")), "a misreading", List.of());
        when(repository.recordedEvents(RELATION)).thenReturn(List.of(
                recorded(2, Facts.dialogueEstablished("dialogue", "1994")),
                recorded(3, Facts.dialogueJoined("joined", "1995")),
                recorded(4, Facts.exercise("exercise", "2002-01-09")),
                recorded(5, Facts.attested("turkey-member", "1952", "Turkey")),
                recorded(6, Facts.veto("veto", "2010", "Turkey", VetoScope.EXERCISES)),
                new RecordedEvent(7, "veto", retraction)));

        ReplayStep vetoed = stepThrough.replay(RELATION, 5, Optional.of(LocalDate.of(2011, 1, 1)));
        assertThat(vetoed.status().get("exerciseParticipation").value()).isEqualTo("VETOED");

        ReplayStep retracted = stepThrough.replay(RELATION, 6, Optional.of(LocalDate.of(2011, 1, 1)));
        assertThat(retracted.steps()).isEqualTo(6);
        assertThat(retracted.applied().type()).isEqualTo("FactCorrected");
        assertThat(retracted.applied().factId()).isEqualTo("veto");
        assertThat(retracted.applied().correction().retracted()).isTrue();
        assertThat(retracted.applied().changedDimensions()).containsExactly("exerciseParticipation");
        assertThat(retracted.status().get("exerciseParticipation").value()).isEqualTo("ACTIVE");
    }

    private static RecordedEvent recorded(long globalSequence, HistoricalFact fact) {
        return new RecordedEvent(globalSequence, fact.factId(), fact);
    }

    @Test
    void itOnlyReads() {
        when(repository.relation(RELATION)).thenReturn(Optional.of(new RelationSummary(RELATION, "Test", List.of("A", "B"), 0)));
        when(repository.recordedEvents(RELATION)).thenReturn(List.of());
        stepThrough.replay(RELATION, 0, Optional.empty());
        verify(repository).relation(RELATION);
        verify(repository).recordedEvents(RELATION);
        verifyNoMoreInteractions(repository);
    }
}
