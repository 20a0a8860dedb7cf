package org.entente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.entente.relation.facts.FactCatalog;
import org.entente.history.HistoryFile;
import org.entente.history.InvalidHistoryFileException;
import org.entente.json.Json;
import org.entente.relation.rules.DimensionAnswer;
import org.entente.relation.rules.Rejection;
import org.entente.whatif.Baseline;
import org.entente.whatif.DiffInterval;
import org.entente.whatif.ExpectationResult;
import org.entente.whatif.InvalidScenarioException;
import org.entente.whatif.Scenario;
import org.entente.whatif.ScenarioEngine;
import org.entente.whatif.ScenarioParser;
import org.entente.whatif.ScenarioRun;
import org.entente.whatif.ScenarioViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scenario run FILE} and {@code scenario diff FILE}: a what-if against the recorded history file. */
@Command(name = "scenario", description = "Run a what-if scenario file against the recorded history.",
        subcommands = {ScenarioCommand.Run.class, ScenarioCommand.DiffCommand.class}, mixinStandardHelpOptions = true)
final class ScenarioCommand {

    static final ObjectMapper JSON = Json.newMapper();

    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the scenario file (YAML or JSON)")
        Path file;

        @Option(names = "--history", paramLabel = "FILE",
                description = "the history file to compare with (default: the history shipped in the application)")
        Path history;

        @Option(names = "--json", description = "print the result as JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ScenarioRun run;
            try {
                String text = Files.readString(file);
                Scenario scenario = ScenarioParser.parse(text, file.toString(), Integer.MAX_VALUE);
                run = new ScenarioEngine(Integer.MAX_VALUE).run(scenario, baseline(scenario.relation()));
            } catch (NoSuchFileException e) {
                err.println("error: " + e.getFile() + ": no such file");
                return EntenteCli.BAD_INPUT;
            } catch (InvalidScenarioException | InvalidHistoryFileException e) {
                err.println("error: " + e.getMessage());
                return EntenteCli.BAD_INPUT;
            }
            print(run, out);
            return run.expectationsMet() ? EntenteCli.OK : EntenteCli.EXPECTATION_FAILED;
        }

        abstract void print(ScenarioRun run, PrintWriter out) throws IOException;

        private Baseline baseline(String relation) throws IOException {
            HistoryFile file;
            if (history == null) {
                try (InputStream in = ScenarioCommand.class.getResourceAsStream("/history.yaml")) {
                    file = HistoryFile.read(in, "history.yaml");
                }
            } else {
                try (InputStream in = Files.newInputStream(history)) {
                    file = HistoryFile.read(in, history.toString());
                }
            }
            return file.relations().stream().filter(r -> r.id().equals(relation)).findFirst()
                    .map(r -> Baseline.of(r.id(), r.facts()))
                    .orElseThrow(() -> new InvalidScenarioException(this.file.toString(), 0, "relation",
                            "no relation '" + relation + "' in the history file"));
        }
    }

    @Command(name = "run", description = "Replay the scenario, print accepted and rejected facts, the diff and the expectations. "
            + "Exit 1 when an expectation fails.", mixinStandardHelpOptions = true)
    static final class Run extends Base {
        @Override
        void print(ScenarioRun run, PrintWriter out) throws IOException {
            if (json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ScenarioViews.result(run)));
                return;
            }
            Scenario s = run.scenario();
            out.printf("%s — %s%n", s.id(), s.title());
            out.printf("changes: %s%n", run.changes());
            out.printf("facts: %d accepted, %d rejected%n", run.judgement().accepted().size(), run.judgement().rejected().size());
            for (Rejection r : run.judgement().rejected()) {
                out.printf("  rejected %-40s %-28s %s%n", r.factId(), r.rule(), r.reason());
            }
            printDiff(run, out);
            if (!run.expectations().isEmpty()) {
                out.println("expectations:");
                for (ExpectationResult e : run.expectations()) {
                    out.printf("  %s %s:%d %s%s%n", e.passed() ? "PASS" : "FAIL", s.file(), e.line(), e.expected(),
                            e.passed() ? "" : " — got " + e.actual());
                }
                long failed = run.expectations().stream().filter(e -> !e.passed()).count();
                out.printf("%d passed, %d failed%n", run.expectations().size() - failed, failed);
            }
        }
    }

    @Command(name = "diff", description = "Print where the scenario's status diverges from history.", mixinStandardHelpOptions = true)
    static final class DiffCommand extends Base {
        @Override
        void print(ScenarioRun run, PrintWriter out) throws IOException {
            if (json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ScenarioViews.diff(run)));
            } else {
                printDiff(run, out);
            }
        }
    }

    static void printDiff(ScenarioRun run, PrintWriter out) {
        out.printf("first divergence: %s%n", run.diff().firstDivergence() == null ? "none" : run.diff().firstDivergence());
        run.diff().dimensions().forEach((dimension, intervals) -> {
            for (DiffInterval i : intervals) {
                out.printf("  %-22s %s..%s  history %-28s scenario %-28s caused by %s%n", dimension.key(),
                        open(i.from().toString(), "0001-01-01"), open(i.to().toString(), "9999-12-31"),
                        show(i.baseline()), show(i.scenario()), String.join(", ", i.causes()));
            }
        });
    }

    private static String open(String day, String bound) {
        return day.equals(bound) ? "" : day;
    }

    private static String show(DimensionAnswer answer) {
        return answer.certain() ? String.valueOf(answer.value()) : "uncertain " + answer.possibleValues();
    }
}
