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
    private static final Set<String> TOP = Set.of("id", "title", "relation", "rationale", "changes", "expect");

    private final String file;
    private final int maxChanges;
    private LocatedYaml yaml;

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
            throw error(root, null, "", "a scenario is a map with id, title, relation, rationale, changes and expect");
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
            throw error(root, "changes", "changes", "a scenario may make at most " + maxChanges + " changes, this one makes "
                    + changes.size() + " (limit entente.scenarios.max-changes)");
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
        return new Scenario(file, id, title, relation, rationale, List.copyOf(parsedChanges), List.copyOf(expectations));
    }

    private Change change(JsonNode changes, int i) {
        String at = "changes[" + i + "]";
        JsonNode node = changes.get(i);
        int line = yaml.line(changes, i);
        if (!node.isObject()) {
            throw new InvalidScenarioException(file, line, at, "a change is a map: remove, add, redate (with to) or change (with set)");
        }
        if (node.has("remove")) {
            allowOnly(node, at, "remove");
            return new Change.Remove(factId(node, "remove", at), line, at);
        }
        if (node.has("add")) {
            allowOnly(node, at, "add");
            JsonNode fact = node.get("add");
            if (!fact.isObject()) {
                throw error(node, "add", at + ".add", "the fact to add is a map with id, type, date, parameters and sources");
            }
            return new Change.Add(map(fact), lines(fact), yaml.line(node, "add"), at + ".add");
        }
        if (node.has("redate")) {
            allowOnly(node, at, "redate", "to");
            String to = text(node, "to", at + ".to", true);
            try {
                ValidDate.parse(to);
            } catch (InvalidDateException e) {
                throw error(node, "to", at + ".to", e.getMessage());
            }
            return new Change.Redate(factId(node, "redate", at), to, line, at);
        }
        if (node.has("change")) {
            allowOnly(node, at, "change", "set");
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
