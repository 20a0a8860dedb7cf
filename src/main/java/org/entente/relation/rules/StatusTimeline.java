package org.entente.relation.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.relation.events.AgreementSigned;
import org.entente.relation.events.CatalogingSystemJoined;
import org.entente.relation.events.ExerciseJoined;
import org.entente.relation.events.HeadquartersOfficeAuthorized;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.IndustryAccessWidened;
import org.entente.relation.events.MajorNonNatoAllyDesignated;
import org.entente.relation.events.MediterraneanDialogueJoined;
import org.entente.relation.events.MembershipConditionMet;
import org.entente.relation.events.MembershipConditionsStated;
import org.entente.relation.events.NatoAccessionCompleted;
import org.entente.relation.events.RepresentativeAccredited;
import org.entente.relation.events.VetoCast;
import org.entente.relation.events.VetoLifted;
import org.entente.time.ValidDate;

/**
 * Each dimension's answers over all of time, as consecutive {@link Segment}s.
 *
 * <p>A change dated to a window (a year, a month) is certain only from the window's last day; from its
 * first day until then the answer is uncertain between the value before and the value after. Changes
 * keep the timeline's order, so when windows overlap, the possible values are those of every prefix of
 * the changes that may have happened by that day.
 */
public final class StatusTimeline {

    private final Map<Dimension, List<Segment>> segments;

