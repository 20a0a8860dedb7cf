package org.entente.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.DimensionAnswer;
import org.entente.relation.rules.Segment;
import org.entente.relation.rules.StatusTimeline;

/**
 * Where a scenario's status differs from history: per dimension, the intervals of difference, and the
 * first date of any. Two answers differ when their value, certainty, possible values or details differ;
 * which facts support them, or since when, does not make a difference by itself.
 */
public record Diff(LocalDate firstDivergence, Map<Dimension, List<DiffInterval>> dimensions) {

    /**
     * @param suspects the facts the scenario changed, added, removed, or that its replay rejected
     * @param factById looks a suspect up (in the scenario, else in history), to see which dimensions it can change
     */
    static Diff between(StatusTimeline baseline, StatusTimeline scenario, Set<String> suspects,
                        Function<String, HistoricalFact> factById) {
        Map<Dimension, List<DiffInterval>> dimensions = new EnumMap<>(Dimension.class);
        LocalDate first = null;
        for (Dimension d : Dimension.values()) {
            List<DiffInterval> intervals = compare(baseline.segments(d), scenario.segments(d), d, suspects, factById);
            dimensions.put(d, intervals);
            if (!intervals.isEmpty() && (first == null || intervals.get(0).from().isBefore(first))) {
                first = intervals.get(0).from();
            }
        }
        return new Diff(first, dimensions);
    }

    private static List<DiffInterval> compare(List<Segment> base, List<Segment> scen, Dimension dimension,
                                              Set<String> suspects, Function<String, HistoricalFact> factById) {
        List<DiffInterval> intervals = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < base.size() && j < scen.size()) {
            Segment a = base.get(i);
            Segment b = scen.get(j);
            LocalDate from = a.from().isAfter(b.from()) ? a.from() : b.from();
            LocalDate to = a.to().isBefore(b.to()) ? a.to() : b.to();
            if (!same(a.answer(), b.answer())) {
                DiffInterval last = intervals.isEmpty() ? null : intervals.get(intervals.size() - 1);
                if (last != null && last.to().plusDays(1).equals(from) && same(last.baseline(), a.answer())
                        && same(last.scenario(), b.answer())) {
                    intervals.set(intervals.size() - 1, new DiffInterval(last.from(), to, last.baseline(), last.scenario(), last.causes()));
                } else {
                    intervals.add(new DiffInterval(from, to, a.answer(), b.answer(), causes(a.answer(), b.answer(), dimension, to, suspects, factById)));
                }
            }
            if (a.to().equals(to)) {
                i++;
            }
            if (b.to().equals(to)) {
                j++;
            }
        }
        return List.copyOf(intervals);
    }

    static boolean same(DimensionAnswer a, DimensionAnswer b) {
        return a.certain() == b.certain() && Objects.equals(a.value(), b.value())
                && Objects.equals(a.possibleValues(), b.possibleValues()) && Objects.equals(a.detail(), b.detail());
    }

    /**
     * The suspects cited by either answer; failing that, the suspects dated by the interval's end that can
     * change this dimension; failing that, every suspect.
     */
    private static List<String> causes(DimensionAnswer a, DimensionAnswer b, Dimension dimension, LocalDate until,
                                       Set<String> suspects, Function<String, HistoricalFact> factById) {
        Set<String> causes = new LinkedHashSet<>();
        for (String id : a.facts()) {
            if (suspects.contains(id)) {
                causes.add(id);
            }
        }
        for (String id : b.facts()) {
            if (suspects.contains(id)) {
                causes.add(id);
            }
        }
        if (causes.isEmpty()) {
            for (String id : suspects) {
                HistoricalFact fact = factById.apply(id);
                if (fact != null && !fact.date().start().isAfter(until) && List.of(StatusTimeline.affectedBy(fact)).contains(dimension)) {
                    causes.add(id);
                }
            }
        }
        if (causes.isEmpty()) {
            causes.addAll(suspects);
        }
        return List.copyOf(causes);
    }
}
