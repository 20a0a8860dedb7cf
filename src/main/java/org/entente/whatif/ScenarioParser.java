package org.entente.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.relation.facts.FactCatalog;
import org.entente.json.Json;
import org.entente.relation.rules.Dimension;
import org.entente.relation.rules.Rule;
import org.entente.time.InvalidDateException;
import org.entente.time.ValidDate;

/**
 * Reads a scenario (YAML, or JSON, which is YAML too). Every error names the file, the line and the field:
 * {@code scenarios/x.yaml:12: changes[1].to: '2012-02-30' is not a possible date ...}.
 */
public final class ScenarioParser {

    private static final ObjectMapper JSON = Json.newMapper();
    private static final Set<String> TOP = Set.of("id", "title", "relation", "rationale", "changes", "expect", "montecarlo");
    private static final int MAX_DATE_CANDIDATES = 100_000;

    private final String file;
    private final int maxChanges;
    private LocatedYaml yaml;
    private final Map<Integer, Double> probabilities = new LinkedHashMap<>();
    private final Map<Integer, List<String>> dateRanges = new LinkedHashMap<>();

    private ScenarioParser(String file, int maxChanges) {
        this.file = file;
        this.maxChanges = maxChanges;
    }

    /** Parses a scenario of at most {@code maxChanges} changes. */
    public static Scenario parse(String text, String file, int maxChanges) {
        return new ScenarioParser(file, maxChanges).parse(text);
    }