    private StatusTimeline(Map<Dimension, List<Segment>> segments) {
        this.segments = segments;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<Dimension, List<Segment>> segments() {
        return segments;
    }

    public List<Segment> segments(Dimension dimension) {
        return segments.get(dimension);
    }

    /** The answer of one dimension at a date: a binary search, no replay. */
    public DimensionAnswer at(Dimension dimension, LocalDate day) {
        List<Segment> list = segments.get(dimension);
        int lo = 0;
        int hi = list.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (list.get(mid).from().isAfter(day)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return list.get(lo).answer();
    }

    public Status at(LocalDate day) {
        Map<Dimension, DimensionAnswer> answers = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            answers.put(d, at(d, day));
        }
        return new Status(day, answers);
    }

    /** The dimensions a fact of this kind can change; the others keep their value. */
    static Dimension[] affectedBy(HistoricalFact fact) {
        if (fact instanceof ExerciseJoined || fact instanceof VetoCast || fact instanceof VetoLifted) {
            return new Dimension[] {Dimension.EXERCISE_PARTICIPATION};
        }
        if (fact instanceof MediterraneanDialogueJoined) {
            return new Dimension[] {Dimension.MEDITERRANEAN_DIALOGUE};
        }
        if (fact instanceof MajorNonNatoAllyDesignated) {
            return new Dimension[] {Dimension.MAJOR_NON_NATO_ALLY};
        }
        if (fact instanceof CatalogingSystemJoined) {
            return new Dimension[] {Dimension.CATALOGING_SYSTEM};
        }
        if (fact instanceof HeadquartersOfficeAuthorized) {
            return new Dimension[] {Dimension.HEADQUARTERS_OFFICE};
        }
        if (fact instanceof RepresentativeAccredited) {
            return new Dimension[] {Dimension.REPRESENTATION};
        }
        if (fact instanceof AgreementSigned) {
            return new Dimension[] {Dimension.AGREEMENTS};
        }
        if (fact instanceof IndustryAccessWidened) {
            return new Dimension[] {Dimension.INDUSTRY_ACCESS};
        }
        if (fact instanceof MembershipConditionsStated || fact instanceof MembershipConditionMet) {
            return new Dimension[] {Dimension.MEMBERSHIP_CONDITIONS};
        }
        if (fact instanceof NatoAccessionCompleted) {
            return new Dimension[] {Dimension.MEMBERSHIP};
        }
        return new Dimension[0];
    }

    /** A dimension's value changed because of a fact dated {@code date}. */
    record Change(ValidDate date, String cause, DimensionValue value) {
    }

    /** Collects the changes as facts are accepted, in timeline order, then cuts them into segments. */
    public static final class Builder {
        private final Map<Dimension, DimensionValue> current = RelationState.EMPTY.status();
        private final Map<Dimension, List<Change>> changes = new EnumMap<>(Dimension.class);

        private Builder() {
            for (Dimension d : Dimension.values()) {
                changes.put(d, new ArrayList<>());
            }
        }

        /** Notes what {@code fact} changed, given the state right after it. */
        public void record(HistoricalFact fact, RelationState after) {
            for (Dimension d : affectedBy(fact)) {
                DimensionValue value = after.value(d);
                if (!value.sameAs(current.get(d))) {
                    changes.get(d).add(new Change(fact.date(), fact.factId(), value));
                    current.put(d, value);
                }
            }
        }

        public StatusTimeline build() {
            Map<Dimension, List<Segment>> all = new EnumMap<>(Dimension.class);
            Map<Dimension, DimensionValue> initial = RelationState.EMPTY.status();
            for (Dimension d : Dimension.values()) {
                all.put(d, segments(initial.get(d), changes.get(d)));
            }
            return new StatusTimeline(Collections.unmodifiableMap(all));
        }
    }

    static List<Segment> segments(DimensionValue initial, List<Change> changes) {
        int n = changes.size();
        LocalDate[] starts = new LocalDate[n];
        LocalDate[] ends = new LocalDate[n];
        Integer[] byEnd = new Integer[n];
        List<LocalDate> bounds = new ArrayList<>(2 * n + 1);
        bounds.add(Segment.BEGINNING);
        for (int i = 0; i < n; i++) {
            starts[i] = changes.get(i).date().start();
            ends[i] = changes.get(i).date().end();
            byEnd[i] = i;
            bounds.add(starts[i]);
            bounds.add(ends[i]);
        }
        Arrays.sort(byEnd, (a, b) -> ends[a].compareTo(ends[b]));
        List<LocalDate> days = bounds.stream().distinct().sorted().toList();

        List<Segment> segments = new ArrayList<>();
        int started = 0;
        int endPointer = 0;
        int lastCertain = -1;
        int prevLo = -1;
        int prevHi = -1;
        LocalDate from = null;
        DimensionAnswer answer = null;
        for (LocalDate day : days) {
            while (started < n && !starts[started].isAfter(day)) {
                started++;
            }
            while (endPointer < n && !ends[byEnd[endPointer]].isAfter(day)) {
                lastCertain = Math.max(lastCertain, byEnd[endPointer]);
                endPointer++;
            }
            int lo = lastCertain + 1;
            int hi = started;
            if (lo == prevLo && hi == prevHi) {
                continue;
            }
            if (answer != null) {
                segments.add(new Segment(from, day.minusDays(1), answer));
            }
            from = day;
            answer = answer(initial, changes, lo, hi);
            prevLo = lo;
            prevHi = hi;
        }
        segments.add(new Segment(from, Segment.END_OF_TIME, answer));
        return List.copyOf(segments);
    }

    /** The answer when changes [0, lo) have certainly happened and [lo, hi) may have. */
    private static DimensionAnswer answer(DimensionValue initial, List<Change> changes, int lo, int hi) {
        if (lo == hi) {
            DimensionValue value = lo == 0 ? initial : changes.get(lo - 1).value();
            Set<String> facts = new LinkedHashSet<>();
            String since = null;
            if (lo > 0) {
                Change cause = changes.get(lo - 1);
                facts.add(cause.cause());
                since = cause.date().toString();
            }
            facts.addAll(value.facts());
            return new DimensionAnswer(true, value.value(), since, null, null, List.copyOf(facts), value.detail());
        }
        Set<Object> possible = new LinkedHashSet<>();
        possible.add((lo == 0 ? initial : changes.get(lo - 1).value()).value());
        LocalDate windowFrom = Segment.END_OF_TIME;
        LocalDate windowTo = Segment.BEGINNING;
        List<String> facts = new ArrayList<>();
        for (int i = lo; i < hi; i++) {
            Change change = changes.get(i);
            possible.add(change.value().value());
            facts.add(change.cause());
            if (change.date().start().isBefore(windowFrom)) {
                windowFrom = change.date().start();
            }
            if (change.date().end().isAfter(windowTo)) {
                windowTo = change.date().end();
            }
        }
        return new DimensionAnswer(false, null, null, List.copyOf(possible), new Window(windowFrom, windowTo),
                List.copyOf(facts), Map.of());
    }
}
