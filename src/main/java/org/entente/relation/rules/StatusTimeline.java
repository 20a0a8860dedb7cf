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

    private static final Dimension[] NONE = {};
    private static final Dimension[] EXERCISES = {Dimension.EXERCISE_PARTICIPATION};
    private static final Dimension[] DIALOGUE = {Dimension.MEDITERRANEAN_DIALOGUE};
    private static final Dimension[] ALLY = {Dimension.MAJOR_NON_NATO_ALLY};
    private static final Dimension[] CATALOGING = {Dimension.CATALOGING_SYSTEM};
    private static final Dimension[] OFFICE = {Dimension.HEADQUARTERS_OFFICE};
    private static final Dimension[] REPRESENTATION = {Dimension.REPRESENTATION};
    private static final Dimension[] AGREEMENTS = {Dimension.AGREEMENTS};
    private static final Dimension[] INDUSTRY = {Dimension.INDUSTRY_ACCESS};
    private static final Dimension[] CONDITIONS = {Dimension.MEMBERSHIP_CONDITIONS};
    private static final Dimension[] MEMBERSHIP = {Dimension.MEMBERSHIP};

    /** The dimensions a fact of this kind can change; the others keep their value. Do not modify the array. */
    public static Dimension[] affectedBy(HistoricalFact fact) {
        if (fact instanceof ExerciseJoined || fact instanceof VetoCast || fact instanceof VetoLifted) {
            return EXERCISES;
        }
        if (fact instanceof MediterraneanDialogueJoined) {
            return DIALOGUE;
        }
        if (fact instanceof MajorNonNatoAllyDesignated) {
            return ALLY;
        }
        if (fact instanceof CatalogingSystemJoined) {
            return CATALOGING;
        }
        if (fact instanceof HeadquartersOfficeAuthorized) {
            return OFFICE;
        }
        if (fact instanceof RepresentativeAccredited) {
            return REPRESENTATION;
        }
        if (fact instanceof AgreementSigned) {
            return AGREEMENTS;
        }
        if (fact instanceof IndustryAccessWidened) {
            return INDUSTRY;
        }
        if (fact instanceof MembershipConditionsStated || fact instanceof MembershipConditionMet) {
            return CONDITIONS;
        }
        if (fact instanceof NatoAccessionCompleted) {
            return MEMBERSHIP;
        }
        return NONE;
    }

    /** A dimension's value changed because of a fact dated {@code date} (its window as epoch days). */
    record Change(ValidDate date, long startDay, long endDay, String cause, DimensionValue value) {
        Change(ValidDate date, String cause, DimensionValue value) {
            this(date, date.start().toEpochDay(), date.end().toEpochDay(), cause, value);
        }
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
        long[] starts = new long[n];
        long[] endsByIndex = new long[n];
        long[] bounds = new long[2 * n + 1];
        bounds[0] = Segment.BEGINNING.toEpochDay();
        for (int i = 0; i < n; i++) {
            Change change = changes.get(i);
            starts[i] = change.startDay();
            endsByIndex[i] = (change.endDay() << 32) | i;
            bounds[2 * i + 1] = change.startDay();
            bounds[2 * i + 2] = change.endDay();
        }
        // changes are in timeline order, so starts are sorted; ends are sorted here, keeping their index
        Arrays.sort(endsByIndex);
        Arrays.sort(bounds);

        List<Segment> segments = new ArrayList<>();
        int started = 0;
        int endPointer = 0;
        int lastCertain = -1;
        int prevLo = -1;
        int prevHi = -1;
        long from = 0;
        DimensionAnswer answer = null;
        for (int b = 0; b < bounds.length; b++) {
            long day = bounds[b];
            if (b > 0 && day == bounds[b - 1]) {
                continue;
            }
            while (started < n && starts[started] <= day) {
                started++;
            }
            while (endPointer < n && (endsByIndex[endPointer] >> 32) <= day) {
                lastCertain = Math.max(lastCertain, (int) endsByIndex[endPointer]);
                endPointer++;
            }
            int lo = lastCertain + 1;
            int hi = started;
            if (lo == prevLo && hi == prevHi) {
                continue;
            }
            if (answer != null) {
                segments.add(new Segment(LocalDate.ofEpochDay(from), LocalDate.ofEpochDay(day - 1), answer));
            }
            from = day;
            answer = answer(initial, changes, lo, hi);
            prevLo = lo;
            prevHi = hi;
        }
        segments.add(new Segment(LocalDate.ofEpochDay(from), Segment.END_OF_TIME, answer));
        return List.copyOf(segments);
    }

    /** The answer when changes [0, lo) have certainly happened and [lo, hi) may have. */
    private static DimensionAnswer answer(DimensionValue initial, List<Change> changes, int lo, int hi) {
        if (lo == hi) {
            DimensionValue value = lo == 0 ? initial : changes.get(lo - 1).value();
            if (lo == 0) {
                return new DimensionAnswer(true, value.value(), null, null, null, value.facts(), value.detail());
            }
            Change cause = changes.get(lo - 1);
            List<String> facts = value.facts();
            if (!facts.contains(cause.cause())) {
                List<String> withCause = new ArrayList<>(facts.size() + 1);
                withCause.add(cause.cause());
                withCause.addAll(facts);
                facts = List.copyOf(withCause);
            } else if (!facts.get(0).equals(cause.cause())) {
                List<String> reordered = new ArrayList<>(facts);
                reordered.remove(cause.cause());
                reordered.add(0, cause.cause());
                facts = List.copyOf(reordered);
            }
            return new DimensionAnswer(true, value.value(), cause.date().toString(), null, null, facts, value.detail());
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
