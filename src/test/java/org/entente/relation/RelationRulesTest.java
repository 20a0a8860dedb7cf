package org.entente.relation;

import static org.entente.relation.Facts.accession;
import static org.entente.relation.Facts.accredited;
import static org.entente.relation.Facts.admitted;
import static org.entente.relation.Facts.agreement;
import static org.entente.relation.Facts.attested;
import static org.entente.relation.Facts.conditionMet;
import static org.entente.relation.Facts.conditions;
import static org.entente.relation.Facts.dialogueEstablished;
import static org.entente.relation.Facts.dialogueJoined;
import static org.entente.relation.Facts.exercise;
import static org.entente.relation.Facts.lifted;
import static org.entente.relation.Facts.majorNonNatoAlly;
import static org.entente.relation.Facts.office;
import static org.entente.relation.Facts.opened;
import static org.entente.relation.Facts.tenders;
import static org.entente.relation.Facts.veto;
import static org.entente.relation.events.MembershipCondition.ANOTHER_ARAB_STATE_MEMBER;
import static org.entente.relation.events.MembershipCondition.PEACE_AGREEMENT_WITH_PALESTINIANS;
import static org.entente.relation.events.MembershipCondition.WITHIN_GEOGRAPHIC_BOUNDS;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.entente.relation.commands.RecordFact;
import org.entente.relation.events.AgreementKind;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.IndustryAccess;
import org.entente.relation.events.VetoScope;
import org.entente.relation.rules.Decision;
import org.entente.relation.rules.Rule;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the history, accepting and rejecting, as given(events) → when(command) → then(events |
 * rejection), through the Axon aggregate and so through the rules core it delegates to.
 */
class RelationRulesTest {

