package org.entente.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.StringLength;
import org.entente.history.HistoryFile;
import org.entente.whatif.Baseline;
import org.entente.whatif.InvalidScenarioException;
import org.entente.whatif.MonteCarlo;
import org.entente.whatif.Scenario;
import org.entente.whatif.ScenarioEngine;
import org.entente.whatif.ScenarioParser;

/**
 * Scenario files, fuzzed: arbitrary text, the shipped scenarios mutated, and generated YAML trees of the
 * scenario vocabulary. Each is parsed and, when it parses, run against the shipped history (sampled, for a
 * Monte Carlo scenario): the only failure allowed is {@link InvalidScenarioException}, naming the file.
 */
class ScenarioParserProperties {

    private static final String FILE = "fuzz.yaml";
    private static final Baseline HISTORY = history();
    private static final ScenarioEngine ENGINE = new ScenarioEngine(10_000);
    private static final List<String> SHIPPED = shipped();

    /** Words and marks that mean something in a scenario, in YAML, or to the rules. */
    private static final List<String> TOKENS = List.of("\n", "  ", "- ", ": ", "[", "]", "{", "}", ",", "'", "\"", "#", "&a ", "*a",
            "!!binary ", "!!int ", "? ", "|", ">", "---", "...", "null", "~", "true", "-1", "0", "1e400", "99999999999999999999",
            ".inf", "0x1F", "2010", "2010-02-30", "2016-06", "0000", "9999-12-31", "id:", "title:", "relation:", "rationale:",
            "changes:", "expect:", "remove:", "add:", "redate:", "to:", "change:", "set:", "type:", "date:", "sources:",
            "montecarlo:", "samples:", "seed:", "at:", "probability:", "from:", "dimension:", "value:", "certain:",
            "possibleValues:", "rejected:", "accepted:", "rule:", "firstDivergence:", "turkey-veto-2010", "israel-nato",
            "VetoCast", "ContextNoted", "scope:", "EXERCISES", "memberState:", "exerciseParticipation", "NO_VETO_IN_FORCE",
            "\u0000", "\t", "\u00e9", "\ud83d\ude00", "%YAML 1.2\n", "<<: *a");

