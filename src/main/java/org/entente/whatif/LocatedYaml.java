package org.entente.whatif;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A YAML (or JSON) document read into a tree that remembers the line of every value, so that an error can
 * name the file, the line and the field.
 */
final class LocatedYaml {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final JsonNode root;
    private final int rootLine;
    private final Map<JsonNode, Integer> containerLines = new IdentityHashMap<>();
    private final Map<JsonNode, Map<Object, Integer>> childLines = new IdentityHashMap<>();

    private LocatedYaml(String text) throws IOException {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            this.rootLine = first == null ? 1 : Math.max(1, parser.currentTokenLocation().getLineNr());
            this.root = first == null ? null : read(parser);
        }
    }

    /** Parses the text; a syntax error is reported with its line by the exception's location. */
    static LocatedYaml parse(String text) throws IOException {
        return new LocatedYaml(text);
    }

    JsonNode root() {
        return root;
    }

    /** The line where the document's value starts (1 for an empty document). */
    int rootLine() {
        return rootLine;
    }

    /** The line where an object or list starts (1-based), or 0 when unknown. */
    int line(JsonNode container) {
        return containerLines.getOrDefault(container, 0);
    }

    /** The line of a field of an object, or of an element of a list. */
    int line(JsonNode container, Object fieldOrIndex) {
        Map<Object, Integer> lines = childLines.get(container);
        Integer line = lines == null ? null : lines.get(fieldOrIndex);
        return line != null ? line : line(container);
    }

    private JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                containerLines.put(object, line);
                Map<Object, Integer> lines = new java.util.HashMap<>();
                childLines.put(object, lines);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    lines.put(field, parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    object.set(field, read(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                containerLines.put(array, line);
                Map<Object, Integer> lines = new java.util.HashMap<>();
                childLines.put(array, lines);
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    lines.put(index++, parser.currentTokenLocation().getLineNr());
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new IOException("unexpected " + token + " at line " + line);
        }
    }
}
