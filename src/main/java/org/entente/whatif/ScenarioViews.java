package org.entente.whatif;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.DimensionAnswer;
import org.entente.relation.rules.Rejection;
import org.entente.relation.rules.Segment;
import org.entente.relation.rules.StatusTimeline;
import org.entente.status.DimensionView;
import org.entente.status.FactRef;
import org.entente.status.SegmentView;
import org.entente.status.StatusView;

/** The API's view of a scenario run: the same shapes as the status and timeline API, plus the diff. */
public final class ScenarioViews {

    private ScenarioViews() {
    }

    public record ScenarioInfo(String id, String title, String relation, String rationale, String file, int changes,
                               int expectations) {
        static ScenarioInfo of(Scenario s) {
            return new ScenarioInfo(s.id(), s.title(), s.relation(), s.rationale(), s.file(), s.changes().size(), s.expectations().size());
        }
    }

    /** A fact the scenario changed, or that its replay rejected, with what happened to it. */
    public record Cause(String id, String type, String date, String change) {
    }

    public record RejectionView(String factId, String type, String date, String rule, String ruleStatement,
                                List<String> blockingFacts, String reason) {
    }

    public record DiffIntervalView(LocalDate from, LocalDate to, DimensionView baseline, DimensionView scenario,
                                   List<Cause> causes) {
    }

    public record DiffView(LocalDate firstDivergence, Map<String, List<DiffIntervalView>> dimensions) {
    }

    public record Result(ScenarioInfo scenario, List<Cause> changes, List<FactRef> accepted, List<RejectionView> rejected,
                         DiffView diff, Map<String, List<SegmentView>> timeline, List<ExpectationResult> expectations,
                         boolean expectationsMet) {
    }

    public static Result result(ScenarioRun run) {
        Function<String, HistoricalFact> facts = run::fact;
        List<Cause> changes = new ArrayList<>();
        run.changes().forEach((id, change) -> changes.add(cause(run, id, change.name())));
        changes.sort(Comparator.comparing(Cause::id));
        return new Result(ScenarioInfo.of(run.scenario()), changes,
                run.judgement().accepted().stream().map(FactRef::of).toList(),
                run.judgement().rejected().stream().map(r -> rejection(run, r)).toList(),
                diff(run), timeline(run.judgement().status(), facts), run.expectations(), run.expectationsMet());
    }

    public static DiffView diff(ScenarioRun run) {
        Map<String, HistoricalFact> history = new java.util.HashMap<>();
        run.baseline().facts().forEach(f -> history.put(f.factId(), f));
        Map<String, List<DiffIntervalView>> dimensions = new LinkedHashMap<>();
        run.diff().dimensions().forEach((dimension, intervals) -> dimensions.put(dimension.key(), intervals.stream()
                .map(i -> new DiffIntervalView(open(i.from(), Segment.BEGINNING), open(i.to(), Segment.END_OF_TIME),
                        DimensionView.of(i.baseline(), history::get), DimensionView.of(i.scenario(), run::fact),
                        i.causes().stream().map(id -> cause(run, id, changeOf(run, id))).toList()))
                .toList()));
        return new DiffView(run.diff().firstDivergence(), dimensions);
    }

    public static StatusView status(ScenarioRun run, LocalDate day) {
        Map<String, DimensionView> dimensions = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            DimensionAnswer answer = run.judgement().status().at(d, day);
            dimensions.put(d.key(), DimensionView.of(answer, run::fact));
        }
        return new StatusView(run.scenario().relation(), day, null, dimensions);
    }

    public static Map<String, List<SegmentView>> timeline(StatusTimeline status, Function<String, HistoricalFact> facts) {
        Map<String, List<SegmentView>> timeline = new LinkedHashMap<>();
        status.segments().forEach((dimension, segments) -> timeline.put(dimension.key(), segments.stream()
                .map(s -> new SegmentView(open(s.from(), Segment.BEGINNING), open(s.to(), Segment.END_OF_TIME),
                        DimensionView.of(s.answer(), facts)))
                .toList()));
        return timeline;
    }

    private static String changeOf(ScenarioRun run, String id) {
        FactChange change = run.changes().get(id);
        return change != null ? change.name() : "REJECTED";
    }

    private static Cause cause(ScenarioRun run, String id, String change) {
        HistoricalFact fact = run.fact(id);
        return new Cause(id, fact == null ? null : fact.type(), fact == null ? null : fact.date().toString(), change);
    }

    private static RejectionView rejection(ScenarioRun run, Rejection r) {
        HistoricalFact fact = run.fact(r.factId());
        return new RejectionView(r.factId(), fact.type(), fact.date().toString(), r.rule().name(), r.rule().statement(),
                r.blockingFacts(), r.reason());
    }

    private static LocalDate open(LocalDate day, LocalDate bound) {
        return day.equals(bound) ? null : day;
    }
}
