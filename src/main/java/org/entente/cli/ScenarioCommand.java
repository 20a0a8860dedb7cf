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
import org.entente.whatif.MonteCarlo;
import org.entente.whatif.Sampling;
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
        subcommands = {ScenarioCommand.Run.class, ScenarioCommand.DiffCommand.class, ScenarioCommand.Sample.class}, mixinStandardHelpOptions = true)
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
            return baseline(history, file, relation);
        }

        static Baseline baseline(Path history, Path scenarioFile, String relation) throws IOException {
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
                    .orElseThrow(() -> new InvalidScenarioException(scenarioFile.toString(), 0, "relation",
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

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Sample a scenario with uncertain changes (a montecarlo section): the share of each value per day.")
    static final class Sample implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the scenario file, with a montecarlo section")
        Path file;

        @Option(names = "--history", paramLabel = "FILE", description = "the history file to sample from (default: the shipped one)")
        Path history;

        @Option(names = "--samples", description = "override the file's number of samples")
        Integer samples;

        @Option(names = "--seed", description = "override the file's seed")
        Long seed;

        @Option(names = "--json", description = "print the result as JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            MonteCarlo.Result result;
            try {
                Scenario scenario = ScenarioParser.parse(Files.readString(file), file.toString(), Integer.MAX_VALUE);
                if (!scenario.sampled()) {
                    err.println("error: " + file + ": no montecarlo section (samples, seed, at); use scenario run");
                    return EntenteCli.BAD_INPUT;
                }
                Sampling s = scenario.sampling();
                if (samples != null && samples < 1) {
                    err.println("error: --samples must be at least 1");
                    return EntenteCli.BAD_INPUT;
                }
                Sampling sampling = new Sampling(samples != null ? samples : s.samples(), seed != null ? seed : s.seed(), s.at(),
                        s.probabilities(), s.dateRanges());
                scenario = new Scenario(scenario.file(), scenario.id(), scenario.title(), scenario.relation(), scenario.rationale(),
                        scenario.changes(), scenario.expectations(), sampling);
                Baseline baseline = Base.baseline(history, file, scenario.relation());
                ProgressBar bar = new ProgressBar(err, "sampling", sampling.samples());
                result = MonteCarlo.run(scenario, baseline, new ScenarioEngine(Integer.MAX_VALUE), bar::update, () -> false);
                bar.finish();
            } catch (NoSuchFileException e) {
                err.println("error: " + e.getFile() + ": no such file");
                return EntenteCli.BAD_INPUT;
            } catch (InvalidScenarioException | InvalidHistoryFileException e) {
                err.println("error: " + e.getMessage());
                return EntenteCli.BAD_INPUT;
            }
            if (json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
                return EntenteCli.OK;
            }
            out.printf("%s: %,d samples, seed %d%n", result.scenario(), result.samples(), result.seed());
            result.distribution().forEach((day, dimensions) -> dimensions.forEach((dimension, shares) -> {
                if (shares.size() > 1) {
                    out.printf("  %s %-22s %s%n", day, dimension, shares);
                }
            }));
            out.println("rejected facts (share of samples):");
            result.rejected().forEach((fact, share) -> out.printf("  %-40s %.4f%n", fact, share));
            return EntenteCli.OK;
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
