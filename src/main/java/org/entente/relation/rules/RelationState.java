package org.entente.relation.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.relation.events.AgreementKind;
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
    private Map<AgreementKind, String> agreements = Map.of();
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

    /**
     * evolve(state, fact) → state: the state once this (already accepted) fact has happened. A fact that
     * changes nothing (a context note, a second exercise) returns this same state.
     */
    public RelationState evolve(HistoricalFact fact) {
        String id = fact.factId();
        if (fact instanceof MediterraneanDialogueEstablished) {
            RelationState next = copy();
            next.dialogueEstablished = id;
            return next;
        } else if (fact instanceof MediterraneanDialogueJoined) {
            RelationState next = copy();
            next.partner = id;
            return next;
        } else if (fact instanceof MajorNonNatoAllyDesignated designation) {
            RelationState next = copy();
            next.majorNonNatoAlly = designation;
            return next;
        } else if (fact instanceof ExerciseJoined) {
            if (firstParticipation == null) {
                RelationState next = copy();
                next.firstParticipation = id;
                return next;
            }
        } else if (fact instanceof VetoCast veto) {
            RelationState next = copy();
            next.vetoesInForce = with(vetoesInForce, id, veto);
            return next;
        } else if (fact instanceof VetoLifted lifting) {
            RelationState next = copy();
            next.vetoesInForce = without(vetoesInForce, lifting.veto());
            return next;
        } else if (fact instanceof NatoMemberAdmitted admitted) {
            RelationState next = copy();
            next.natoMembers = with(natoMembers, admitted.state(), id);
            return next;
        } else if (fact instanceof NatoMembershipAttested attested) {
            if (!natoMembers.containsKey(attested.state())) {
                RelationState next = copy();
                next.natoMembers = with(natoMembers, attested.state(), id);
                return next;
            }
        } else if (fact instanceof CatalogingSystemJoined) {
            RelationState next = copy();
            next.cataloging = id;
            return next;
        } else if (fact instanceof HeadquartersOfficeAuthorized) {
            RelationState next = copy();
            next.office = id;
            return next;
        } else if (fact instanceof RepresentativeAccredited accredited) {
            RelationState next = copy();
            next.accreditation = accredited;
            return next;
        } else if (fact instanceof AgreementSigned agreement) {
            if (!agreements.containsKey(agreement.agreement())) {
                RelationState next = copy();
                next.agreements = with(agreements, agreement.agreement(), id);
                return next;
            }
        } else if (fact instanceof IndustryAccessWidened widened) {
            RelationState next = copy();
            if (widened.access() == IndustryAccess.NATO_TENDERS) {
                next.natoTenderAccess = id;
            } else {
                next.supplierAccess = id;
            }
            return next;
        } else if (fact instanceof MembershipConditionsStated stated) {
            RelationState next = copy();
            next.conditions = stated;
            next.conditionsMet = Map.of();
            return next;
        } else if (fact instanceof MembershipConditionMet met) {
            RelationState next = copy();
            next.conditionsMet = with(conditionsMet, met.condition(), id);
            return next;
        } else if (fact instanceof NatoAccessionCompleted) {
            RelationState next = copy();
            next.accession = id;
            return next;
        }
        return this;
    }

    private static <K, V> Map<K, V> without(Map<K, V> map, K key) {
        if (!map.containsKey(key)) {
            return map;
        }
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy.isEmpty() ? Map.of() : Collections.unmodifiableMap(copy);
    }

    private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
        if (map.isEmpty()) {
            return Map.of(key, value);
        }
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
        if (vetoesInForce.isEmpty()) {
            return List.of();
        }
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
            case AGREEMENTS -> agreements();
            case MEMBERSHIP -> flag(accession, "MEMBER", "NON_MEMBER");
            case MEMBERSHIP_CONDITIONS -> conditions == null ? DimensionValue.of(List.of(), List.of())
                    : DimensionValue.of(
                            conditions.conditions().stream().filter(c -> !conditionMet(c)).map(Enum::name).toList(),
                            List.of(conditions.factId()));
        };
    }

    private DimensionValue agreements() {
        List<String> kinds = new ArrayList<>(agreements.size());
        for (AgreementKind kind : agreements.keySet()) {
            kinds.add(kind.name());
        }
        return DimensionValue.of(List.copyOf(kinds), List.copyOf(agreements.values()));
    }

    private DimensionValue exerciseParticipation() {
        List<String> vetoes = vetoesCovering(VetoScope.EXERCISES);
        if (!vetoes.isEmpty()) {
            StringBuilder vetoedBy = new StringBuilder();
            for (String veto : vetoes) {
                vetoedBy.append(vetoedBy.length() == 0 ? "" : ", ").append(vetoesInForce.get(veto).memberState());
            }
            return new DimensionValue("VETOED", vetoes, Map.of("vetoedBy", vetoedBy.toString()));
        }
        return flag(firstParticipation, "ACTIVE", "NONE");
    }

    private static DimensionValue flag(String factId, String on, String off) {
        return factId == null ? DimensionValue.none(off) : DimensionValue.of(on, List.of(factId));
    }
}