    private static Baseline history() {
        try (InputStream in = ScenarioParserProperties.class.getResourceAsStream("/history.yaml")) {
            HistoryFile.RelationHistory relation = HistoryFile.read(in, "history.yaml").relations().get(0);
            return Baseline.of(relation.id(), relation.facts());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> shipped() {
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
                try {
                    // a Monte Carlo scenario is sampled 20 times here, not 10000
                    return Files.readString(f).replaceAll("samples: \\d+", "samples: 20");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parse and run; anything but an InvalidScenarioException naming the file fails the property. Returns how far
     * the input got: refused by the parser, refused by the engine, or run.
     */
    static String parseAndRun(String text) {
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(text, FILE, 50);
        } catch (InvalidScenarioException e) {
            assertNamesTheFile(e);
            return "refused by the parser";
        }
        try {
            if (scenario.sampled()) {
                if (scenario.sampling().samples() > 50) {
                    return "parsed (too many samples to run here)";
                }
                MonteCarlo.run(scenario, HISTORY, ENGINE, done -> { }, () -> false);
            } else {
                ENGINE.run(scenario, HISTORY);
            }
            return "run";
        } catch (InvalidScenarioException e) {
            assertNamesTheFile(e);
            return "refused by the engine";
        }
    }

    private static void assertNamesTheFile(InvalidScenarioException e) {
        assertThat(e.file()).isEqualTo(FILE);
        assertThat(e.getMessage()).startsWith(FILE);
    }

    @Property(tries = 1000, seed = FuzzSeed.SEED)
    void anyTextIsAScenarioOrRefusedNamingTheFile(@ForAll @StringLength(max = 400) String text) {
        Statistics.collect(parseAndRun(text));
    }

    @Property(tries = 1500, seed = FuzzSeed.SEED)
    void mutatedScenariosAreRunOrRefusedNamingTheFile(@ForAll("mutated") String text) {
        Statistics.collect(parseAndRun(text));
        // The mutations must leave many scenarios whole enough to reach the engine, or they test only the parser.
        Statistics.coverage(coverage -> {
            coverage.check("run").percentage(p -> p > 10);
            coverage.check("refused by the engine").percentage(p -> p > 0.5);
            coverage.check("refused by the parser").percentage(p -> p > 10);
        });
    }

    @Property(tries = 1500, seed = FuzzSeed.SEED)
    void generatedYamlTreesAreRunOrRefusedNamingTheFile(@ForAll("trees") String text) {
        Statistics.collect(parseAndRun(text));
        Statistics.coverage(coverage -> {
            coverage.check("run").percentage(p -> p > 5);
            coverage.check("refused by the engine").percentage(p -> p > 5);
        });
    }

    /** Deeply nested lists and maps (a classic way to exhaust a recursive parser's stack). */
    @Property(tries = 20, seed = FuzzSeed.SEED)
    void deepNestingIsRefusedNamingTheFile(@ForAll("depths") int depth, @ForAll boolean maps) {
        String open = maps ? "{a: " : "[";
        String close = maps ? "}" : "]";
        parseAndRun("id: deep\ntitle: t\nrelation: israel-nato\nrationale: r\nchanges: " + open.repeat(depth) + "x" + close.repeat(depth) + "\n");
        parseAndRun("changes:\n" + "  ".repeat(0) + nestedBlock(depth));
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.of(10, 100, 999, 1000, 1001, 5000, 20_000);
    }

    private static String nestedBlock(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < Math.min(depth, 3000); i++) {
            yaml.append(" ".repeat(i)).append("-\n");
        }
        return yaml.toString();
    }

    // --- mutations of the shipped scenarios ----------------------------------------------------------

    private record Edit(int kind, double where, double length, String token) {
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.of(TOKENS)).as(Edit::new);
        return Combinators.combine(Arbitraries.of(SHIPPED), edit.list().ofMinSize(1).ofMaxSize(5)).as(ScenarioParserProperties::apply);
    }

    private static String apply(String text, List<Edit> edits) {
        String result = text;
        for (Edit edit : edits) {
            int at = (int) (edit.where() * result.length());
            int length = (int) (edit.length() * Math.min(40, result.length() - at));
            List<String> lines = new ArrayList<>(List.of(result.split("\n", -1)));
            int line = Math.min(lines.size() - 1, (int) (edit.where() * lines.size()));
            switch (edit.kind()) {
                case 0 -> result = result.substring(0, at) + result.substring(at + length);
                case 1 -> result = result.substring(0, at) + edit.token() + result.substring(at);
                case 2 -> result = result.substring(0, at) + edit.token() + result.substring(at + length);
                case 3 -> {
                    lines.add(line, lines.get(line));
                    result = String.join("\n", lines);
                }
                case 4 -> {
                    int other = (int) (edit.length() * lines.size()) % lines.size();
                    String swap = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, swap);
                    result = String.join("\n", lines);
                }
                case 5 -> {
                    lines.set(line, "  ".repeat((int) (edit.length() * 4)) + lines.get(line).stripLeading());
                    result = String.join("\n", lines);
                }
                default -> result = result.substring(0, at);
            }
        }
        return result;
    }

    // --- generated trees of the scenario vocabulary ------------------------------------------------

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> KEYS = List.of("id", "title", "relation", "rationale", "changes", "expect", "remove", "add",
            "redate", "to", "change", "set", "type", "date", "sources", "seed", "quote", "url", "montecarlo", "samples", "at",
            "probability", "from", "dimension", "value", "certain", "possibleValues", "rejected", "accepted", "rule",
            "firstDivergence", "memberState", "scope", "summary", "veto", "exercise", "kind", "agreement", "unknown");
    private static final List<String> FACT_IDS = HISTORY.facts().stream().map(f -> f.factId()).limit(40).toList();
    private static final List<String> TYPES = List.of("VetoCast", "VetoLifted", "ExerciseJoined", "ContextNoted", "AgreementSigned",
            "HeadquartersOfficeAuthorized", "NatoMembershipAttested", "MediterraneanDialogueJoined", "NoSuchType");

