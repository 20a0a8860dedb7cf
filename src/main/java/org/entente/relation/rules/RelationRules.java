package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.relation.events.AgreementSigned;
import org.entente.relation.events.ExerciseJoined;
import org.entente.relation.events.HeadquartersOfficeAuthorized;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.IndustryAccess;
import org.entente.relation.events.IndustryAccessWidened;
import org.entente.relation.events.MediterraneanDialogueJoined;
import org.entente.relation.events.MembershipCondition;
import org.entente.relation.events.MembershipConditionsStated;
import org.entente.relation.events.NatoAccessionCompleted;
import org.entente.relation.events.RepresentativeAccredited;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoLifted;
import org.entente.relation.events.VetoScope;

/**
 * The rules of the history, as plain functions of (fact, state). The Axon aggregate, the projection and
 * the what-if engine all call {@link #check}; nothing here knows about Spring, Axon or a database.
 *
 * <p>{@link org.entente.relation.events.MajorNonNatoAllyDesignated} has no guard on purpose: the US major
 * non-NATO ally status is bilateral, so NATO's rules and vetoes do not touch it.
 */
public final class RelationRules {

    private RelationRules() {
    }

    /** The rejection of {@code fact} in {@code state}, or empty when the fact may happen. */
    public static Optional<Rejection> check(HistoricalFact fact, RelationState state) {
        return Optional.ofNullable(rejection(fact, state));
    }

    /** The first rule the fact breaks, or null. Guards return null when their rule holds. */
    private static Rejection rejection(HistoricalFact fact, RelationState state) {
        if (fact instanceof MediterraneanDialogueJoined) {
            return dialogueEstablishedFirst(fact, state);
        }
        if (fact instanceof ExerciseJoined) {
            return firstOf(partnerStatusRequired(fact, state), fact, state, VetoScope.EXERCISES);
        }
        if (fact instanceof VetoCast veto) {
            return vetoByMemberOnly(veto, state);
        }
        if (fact instanceof VetoLifted lifting) {
            return liftOnlyVetoInForce(lifting, state);
        }
        if (fact instanceof HeadquartersOfficeAuthorized) {
            return firstOf(partnerStatusRequired(fact, state), fact, state, VetoScope.OFFICE);
        }
        if (fact instanceof RepresentativeAccredited) {
            return officeBeforeAccreditation(fact, state);
        }
        if (fact instanceof AgreementSigned
                || fact instanceof IndustryAccessWidened widened && widened.access() == IndustryAccess.NATO_TENDERS) {
            return firstOf(partnerStatusRequired(fact, state), fact, state, VetoScope.ALL_COOPERATION);
        }
        if (fact instanceof NatoAccessionCompleted) {
            return membershipConditionsMet(fact, state);
        }
        return null;
    }

    /** The partner-status rejection if any, else the veto rejection for that scope, if any. */
    private static Rejection firstOf(Rejection partnerStatus, HistoricalFact fact, RelationState state, VetoScope scope) {
        return partnerStatus != null ? partnerStatus : noVetoInForce(fact, state, scope);
    }

    static Rejection dialogueEstablishedFirst(HistoricalFact fact, RelationState state) {
        if (state.dialogueEstablished() != null) {
            return null;
        }
        return reject(fact, Rule.DIALOGUE_ESTABLISHED_FIRST, List.of(),
                "NATO has not established the Mediterranean Dialogue by " + fact.date() + ", so no partnership in it can begin");
    }

    static Rejection partnerStatusRequired(HistoricalFact fact, RelationState state) {
        if (state.partner() != null) {
            return null;
        }
        return reject(fact, Rule.PARTNER_STATUS_REQUIRED, List.of(),
                fact.type() + " on " + fact.date() + " needs partner status, and there is no partnership by then");
    }

    static Rejection noVetoInForce(HistoricalFact fact, RelationState state, VetoScope scope) {
        List<String> vetoes = state.vetoesCovering(scope);
        if (vetoes.isEmpty()) {
            return null;
        }
        return reject(fact, Rule.NO_VETO_IN_FORCE, vetoes,
                fact.type() + " on " + fact.date() + " is blocked by the veto in force: " + String.join(", ", vetoes));
    }

    static Rejection vetoByMemberOnly(VetoCast veto, RelationState state) {
        if (state.natoMembership(veto.memberState()) != null) {
            return null;
        }
        return reject(veto, Rule.VETO_BY_MEMBER_ONLY, List.of(),
                veto.memberState() + " is not known to be a NATO member on " + veto.date()
                        + " (no admission or attested membership before it), so it cannot veto");
    }

    static Rejection liftOnlyVetoInForce(VetoLifted lifting, RelationState state) {
        if (state.vetoInForce(lifting.veto())) {
            return null;
        }
        return reject(lifting, Rule.LIFT_ONLY_VETO_IN_FORCE, List.of(),
                "veto '" + lifting.veto() + "' is not in force on " + lifting.date() + ", so it cannot be lifted");
    }

    static Rejection officeBeforeAccreditation(HistoricalFact fact, RelationState state) {
        if (state.office() != null) {
            return null;
        }
        return reject(fact, Rule.OFFICE_BEFORE_ACCREDITATION, List.of(),
                "no headquarters office is authorised by " + fact.date() + ", so no representative can be accredited");
    }

    static Rejection membershipConditionsMet(HistoricalFact fact, RelationState state) {
        MembershipConditionsStated stated = state.membershipConditions();
        if (stated == null) {
            return null;
        }
        List<String> unmet = new ArrayList<>();
        for (MembershipCondition condition : stated.conditions()) {
            if (!state.conditionMet(condition)) {
                unmet.add(condition.name());
            }
        }
        if (unmet.isEmpty()) {
            return null;
        }
        return reject(fact, Rule.MEMBERSHIP_CONDITIONS_MET, List.of(stated.factId()),
                "accession on " + fact.date() + " while conditions stated by " + stated.statedBy() + " (" + stated.date()
                        + ") are unmet: " + String.join(", ", unmet));
    }

    private static Rejection reject(HistoricalFact fact, Rule rule, List<String> blocking, String reason) {
        return new Rejection(fact.factId(), rule, blocking, reason);
    }
}