    private AggregateTestFixture<Relation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Relation.class);
        fixture.registerCommandTargetResolver(RelationRouting.targetResolver());
    }

    private ResultValidator<Relation> given(HistoricalFact... facts) {
        List<Object> events = new ArrayList<>();
        events.add(opened());
        events.addAll(List.of(facts));
        return fixture.given(events).when(new RecordFact(whenFact)).expectSuccessfulHandlerExecution();
    }

    private HistoricalFact whenFact;

    /** given(facts) → when(record fact) → then the fact is appended. */
    private void accepted(HistoricalFact fact, HistoricalFact... given) {
        whenFact = fact;
        given(given).expectEvents(fact).expectResultMessagePayloadMatching(isAccepted());
    }

    /** given(facts) → when(record fact) → then nothing is appended and the rule is named with the blocking facts. */
    private void rejected(HistoricalFact fact, Rule rule, List<String> blocking, HistoricalFact... given) {
        whenFact = fact;
        given(given).expectNoEvents().expectResultMessagePayloadMatching(rejectedBy(rule, blocking));
    }

    private static final HistoricalFact[] PARTNER = {dialogueEstablished("established", "1994"), dialogueJoined("joined", "1995")};

    private static HistoricalFact[] partnerAnd(HistoricalFact... more) {
        List<HistoricalFact> all = new ArrayList<>(List.of(PARTNER));
        all.addAll(List.of(more));
        return all.toArray(HistoricalFact[]::new);
    }

    @Nested
    class Rule1DialogueEstablishedFirst {
        @Test
        void partnershipBeginsOnceNatoHasEstablishedTheDialogue() {
            accepted(dialogueJoined("joined", "1995"), dialogueEstablished("established", "1994"));
        }

        @Test
        void partnershipBeforeTheDialogueExistsIsRejected() {
            rejected(dialogueJoined("joined", "1993"), Rule.DIALOGUE_ESTABLISHED_FIRST, List.of());
        }

        @Test
        void partnershipDatedBeforeARecordedEstablishmentIsRejected() {
            rejected(dialogueJoined("joined", "1993"), Rule.DIALOGUE_ESTABLISHED_FIRST, List.of(),
                    dialogueEstablished("established", "1994"));
        }
    }

    @Nested
    class Rule2ExerciseParticipation {
        @Test
        void partnerWithoutVetoMayJoinExercises() {
            accepted(exercise("exercise", "2002-01-09"), PARTNER);
        }

        @Test
        void exerciseWithoutPartnerStatusIsRejected() {
            rejected(exercise("exercise", "2002-01-09"), Rule.PARTNER_STATUS_REQUIRED, List.of(),
                    dialogueEstablished("established", "1994"));
        }

        @Test
        void vetoBlocksExerciseParticipation() {
            rejected(exercise("exercise", "2012"), Rule.NO_VETO_IN_FORCE, List.of("veto"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.EXERCISES)));
        }

        @Test
        void vetoOnAllCooperationAlsoBlocksExercises() {
            rejected(exercise("exercise", "2012"), Rule.NO_VETO_IN_FORCE, List.of("veto"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.ALL_COOPERATION)));
        }

        @Test
        void vetoOnTheOfficeDoesNotBlockExercises() {
            accepted(exercise("exercise", "2012"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.OFFICE)));
        }

        @Test
        void liftedVetoNoLongerBlocks() {
            accepted(exercise("exercise", "2016-11"), partnerAnd(attested("turkey", "2010", "Turkey"),
                    veto("veto", "2010", "Turkey", VetoScope.EXERCISES), lifted("lifted", "2016-06", "veto")));
        }
    }

    @Nested
    class Rule3Vetoes {
        @Test
        void memberMayVeto() {
            accepted(veto("veto", "2010", "Albania", VetoScope.EXERCISES), admitted("albania", "2009", "Albania"));
        }

        @Test
        void nonMemberCannotVeto() {
            rejected(veto("veto", "2016", "Montenegro", VetoScope.EXERCISES), Rule.VETO_BY_MEMBER_ONLY, List.of(),
                    admitted("albania", "2009", "Albania"));
        }

        @Test
        void stateCannotVetoBeforeItIsAdmitted() {
            rejected(veto("veto", "2008", "Albania", VetoScope.EXERCISES), Rule.VETO_BY_MEMBER_ONLY, List.of(),
                    admitted("albania", "2009", "Albania"));
        }

        @Test
        void vetoInForceMayBeLifted() {
            accepted(lifted("lifted", "2016-06", "veto"),
                    attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.EXERCISES));
        }

        @Test
        void liftingAVetoThatIsNotInForceIsRejected() {
            rejected(lifted("lifted", "2016-06", "no-such-veto"), Rule.LIFT_ONLY_VETO_IN_FORCE, List.of(),
                    attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.EXERCISES));
        }

        @Test
        void liftingTheSameVetoTwiceIsRejected() {
            rejected(lifted("lifted-again", "2017", "veto"), Rule.LIFT_ONLY_VETO_IN_FORCE, List.of(),
                    attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.EXERCISES),
                    lifted("lifted", "2016-06", "veto"));
        }
    }

    @Nested
    class Rule4HeadquartersOffice {
        @Test
        void partnerMayBeGrantedAnOfficeWhileOnlyExercisesAreVetoed() {
            accepted(office("office", "2016-05-03"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.EXERCISES)));
        }

        @Test
        void officeWithoutPartnerStatusIsRejected() {
            rejected(office("office", "2016-05-03"), Rule.PARTNER_STATUS_REQUIRED, List.of());
        }

        @Test
        void vetoCoveringTheOfficeBlocksIt() {
            rejected(office("office", "2016-05-03"), Rule.NO_VETO_IN_FORCE, List.of("veto"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.OFFICE)));
        }
    }

    @Nested
    class Rule5Accreditation {
        @Test
        void representativeIsAccreditedOnceAnOfficeIsAuthorised() {
            accepted(accredited("accredited", "2016-09"), partnerAnd(office("office", "2016-05-03")));
        }

        @Test
        void accreditationWithoutAnOfficeIsRejected() {
            rejected(accredited("accredited", "2016-09"), Rule.OFFICE_BEFORE_ACCREDITATION, List.of(), PARTNER);
        }
    }

    @Nested
    class Rule6Agreements {
        @Test
        void partnerMaySignAgreementsWhileOnlyExercisesAreVetoed() {
            accepted(agreement("agreement", "2017-11", AgreementKind.SECURITY_INFORMATION_EXCHANGE),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.EXERCISES)));
        }

        @Test
        void agreementWithoutPartnerStatusIsRejected() {
            rejected(agreement("agreement", "2017-11", AgreementKind.SECURITY_INFORMATION_EXCHANGE),
                    Rule.PARTNER_STATUS_REQUIRED, List.of());
        }

        @Test
        void vetoOnAllCooperationBlocksAgreements() {
            rejected(agreement("agreement", "2018-02-09", AgreementKind.COOPERATION), Rule.NO_VETO_IN_FORCE, List.of("veto"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.ALL_COOPERATION)));
        }

        @Test
        void vetoOnAllCooperationBlocksNatoTenders() {
            rejected(tenders("tenders", "2018-02-09", IndustryAccess.NATO_TENDERS), Rule.NO_VETO_IN_FORCE, List.of("veto"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.ALL_COOPERATION)));
        }
    }

    @Nested
    class Rule7Accession {
        @Test
        void accessionIsRejectedByTheGeographicPositionOf1957() {
            rejected(accession("accession", "1960"), Rule.MEMBERSHIP_CONDITIONS_MET, List.of("spaak"),
                    conditions("spaak", "1957", WITHIN_GEOGRAPHIC_BOUNDS));
        }

        @Test
        void accessionIsRejectedByTheConditionsOf2009WhichReplaceThoseOf1957() {
            rejected(accession("accession", "2010"), Rule.MEMBERSHIP_CONDITIONS_MET, List.of("scheffer"),
                    conditions("spaak", "1957", WITHIN_GEOGRAPHIC_BOUNDS),
                    conditions("scheffer", "2009", PEACE_AGREEMENT_WITH_PALESTINIANS, ANOTHER_ARAB_STATE_MEMBER));
        }

        @Test
        void accessionIsRejectedWhileOneConditionIsUnmet() {
            rejected(accession("accession", "2031"), Rule.MEMBERSHIP_CONDITIONS_MET, List.of("scheffer"),
                    conditions("scheffer", "2009", PEACE_AGREEMENT_WITH_PALESTINIANS, ANOTHER_ARAB_STATE_MEMBER),
                    conditionMet("peace", "2030", PEACE_AGREEMENT_WITH_PALESTINIANS));
        }

        @Test
        void accessionIsAcceptedOnceEveryStatedConditionIsMet() {
            accepted(accession("accession", "2031"),
                    conditions("scheffer", "2009", PEACE_AGREEMENT_WITH_PALESTINIANS, ANOTHER_ARAB_STATE_MEMBER),
                    conditionMet("peace", "2030", PEACE_AGREEMENT_WITH_PALESTINIANS),
                    conditionMet("arab-member", "2030", ANOTHER_ARAB_STATE_MEMBER));
        }
    }

    @Nested
    class Rule8MajorNonNatoAllyIsBilateral {
        @Test
        void designationIsUntouchedByAVetoOnAllCooperation() {
            accepted(majorNonNatoAlly("mnna", "2011"),
                    partnerAnd(attested("turkey", "2010", "Turkey"), veto("veto", "2010", "Turkey", VetoScope.ALL_COOPERATION)));
        }

        @Test
        void designationNeedsNoPartnerStatus() {
            accepted(majorNonNatoAlly("mnna", "1987-12"));
        }
    }

    @Nested
    class RecordingOnce {
        @Test
        void recordingTheSameFactAgainChangesNothing() {
            whenFact = exercise("exercise", "2002-01-09");
            given(partnerAnd(exercise("exercise", "2002-01-09"))).expectNoEvents()
                    .expectResultMessagePayloadMatching(isUnchanged());
        }

        @Test
        void aChangedFactUnderARecordedIdIsRejected() {
            rejected(exercise("exercise", "2003"), Rule.FACT_RECORDED_ONCE, List.of("exercise"),
                    partnerAnd(exercise("exercise", "2002-01-09")));
        }

        @Test
        void aFactThatWouldMakeLaterRecordedFactsImpossibleIsRejected() {
            rejected(veto("veto", "2005", "Turkey", VetoScope.EXERCISES), Rule.NO_VETO_IN_FORCE, List.of("eilat"),
                    partnerAnd(attested("turkey", "2004", "Turkey"), exercise("eilat", "2007-04")));
        }

        @Test
        void aFactDatedBeforeLaterFactsIsAcceptedWhenItBreaksNothing() {
            accepted(exercise("early", "2001"), partnerAnd(exercise("eilat", "2007-04")));
        }
    }

    @Nested
    class RecordingInBatches {
        @Test
        void aValidBatchIsAcceptedWhole() {
            fixture.given(opened(), dialogueEstablished("established", "1994"))
                    .when(new org.entente.relation.commands.RecordFacts(Facts.RELATION,
                            List.of(dialogueJoined("joined", "1995"), exercise("exercise", "2002-01-09"))))
                    .expectEvents(dialogueJoined("joined", "1995"), exercise("exercise", "2002-01-09"))
                    .expectResultMessagePayloadMatching(isAccepted());
        }

        @Test
        void aBatchWithAFactTheRulesRefuseRecordsNothing() {
            fixture.given(opened(), dialogueEstablished("established", "1994"))
                    .when(new org.entente.relation.commands.RecordFacts(Facts.RELATION,
                            List.of(exercise("exercise", "2002-01-09"), dialogueJoined("joined", "2003"))))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(rejectedBy(Rule.PARTNER_STATUS_REQUIRED, List.of()));
        }

        @Test
        void aBatchOutOfValidOrderIsInvalid() {
            fixture.given(opened(), dialogueEstablished("established", "1994"))
                    .when(new org.entente.relation.commands.RecordFacts(Facts.RELATION,
                            List.of(dialogueJoined("joined", "1995"), exercise("exercise", "1990"))))
                    .expectNoEvents()
                    .expectResultMessagePayloadMatching(decision("invalid", d -> d instanceof Decision.Invalid i && i.field().equals("facts")));
        }
    }

    private static Matcher<Object> isAccepted() {
        return decision("accepted", d -> d instanceof Decision.Accepted);
    }

    private static Matcher<Object> isUnchanged() {
        return decision("unchanged", d -> d instanceof Decision.Unchanged);
    }

    private static Matcher<Object> rejectedBy(Rule rule, List<String> blocking) {
        return decision("rejected by " + rule + " blocked by " + blocking, d -> d instanceof Decision.Rejected r
                && r.rejection().rule() == rule && r.rejection().blockingFacts().equals(blocking)
                && !r.rejection().reason().isBlank());
    }

    private static Matcher<Object> decision(String description, java.util.function.Predicate<Object> test) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return test.test(item);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(description);
            }
        };
    }
}
