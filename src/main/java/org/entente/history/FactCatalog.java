package org.entente.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.entente.relation.events.HistoricalFact;
import org.entente.relation.events.Source;
import org.entente.time.InvalidDateException;
import org.entente.time.ValidDate;

/**
 * The kinds of fact, by the names used in history and scenario files ({@code VetoCast}, ...), and the
 * translation between a fact and its plain description: {@code id}, {@code type}, {@code date},
 * {@code sources} and the type's own parameters.
 */
public final class FactCatalog {

    public static final Pattern FACT_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COMMON = Set.of("relationId", "factId", "date", "sources");
    private static final Map<String, Class<?>> TYPES = new TreeMap<>();

    static {
        for (Class<?> type : HistoricalFact.class.getPermittedSubclasses()) {
            TYPES.put(type.getSimpleName(), type);
        }
    }

    private final ObjectMapper json;

    public FactCatalog(ObjectMapper json) {
        this.json = json;
    }

    public static Set<String> types() {
        return TYPES.keySet();
    }

    /** The parameters a fact type takes beyond id, date and sources. */
    public static List<String> parameters(String type) {
        return Arrays.stream(typeNamed(null, type).getRecordComponents())
                .map(RecordComponent::getName).filter(n -> !COMMON.contains(n)).toList();
    }

    /** Builds a typed fact from its description; every problem is reported with the field it concerns. */
    public HistoricalFact toFact(String relationId, Map<String, ?> description) {
        Object rawId = description.get("id");
        String id = rawId instanceof String s ? s : null;
        if (id == null || !FACT_ID.matcher(id).matches() || id.length() > 100) {
            throw new InvalidFactException(id, "id", "an id of lowercase letters, digits and dashes (at most 100) is required, got "
                    + (rawId == null ? "none" : "'" + rawId + "'"));
        }
        Object typeName = description.get("type");
        Class<?> type = typeNamed(id, typeName instanceof String s ? s : null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("relationId", relationId);
        fields.put("factId", id);
        fields.put("date", date(id, description.get("date")));
        fields.put("sources", sources(id, description.get("sources")));
        List<String> params = parameters(type.getSimpleName());
        for (String key : description.keySet()) {
            if (!key.equals("id") && !key.equals("type") && !key.equals("date") && !key.equals("sources") && !params.contains(key)) {
                throw new InvalidFactException(id, key, "unknown field for " + type.getSimpleName()
                        + "; its parameters are " + params);
            }
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (COMMON.contains(component.getName())) {
                continue;
            }
            Object value = description.get(component.getName());
            check(id, component.getName(), component.getGenericType(), value);
            fields.put(component.getName(), value);
        }
        return (HistoricalFact) json.convertValue(fields, type);
    }

    /** The plain description of a fact, the inverse of {@link #toFact}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> describe(HistoricalFact fact) {
        Map<String, Object> fields = json.convertValue(fact, LinkedHashMap.class);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", fact.factId());
        description.put("type", fact.type());
        description.put("date", fact.date().toString());
        fields.forEach((k, v) -> {
            if (!COMMON.contains(k)) {
                description.put(k, v);
            }
        });
        description.put("sources", fields.get("sources"));
        return description;
    }

    /** The event class of a fact type name, e.g. {@code VetoCast}. */
    @SuppressWarnings("unchecked")
    public static Class<? extends HistoricalFact> classOf(String type) {
        return (Class<? extends HistoricalFact>) typeNamed(null, type);
    }

    private static Class<?> typeNamed(String id, String name) {
        Class<?> type = name == null ? null : TYPES.get(name);
        if (type == null) {
            throw new InvalidFactException(id, "type", (name == null ? "a type is required" : "unknown type '" + name + "'")
                    + "; known types: " + TYPES.keySet());
        }
        return type;
    }

    private static String date(String id, Object date) {
        try {
            return ValidDate.parse(date == null ? null : String.valueOf(date)).toString();
        } catch (InvalidDateException e) {
            throw new InvalidFactException(id, "date", e.getMessage());
        }
    }

    private static List<Source> sources(String id, Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new InvalidFactException(id, "sources", "a list of sources is expected");
        }
        return java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> {
            String field = "sources[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidFactException(id, field, "a source is a map with seed or url, and quote");
            }
            for (Object key : map.keySet()) {
                if (!Set.of("seed", "url", "title", "quote").contains(key)) {
                    throw new InvalidFactException(id, field + "." + key, "unknown field; a source has seed, url, title and quote");
                }
            }
            String seed = text(id, field + ".seed", map.get("seed"));
            String url = text(id, field + ".url", map.get("url"));
            String quote = text(id, field + ".quote", map.get("quote"));
            if (seed == null && url == null) {
                throw new InvalidFactException(id, field, "a source names a seed file or a url");
            }
            if (quote == null) {
                throw new InvalidFactException(id, field + ".quote", "a source quotes the text that states the fact");
            }
            return new Source(seed, url, text(id, field + ".title", map.get("title")), quote);
        }).toList();
    }

    private static String text(String id, String field, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidFactException(id, field, "a non-empty text is expected");
        }
        return s;
    }

    private static void check(String id, String field, Type type, Object value) {
        if (value == null) {
            throw new InvalidFactException(id, field, "is required");
        }
        if (type == String.class) {
            if (!(value instanceof String s) || s.isBlank()) {
                throw new InvalidFactException(id, field, "a non-empty text is expected, got " + value);
            }
        } else if (type instanceof Class<?> c && c.isEnum()) {
            checkEnum(id, field, c, value);
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw new InvalidFactException(id, field, "a non-empty list is expected");
            }
            for (int i = 0; i < list.size(); i++) {
                check(id, field + "[" + i + "]", p.getActualTypeArguments()[0], list.get(i));
            }
        }
    }

    private static void checkEnum(String id, String field, Class<?> type, Object value) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        if (!allowed.contains(String.valueOf(value))) {
            throw new InvalidFactException(id, field, "must be one of " + allowed + ", got '" + value + "'");
        }
    }
}
