package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.relation.events.AgreementSigned;
import org.entente.relation.events.CatalogingSystemJoined;
import org.entente.relation.events.ExerciseJoined;
import org.entente.relation.events.HeadquartersOfficeAuthorized;
import org.entente.relation.events.HistoricalFact;
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
import org.entente.relation.events.RepresentativeAccredited;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoLifted;
import org.entente.relation.events.VetoScope;

/**
 * What the accepted facts so far say about a relation. Immutable: {@link #evolve} returns a new state and
 * never changes this one, so a what-if run can branch from any state.
 */
public final class RelationState {

    public static final RelationState EMPTY = new RelationState();

    private String dialogueEstablished;
    private String partner;
    private MajorNonNatoAllyDesignated majorNonNatoAlly;
    private String firstParticipation;
    private Map<String, VetoCast> vetoesInForce = Map.of();
    private Map<String, String> natoMembers = Map.of();
    private String cataloging;
    private String office;
    private RepresentativeAccredited accreditation;
    private List<AgreementSigned> agreements = List.of();
    private String supplierAccess;
    private String natoTenderAccess;
    private MembershipConditionsStated conditions;
    private Map<MembershipCondition, String> conditionsMet = Map.of();
    private String accession;

    private RelationState() {
    }

    private RelationState copy() {
        RelationState c = new RelationState();
        c.dialogueEstablished = dialogueEstablished;
        c.partner = partner;
        c.majorNonNatoAlly = majorNonNatoAlly;
        c.firstParticipation = firstParticipation;
        c.vetoesInForce = vetoesInForce;
        c.natoMembers = natoMembers;
        c.cataloging = cataloging;
        c.office = office;
        c.accreditation = accreditation;
        c.agreements = agreements;
        c.supplierAccess = supplierAccess;
        c.natoTenderAccess = natoTenderAccess;
        c.conditions = conditions;
        c.conditionsMet = conditionsMet;
        c.accession = accession;
        return c;
    }

    /** evolve(state, fact) → state: the state once this (already accepted) fact has happened. */
    public RelationState evolve(HistoricalFact fact) {
        RelationState next = copy();
        String id = fact.factId();
        if (fact instanceof MediterraneanDialogueEstablished) {
            next.dialogueEstablished = id;
        } else if (fact instanceof MediterraneanDialogueJoined) {
            next.partner = id;
        } else if (fact instanceof MajorNonNatoAllyDesignated designation) {
            next.majorNonNatoAlly = designation;
        } else if (fact instanceof ExerciseJoined) {
            if (firstParticipation == null) {
                next.firstParticipation = id;
            }
        } else if (fact instanceof VetoCast veto) {
            next.vetoesInForce = with(vetoesInForce, id, veto);
        } else if (fact instanceof VetoLifted lifting) {
            Map<String, VetoCast> remaining = new LinkedHashMap<>(vetoesInForce);
            remaining.remove(lifting.veto());
            next.vetoesInForce = Collections.unmodifiableMap(remaining);
        } else if (fact instanceof NatoMemberAdmitted admitted) {
            next.natoMembers = with(natoMembers, admitted.state(), id);
        } else if (fact instanceof NatoMembershipAttested attested) {
            if (!natoMembers.containsKey(attested.state())) {
                next.natoMembers = with(natoMembers, attested.state(), id);
            }
        } else if (fact instanceof CatalogingSystemJoined) {
            next.cataloging = id;
        } else if (fact instanceof HeadquartersOfficeAuthorized) {
            next.office = id;
        } else if (fact instanceof RepresentativeAccredited accredited) {
            next.accreditation = accredited;
        } else if (fact instanceof AgreementSigned agreement) {
            List<AgreementSigned> signed = new ArrayList<>(agreements);
            signed.add(agreement);
            next.agreements = List.copyOf(signed);
        } else if (fact instanceof IndustryAccessWidened widened) {
            if (widened.access() == IndustryAccess.NATO_TENDERS) {
                next.natoTenderAccess = id;
            } else {
                next.supplierAccess = id;
            }
        } else if (fact instanceof MembershipConditionsStated stated) {
            next.conditions = stated;
            next.conditionsMet = Map.of();
        } else if (fact instanceof MembershipConditionMet met) {
            next.conditionsMet = with(conditionsMet, met.condition(), id);
        } else if (fact instanceof NatoAccessionCompleted) {
            next.accession = id;
        }
        return next;
    }

