package org.entente.relation.events;

import java.util.List;
import org.entente.time.ValidDate;

/**
 * A dated fact of a relation's history: what happened, when (as precisely as the source says)
 * and where we read it. Each implementation is one kind of fact, named in the past tense.
 */
public sealed interface HistoricalFact extends RelationEvent permits
        MajorNonNatoAllyDesignated, MediterraneanDialogueEstablished, MediterraneanDialogueJoined,
        ExerciseJoined, VetoCast, VetoLifted, CatalogingSystemJoined, HeadquartersOfficeAuthorized,
        RepresentativeAccredited, AgreementSigned, IndustryAccessWidened, MembershipConditionsStated,
        MembershipConditionMet, NatoMemberAdmitted, NatoMembershipAttested, NatoAccessionCompleted,
        ContextNoted {

    /** Stable slug, unique within the relation, e.g. {@code turkey-veto-2010}. */
    String factId();

    ValidDate date();

    List<Source> sources();

    /** The fact's type as written in history and scenario files: the event's simple name. */
    default String type() {
        return getClass().getSimpleName();
    }
}