    @Provide
    Arbitrary<String> trees() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.of(TOKENS).map(t -> (Object) t.strip()),
                Arbitraries.of(FACT_IDS).map(t -> (Object) t),
                Arbitraries.of("VetoCast", "ContextNoted", "ExerciseJoined", "VetoLifted", "2010", "2016-06", "2011-01-01",
                        "2010-02-30", "EXERCISES", "ALL_COOPERATION", "VETOED", "Turkey", "none", "fact-1"),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s));
        Arbitrary<Object> any = Arbitraries.recursive(() -> scalar,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(l -> (Object) l),
                        Arbitraries.maps(Arbitraries.of(KEYS), inner).ofMaxSize(3).map(m -> (Object) m)),
                0, 3).withoutEdgeCases();
        // mostly the right kind of value, sometimes anything at all
        Arbitrary<Object> factId = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(FACT_IDS).map(t -> (Object) t)), Tuple.of(1, any));
        Arbitrary<Object> date = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("2005", "2010-07", "2012-05-03", "1990", "2016-06-01",
                "2010-02-30", "2010-13").map(t -> (Object) t)), Tuple.of(1, any));
        Arbitrary<Object> parameter = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("Turkey", "EXERCISES", "OFFICE", "ALL_COOPERATION",
                "EXERCISE", "COOPERATION", "x", "turkey-veto-2010").map(t -> (Object) t)), Tuple.of(1, any));
        Arbitrary<Map<String, Object>> parameters = Arbitraries.maps(Arbitraries.of("memberState", "scope", "summary", "veto",
                "exercise", "kind", "agreement", "state", "designatedBy", "unknown"), parameter).ofMinSize(1).ofMaxSize(3);
        Arbitrary<Object> add = Combinators.combine(factId, Arbitraries.of(TYPES), date, parameters).as((id, type, on, params) -> {
            Map<String, Object> fact = new LinkedHashMap<>(Map.of("id", id, "type", type, "date", on));
            fact.putAll(params);
            return (Object) Map.of("add", fact);
        });
        Arbitrary<Object> change = Arbitraries.frequencyOf(
                Tuple.of(3, factId.map(id -> (Object) Map.of("remove", id))),
                Tuple.of(3, Combinators.combine(factId, date).as((id, to) -> (Object) Map.of("redate", id, "to", to))),
                Tuple.of(3, Combinators.combine(factId, parameters).as((id, set) -> (Object) Map.of("change", id, "set", set))),
                Tuple.of(3, add),
                Tuple.of(1, any));
        Arbitrary<Object> day = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("2005-01-01", "2011-01-01", "2016-06-01", "1990-12-31",
                "2010-02-30").map(t -> (Object) t)), Tuple.of(1, any));
        Arbitrary<Object> expectation = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(Arbitraries.of("exerciseParticipation", "membership", "agreements", "mood"), day, parameter)
                        .as((dimension, at, value) -> (Object) Map.of("dimension", dimension, "at", at, "value", value))),
                Tuple.of(3, Combinators.combine(factId, Arbitraries.of("NO_VETO_IN_FORCE", "LIFT_ONLY_VETO_IN_FORCE", "NONE"))
                        .as((id, rule) -> (Object) Map.of("rejected", id, "rule", rule))),
                Tuple.of(3, factId.map(id -> (Object) Map.of("accepted", id))),
                Tuple.of(3, day.map(on -> (Object) Map.of("firstDivergence", on))),
                Tuple.of(1, any));
        Arbitrary<Map<String, Object>> extra = Arbitraries.maps(Arbitraries.of(KEYS), any).ofMaxSize(1);
        return Combinators.combine(change.list().ofMinSize(1).ofMaxSize(4), expectation.list().ofMaxSize(2),
                Arbitraries.integers().between(0, 9), extra).as((changes, expect, dice, more) -> {
            Map<String, Object> scenario = new LinkedHashMap<>(Map.of("id", "gen", "title", "t", "relation", "israel-nato", "rationale", "r"));
            scenario.put("changes", changes);
            if (!expect.isEmpty()) {
                scenario.put("expect", expect);
            }
            if (dice == 0) {
                scenario.putAll(more);
            }
            try {
                return YAML.writeValueAsString(scenario);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