    private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    // --- what the rules ask -------------------------------------------------------------------

    public String dialogueEstablished() {
        return dialogueEstablished;
    }

    public String partner() {
        return partner;
    }

    public String office() {
        return office;
    }

    /** The fact that makes {@code state} a NATO member at this point of the timeline, or null. */
    public String natoMembership(String state) {
        return natoMembers.get(state);
    }

    public boolean vetoInForce(String vetoFactId) {
        return vetoesInForce.containsKey(vetoFactId);
    }

    /** Ids of the vetoes in force that cover the given scope. */
    public List<String> vetoesCovering(VetoScope scope) {
        List<String> ids = new ArrayList<>(1);
        for (VetoCast veto : vetoesInForce.values()) {
            if (veto.scope().covers(scope)) {
                ids.add(veto.factId());
            }
        }
        return ids;
    }

    public MembershipConditionsStated membershipConditions() {
        return conditions;
    }

    public boolean conditionMet(MembershipCondition condition) {
        return conditionsMet.containsKey(condition);
    }

    // --- what the status shows ----------------------------------------------------------------

    public Map<Dimension, DimensionValue> status() {
        Map<Dimension, DimensionValue> status = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            status.put(d, value(d));
        }
        return status;
    }

    public DimensionValue value(Dimension dimension) {
        return switch (dimension) {
            case MAJOR_NON_NATO_ALLY -> majorNonNatoAlly == null ? DimensionValue.none("NONE")
                    : new DimensionValue("DESIGNATED", List.of(majorNonNatoAlly.factId()),
                            Map.of("designatedBy", majorNonNatoAlly.designatedBy()));
            case MEDITERRANEAN_DIALOGUE -> flag(partner, "PARTNER", "NONE");
            case EXERCISE_PARTICIPATION -> exerciseParticipation();
            case CATALOGING_SYSTEM -> flag(cataloging, "MEMBER", "NONE");
            case HEADQUARTERS_OFFICE -> flag(office, "AUTHORIZED", "NONE");
            case REPRESENTATION -> accreditation == null ? DimensionValue.none("NOT_ACCREDITED")
                    : new DimensionValue("ACCREDITED", List.of(accreditation.factId()),
                            Map.of("representative", accreditation.representative()));
            case INDUSTRY_ACCESS -> natoTenderAccess != null ? DimensionValue.of("NATO_TENDERS", List.of(natoTenderAccess))
                    : flag(supplierAccess, "SUPPLIER", "NONE");
            case AGREEMENTS -> DimensionValue.of(
                    agreements.stream().map(a -> a.agreement().name()).toList(),
                    agreements.stream().map(AgreementSigned::factId).toList());
            case MEMBERSHIP -> flag(accession, "MEMBER", "NON_MEMBER");
            case MEMBERSHIP_CONDITIONS -> conditions == null ? DimensionValue.of(List.of(), List.of())
                    : DimensionValue.of(
                            conditions.conditions().stream().filter(c -> !conditionMet(c)).map(Enum::name).toList(),
                            List.of(conditions.factId()));
        };
    }

    private DimensionValue exerciseParticipation() {
        List<String> vetoes = vetoesCovering(VetoScope.EXERCISES);
        if (!vetoes.isEmpty()) {
            String vetoedBy = String.join(", ", vetoes.stream().map(id -> vetoesInForce.get(id).memberState()).toList());
            return new DimensionValue("VETOED", vetoes, Map.of("vetoedBy", vetoedBy));
        }
        return flag(firstParticipation, "ACTIVE", "NONE");
    }

    private static DimensionValue flag(String factId, String on, String off) {
        return factId == null ? DimensionValue.none(off) : DimensionValue.of(on, List.of(factId));
    }
}
