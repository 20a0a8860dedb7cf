package org.entente.relation;

import java.util.List;
import org.entente.relation.events.ActivityKind;
import org.entente.relation.events.AgreementKind;
import org.entente.relation.events.AgreementSigned;
import org.entente.relation.events.CatalogingSystemJoined;
import org.entente.relation.events.ContextNoted;
import org.entente.relation.events.ExerciseJoined;
import org.entente.relation.events.HeadquartersOfficeAuthorized;
import org.entente.relation.events.IndustryAccess;
import org.entente.relation.events.IndustryAccessWidened;
import org.entente.relation.events.MajorNonNatoAllyDesignated;
import org.entente.relation.events.MediterraneanDialogueEstablished;
import org.entente.relation.events.MediterraneanDialogueJoined;
import org.entente.relation.events.MembershipCondition;
import org.entente.relation.events.MembershipConditionMet;
import org.entente.relation.events.MembershipConditionsStated;
import org.entente.relation.events.NatoAccessionCompleted;
import org.entente.relation.events.NatoMemberAdmitted;
import org.entente.relation.events.NatoMembershipAttested;
import org.entente.relation.events.RelationOpened;
import org.entente.relation.events.RepresentativeAccredited;
import org.entente.relation.events.Source;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoLifted;
import org.entente.relation.events.VetoScope;
import org.entente.time.ValidDate;

/** Short constructors for facts of a test relation, so that tests read as the history they describe. */
public final class Facts {

    public static final String RELATION = "test-relation";
    private static final List<Source> SOURCE = List.of(Source.seed("test", "a test fact"));

    private Facts() {
    }

    private static ValidDate on(String date) {
        return ValidDate.parse(date);
    }

    public static RelationOpened opened() {
        return new RelationOpened(RELATION, "Test relation", List.of("Israel", "NATO"));
    }

    public static MediterraneanDialogueEstablished dialogueEstablished(String id, String date) {
        return new MediterraneanDialogueEstablished(RELATION, id, on(date), SOURCE);
    }

    public static MediterraneanDialogueJoined dialogueJoined(String id, String date) {
        return new MediterraneanDialogueJoined(RELATION, id, on(date), SOURCE);
    }

    public static ExerciseJoined exercise(String id, String date) {
        return new ExerciseJoined(RELATION, id, on(date), SOURCE, "an exercise", ActivityKind.EXERCISE);
    }

    public static NatoMemberAdmitted admitted(String id, String date, String state) {
        return new NatoMemberAdmitted(RELATION, id, on(date), SOURCE, state);
    }

    public static NatoMembershipAttested attested(String id, String date, String state) {
        return new NatoMembershipAttested(RELATION, id, on(date), SOURCE, state);
    }

    public static VetoCast veto(String id, String date, String member, VetoScope scope) {
        return new VetoCast(RELATION, id, on(date), SOURCE, member, scope);
    }

    public static VetoLifted lifted(String id, String date, String veto) {
        return new VetoLifted(RELATION, id, on(date), SOURCE, veto);
    }

    public static HeadquartersOfficeAuthorized office(String id, String date) {
        return new HeadquartersOfficeAuthorized(RELATION, id, on(date), SOURCE);
    }

    public static RepresentativeAccredited accredited(String id, String date) {
        return new RepresentativeAccredited(RELATION, id, on(date), SOURCE, "an ambassador");
    }

    public static AgreementSigned agreement(String id, String date, AgreementKind kind) {
        return new AgreementSigned(RELATION, id, on(date), SOURCE, kind);
    }

    public static IndustryAccessWidened tenders(String id, String date, IndustryAccess access) {
        return new IndustryAccessWidened(RELATION, id, on(date), SOURCE, access);
    }

    public static MembershipConditionsStated conditions(String id, String date, MembershipCondition... conditions) {
        return new MembershipConditionsStated(RELATION, id, on(date), SOURCE, "a secretary general", List.of(conditions));
    }

    public static MembershipConditionMet conditionMet(String id, String date, MembershipCondition condition) {
        return new MembershipConditionMet(RELATION, id, on(date), SOURCE, condition);
    }

    public static NatoAccessionCompleted accession(String id, String date) {
        return new NatoAccessionCompleted(RELATION, id, on(date), SOURCE);
    }

    public static MajorNonNatoAllyDesignated majorNonNatoAlly(String id, String date) {
        return new MajorNonNatoAllyDesignated(RELATION, id, on(date), SOURCE, "United States");
    }

    public static CatalogingSystemJoined cataloging(String id, String date) {
        return new CatalogingSystemJoined(RELATION, id, on(date), SOURCE);
    }

    public static ContextNoted context(String id, String date) {
        return new ContextNoted(RELATION, id, on(date), SOURCE, "context");
    }
}