    private Scenario parse(String text) {
        try {
            yaml = LocatedYaml.parse(text);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                    "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidScenarioException(file, 0, "", "cannot be read: " + e.getMessage());
        }
        JsonNode root = yaml.root();
        if (root == null || !root.isObject()) {
            throw new InvalidScenarioException(file, yaml.rootLine(), "", (root == null ? "the document is empty; " : "")
                    + "a scenario is a map with id, title, relation, rationale, changes and expect");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP.contains(field)) {
                throw error(root, field, field, "unknown field; a scenario has " + TOP);
            }
        }
        String id = text(root, "id", "id", true);
        if (!FactCatalog.FACT_ID.matcher(id).matches()) {
            throw error(root, "id", "id", "an id of lowercase letters, digits and dashes is required, got '" + id + "'");
        }
        String title = text(root, "title", "title", true);
        String relation = text(root, "relation", "relation", true);
        String rationale = text(root, "rationale", "rationale", true);
        JsonNode changes = root.get("changes");
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            throw error(root, "changes", "changes", "a non-empty list of changes is required");
        }
        if (changes.size() > maxChanges) {
            throw new ScenarioLimitException(file, yaml.line(root, "changes"), "changes", "entente.scenarios.max-changes",
                    "a scenario may make at most " + maxChanges + " changes, this one makes " + changes.size());
        }
        List<Change> parsedChanges = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            parsedChanges.add(change(changes, i));
        }
        List<Expectation> expectations = new ArrayList<>();
        JsonNode expect = root.get("expect");
        if (expect != null) {
            if (!expect.isArray()) {
                throw error(root, "expect", "expect", "a list of expectations is expected");
            }
            for (int i = 0; i < expect.size(); i++) {
                expectations.add(expectation(expect, i));
            }
        }
        Sampling sampling = sampling(root);
        if (sampling == null && (!probabilities.isEmpty() || !dateRanges.isEmpty())) {
            int first = !probabilities.isEmpty() ? probabilities.keySet().iterator().next() : dateRanges.keySet().iterator().next();
            throw new InvalidScenarioException(file, yaml.line(changes, first), "changes[" + first + "]",
                    "an uncertain change (probability, or a date range) needs a montecarlo section with samples, seed and at");
        }
        return new Scenario(file, id, title, relation, rationale, List.copyOf(parsedChanges), List.copyOf(expectations), sampling);
    }

    private Sampling sampling(JsonNode root) {
        JsonNode node = root.get("montecarlo");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw error(root, "montecarlo", "montecarlo", "a map with samples, seed and at");
        }
        allowOnly(node, "montecarlo", "samples", "seed", "at");
        JsonNode samples = node.get("samples");
        if (samples == null || !samples.isIntegralNumber() || samples.asLong() < 1 || samples.asLong() > Integer.MAX_VALUE) {
            throw error(node, "samples", "montecarlo.samples", "a positive whole number of samples is required");
        }
        JsonNode seed = node.get("seed");
        if (seed == null || !seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw error(node, "seed", "montecarlo.seed", "a whole-number seed is required, so that the run can be repeated");
        }
        JsonNode at = node.get("at");
        if (at == null || !at.isArray() || at.isEmpty()) {
            throw error(node, "at", "montecarlo.at", "a non-empty list of days (YYYY-MM-DD) to report is required");
        }
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            String day = at.get(i).asText();
            try {
                days.add(LocalDate.parse(day));
            } catch (DateTimeParseException e) {
                throw new InvalidScenarioException(file, yaml.line(at, i), "montecarlo.at[" + i + "]", "a day YYYY-MM-DD is expected, got '" + day + "'");
            }
        }
        return new Sampling(samples.asInt(), seed.asLong(), List.copyOf(days), Map.copyOf(probabilities), Map.copyOf(dateRanges));
    }

    private void probability(JsonNode node, String at, int index) {
        JsonNode p = node.get("probability");
        if (p == null) {
            return;
        }
        if (!p.isNumber() || p.asDouble() < 0 || p.asDouble() > 1) {
            throw error(node, "probability", at + ".probability", "a probability is a number from 0 to 1, got '" + p.asText() + "'");
        }
        probabilities.put(index, p.asDouble());
    }

    /** The periods from {@code from} to {@code to}, both of the same precision, as date texts. */
    private String dateRange(JsonNode node, String at, int index) {
        JsonNode range = node.get("to");
        allowOnly(range, at + ".to", "from", "to");
        String from = text(range, "from", at + ".to.from", true);
        String to = text(range, "to", at + ".to.to", true);
        ValidDate first;
        ValidDate last;
        try {
            first = ValidDate.parse(from);
        } catch (InvalidDateException e) {
            throw error(range, "from", at + ".to.from", e.getMessage());
        }
        try {
            last = ValidDate.parse(to);
        } catch (InvalidDateException e) {
            throw error(range, "to", at + ".to.to", e.getMessage());
        }
        if (first.precision() != last.precision() || first.compareTo(last) > 0) {
            throw error(range, "to", at + ".to", "from and to must have the same precision, from first; got " + from + " and " + to);
        }
        List<String> candidates = new ArrayList<>();
        for (ValidDate d = first; d.compareTo(last) <= 0; d = next(d)) {
            candidates.add(d.toString());
            if (candidates.size() > MAX_DATE_CANDIDATES) {
                throw error(range, "to", at + ".to", "a range of at most " + MAX_DATE_CANDIDATES + " periods");
            }
        }
        dateRanges.put(index, List.copyOf(candidates));
        return from;
    }

    private static ValidDate next(ValidDate date) {
        return switch (date.precision()) {
            case YEAR -> new ValidDate(date.start().plusYears(1), date.precision());
            case MONTH -> new ValidDate(date.start().plusMonths(1), date.precision());
            case DAY -> new ValidDate(date.start().plusDays(1), date.precision());
        };
    }

    private Change change(JsonNode changes, int i) {
        String at = "changes[" + i + "]";
        JsonNode node = changes.get(i);
        int line = yaml.line(changes, i);
        if (!node.isObject()) {
            throw new InvalidScenarioException(file, line, at, "a change is a map: remove, add, redate (with to) or change (with set)");
        }
        probability(node, at, i);
        if (node.has("remove")) {
            allowOnly(node, at, "remove", "probability");
            return new Change.Remove(factId(node, "remove", at), line, at);
        }
        if (node.has("add")) {
            allowOnly(node, at, "add", "probability");
            JsonNode fact = node.get("add");
            if (!fact.isObject()) {
                throw error(node, "add", at + ".add", "the fact to add is a map with id, type, date, parameters and sources");
            }
            return new Change.Add(map(fact), lines(fact), yaml.line(node, "add"), at + ".add");
        }
        if (node.has("redate")) {
            allowOnly(node, at, "redate", "to", "probability");
            String to = node.path("to").isObject() ? dateRange(node, at, i) : text(node, "to", at + ".to", true);
            try {
                ValidDate.parse(to);
            } catch (InvalidDateException e) {
                throw error(node, "to", at + ".to", e.getMessage());
            }
            return new Change.Redate(factId(node, "redate", at), to, line, at);
        }
        if (node.has("change")) {
            allowOnly(node, at, "change", "set", "probability");
            JsonNode set = node.get("set");
            if (set == null || !set.isObject() || set.isEmpty()) {
                throw error(node, "set", at + ".set", "the parameters to set are a non-empty map");
            }
            return new Change.ChangeParameters(factId(node, "change", at), map(set), lines(set), line, at);
        }
        throw new InvalidScenarioException(file, line, at, "unknown change; use remove, add, redate (with to) or change (with set)");
    }

    private Expectation expectation(JsonNode expect, int i) {
        String at = "expect[" + i + "]";
        JsonNode node = expect.get(i);
        int line = yaml.line(expect, i);
        if (!node.isObject()) {
            throw new InvalidScenarioException(file, line, at, "an expectation is a map");
        }
        if (node.has("rejected")) {
            allowOnly(node, at, "rejected", "rule");
            String rule = text(node, "rule", at + ".rule", true);
            try {
                return new Expectation.Rejected(factId(node, "rejected", at), Rule.valueOf(rule), line, at);
            } catch (IllegalArgumentException e) {
                throw error(node, "rule", at + ".rule", "unknown rule '" + rule + "'; rules: " + List.of(Rule.values()));
            }
        }
        if (node.has("accepted")) {
            allowOnly(node, at, "accepted");
            return new Expectation.Accepted(factId(node, "accepted", at), line, at);
        }
        if (node.has("firstDivergence")) {
            allowOnly(node, at, "firstDivergence");
            JsonNode on = node.get("firstDivergence");
            return new Expectation.FirstDivergence(on.isNull() || "none".equals(on.asText()) ? null
                    : day(node, "firstDivergence", at + ".firstDivergence"), line, at);
        }
        if (node.has("dimension")) {
            allowOnly(node, at, "dimension", "at", "value", "certain", "possibleValues");
            Dimension dimension;
            String key = text(node, "dimension", at + ".dimension", true);
            try {
                dimension = Dimension.ofKey(key);
            } catch (IllegalArgumentException e) {
                throw error(node, "dimension", at + ".dimension", e.getMessage());
            }
            LocalDate day = day(node, "at", at + ".at");
            Object value = node.has("value") ? JSON.convertValue(node.get("value"), Object.class) : null;
            Boolean certain = node.has("certain") ? node.get("certain").asBoolean() : null;
            List<Object> possible = node.has("possibleValues") ? JSON.convertValue(node.get("possibleValues"),
                    JSON.getTypeFactory().constructCollectionType(List.class, Object.class)) : null;
            if (value == null && certain == null && possible == null) {
                throw error(node, "dimension", at, "say what the dimension is: value, or certain: false with possibleValues");
            }
            return new Expectation.StatusIs(dimension, day, value, certain, possible, line, at);
        }
        throw new InvalidScenarioException(file, line, at,
                "unknown expectation; use dimension+at+value, rejected+rule, accepted or firstDivergence");
    }

    private void allowOnly(JsonNode node, String at, String... fields) {
        List<String> allowed = List.of(fields);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw error(node, field, at + "." + field, "unknown field here; allowed: " + allowed);
            }
        }
    }

    private String factId(JsonNode node, String field, String at) {
        String id = text(node, field, at + "." + field, true);
        if (!FactCatalog.FACT_ID.matcher(id).matches()) {
            throw error(node, field, at + "." + field, "'" + id + "' is not a fact id");
        }
        return id;
    }

    private LocalDate day(JsonNode node, String field, String at) {
        String text = text(node, field, at, true);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(node, field, at, "a day YYYY-MM-DD is expected, got '" + text + "'");
        }
    }

    private String text(JsonNode node, String field, String at, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            if (required) {
                throw error(node, field, at, "a text is required");
            }
            return null;
        }
        return value.asText();
    }

    private Map<String, Integer> lines(JsonNode object) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        object.fieldNames().forEachRemaining(field -> lines.put(field, yaml.line(object, field)));
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, LinkedHashMap.class);
    }

    private InvalidScenarioException error(JsonNode container, String field, String at, String message) {
        int line = container == null ? 0 : field == null ? yaml.line(container) : yaml.line(container, field);
        return new InvalidScenarioException(file, line, at, message);
    }
}
