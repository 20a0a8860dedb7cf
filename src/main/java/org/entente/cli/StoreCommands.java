package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.api.BadRequestException;
import org.entente.api.Dates;
import org.entente.eventlog.StoredEvent;
import org.entente.status.DimensionView;
import org.entente.status.FactRef;
import org.entente.status.ReadModel;
import org.entente.status.SegmentView;
import org.entente.status.StatusView;
import org.entente.status.TimelineView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status}, {@code events} and {@code timeline}: the same answers as the API, read from the store on
 * disk without starting the server. Exit 3 when there is no store or no such relation.
 */
final class StoreCommands {

    private StoreCommands() {
    }

    abstract static class StoreCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", description = "the data folder (default ${DEFAULT-VALUE})")
        Path dataDir = Path.of("./data");

        @Option(names = "--relation", description = "the relation (default ${DEFAULT-VALUE})")
        String relation = "israel-nato";

        @Option(names = "--known-at", paramLabel = "INSTANT", description = "answer as the store knew it then (ISO-8601, e.g. 2026-11-22T10:15:30Z)")
        String knownAt;

        @Option(names = "--json", description = "print JSON (the API's shape)")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (StoreAccess store = StoreAccess.open(dataDir)) {
                Instant instant = knownAt == null ? null : Dates.instant("--known-at", knownAt);
                Object answer = answer(store, instant);
                if (answer == null) {
                    err.println("error: no relation '" + relation + "'" + (instant == null ? "" : " was known at " + instant)
                            + " in " + dataDir);
                    return StoreAccess.NO_STORE;
                }
                if (json) {
                    out.println(store.json().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
                } else {
                    print(answer, out);
                }
                return EntenteCli.OK;
            } catch (BadRequestException e) {
                err.println("error: " + e.getMessage());
                return EntenteCli.BAD_INPUT;
            } catch (StoreAccess.NoStoreException e) {
                err.println("error: " + e.getMessage());
                return StoreAccess.NO_STORE;
            }
        }

        ReadModel asKnown(StoreAccess store, Instant knownAt) {
            return store.history().at(relation, knownAt).map(ReadModel::new).orElse(null);
        }

        abstract Object answer(StoreAccess store, Instant knownAt);

        abstract void print(Object answer, PrintWriter out);
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "A relation's status at a date, and why.")
    static final class Status extends StoreCommand {
        @Option(names = "--at", required = true, paramLabel = "DATE", description = "the day, YYYY-MM-DD")
        String at;

        @Override
        Object answer(StoreAccess store, Instant knownAt) {
            LocalDate day = Dates.day("--at", at);
            if (knownAt != null) {
                ReadModel model = asKnown(store, knownAt);
                return model == null ? null : new StatusView(relation, day, knownAt, model.statusAt(day));
            }
            Map<String, DimensionView> dimensions = store.status().statusAt(relation, day);
            return dimensions.isEmpty() ? null : new StatusView(relation, day, null, dimensions);
        }

        @Override
        void print(Object answer, PrintWriter out) {
            StatusView status = (StatusView) answer;
            out.printf("%s on %s%s%n", status.relation(), status.at(), status.knownAt() == null ? "" : " as known at " + status.knownAt());
            out.printf("%-22s %-34s %-11s %s%n", "DIMENSION", "VALUE", "SINCE", "BECAUSE OF");
            status.dimensions().forEach((dimension, view) -> out.printf("%-22s %-34s %-11s %s%n", dimension, value(view),
                    view.since() == null ? "" : view.since(), String.join(", ", view.facts().stream().map(FactRef::id).toList())));
        }
    }

    @Command(name = "timeline", mixinStandardHelpOptions = true, description = "Each dimension's values over time.")
    static final class Timeline extends StoreCommand {
        @Override
        Object answer(StoreAccess store, Instant knownAt) {
            if (knownAt != null) {
                ReadModel model = asKnown(store, knownAt);
                return model == null ? null : new TimelineView(relation, knownAt, model.timeline());
            }
            Map<String, List<SegmentView>> timeline = store.status().timeline(relation);
            return timeline.values().stream().allMatch(List::isEmpty) ? null : new TimelineView(relation, null, timeline);
        }

        @Override
        void print(Object answer, PrintWriter out) {
            TimelineView timeline = (TimelineView) answer;
            out.printf("%-22s %-10s %-10s %s%n", "DIMENSION", "FROM", "TO", "VALUE");
            timeline.dimensions().forEach((dimension, segments) -> segments.forEach(s -> out.printf("%-22s %-10s %-10s %s%n",
                    dimension, s.from() == null ? "" : s.from(), s.to() == null ? "" : s.to(), value(s.answer()))));
        }
    }

    @Command(name = "events", mixinStandardHelpOptions = true, description = "The stored events, in order.")
    static final class Events extends StoreCommand {
        @Override
        Object answer(StoreAccess store, Instant knownAt) {
            List<StoredEvent> events = store.events().events(relation);
            if (events.isEmpty()) {
                return null;
            }
            return knownAt == null ? events : events.stream().filter(e -> !Instant.parse(e.recordedAt()).isAfter(knownAt)).toList();
        }

        @Override
        @SuppressWarnings("unchecked")
        void print(Object answer, PrintWriter out) {
            out.printf("%-6s %-5s %-34s %-10s %-6s %-25s %s%n", "GLOBAL", "SEQ", "TYPE", "VALID", "PREC", "RECORDED", "FACT");
            for (StoredEvent e : (List<StoredEvent>) answer) {
                out.printf("%-6d %-5d %-34s %-10s %-6s %-25s %s%n", e.globalSequence(), e.aggregateSequence(), e.type(),
                        e.validDate() == null ? "" : e.validDate(), e.precision() == null ? "" : e.precision(), e.recordedAt(),
                        e.payload().path("factId").asText(""));
            }
        }
    }

    static String value(DimensionView view) {
        return view.certain() ? String.valueOf(view.value()) : "uncertain " + view.possibleValues() + " in "
                + view.window().from() + ".." + view.window().to();
    }
}
