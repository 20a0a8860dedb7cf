package org.entente.relation.facts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
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
 * The kinds of fact, by the names used in history and scenario files and in requests ({@code VetoCast},
 * ...), and the translation between a fact and its plain description: {@code id}, {@code type},
 * {@code date}, {@code sources} and the type's own parameters. Plain Java (record reflection), so that the
 * rules core can revise a fact when it is corrected.
 */
public final class FactCatalog {

    public static final Pattern FACT_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COMMON = Set.of("relationId", "factId", "date", "sources");
    private static final Set<String> SOURCE_FIELDS = Set.of("seed", "url", "title", "quote");
    private static final Map<String, Class<? extends HistoricalFact>> TYPES = new TreeMap<>();

    static {
        for (Class<?> type : HistoricalFact.class.getPermittedSubclasses()) {
            TYPES.put(type.getSimpleName(), type.asSubclass(HistoricalFact.class));
        }
    }

    private FactCatalog() {
    }

    /** The parameters a fact type takes beyond id, date and sources. */
    public static List<String> parameters(String type) {
        return Arrays.stream(classOf(type).getRecordComponents())
                .map(RecordComponent::getName).filter(n -> !COMMON.contains(n)).toList();
    }

    /** The event class of a fact type name, e.g. {@code VetoCast}. */
    public static Class<? extends HistoricalFact> classOf(String type) {
        return typeNamed(null, type);
    }

    /** Builds a typed fact from its description; every problem is reported with the field it concerns. */
    public static HistoricalFact toFact(String relationId, Map<String, ?> description) {
        Object rawId = description.get("id");
        String id = rawId instanceof String s ? s : null;
        if (id == null || !FACT_ID.matcher(id).matches() || id.length() > 100) {
            throw new InvalidFactException(id, "id", "an id of lowercase letters, digits and dashes (at most 100) is required, got "
                    + (rawId == null ? "none" : "'" + rawId + "'"));
        }
        Object typeName = description.get("type");
        Class<? extends HistoricalFact> type = typeNamed(id, typeName instanceof String s ? s : null);
        List<String> params = parameters(type.getSimpleName());
        for (String key : description.keySet()) {
            if (!Set.of("id", "type", "date", "sources").contains(key) && !params.contains(key)) {
                throw new InvalidFactException(id, key, "unknown field for " + type.getSimpleName() + "; its parameters are " + params);
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            values[i] = switch (name) {
                case "relationId" -> relationId;
                case "factId" -> id;
                case "date" -> date(id, description.get("date"));
                case "sources" -> sources(id, description.get("sources"));
                default -> value(id, name, components[i].getGenericType(), description.get(name));
            };
        }
        return construct(type, components, values);
    }

    /** The plain description of a fact (the inverse of {@link #toFact}): texts, enum names, lists and maps. */
    public static Map<String, Object> describe(HistoricalFact fact) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", fact.factId());
        description.put("type", fact.type());
        description.put("date", fact.date().toString());
        for (RecordComponent component : fact.getClass().getRecordComponents()) {
            if (!COMMON.contains(component.getName())) {
                description.put(component.getName(), plain(read(component, fact)));
            }
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Source source : fact.sources()) {
            sources.add(describe(source));
        }
        description.put("sources", sources);
        return description;
    }

    public static Map<String, Object> describe(Source source) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (source.seed() != null) {
            map.put("seed", source.seed());
        }
        if (source.url() != null) {
            map.put("url", source.url());
        }
        if (source.title() != null) {
            map.put("title", source.title());
        }
        map.put("quote", source.quote());
        return map;
    }

    /** Reads a list of source descriptions, naming {@code field} in errors. */
    public static List<Source> sources(String id, String field, Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new InvalidFactException(id, field, "a list of sources is expected");
        }
        List<Source> sources = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidFactException(id, at, "a source is a map with seed or url, and quote");
            }
            for (Object key : map.keySet()) {
                if (!SOURCE_FIELDS.contains(key)) {
                    throw new InvalidFactException(id, at + "." + key, "unknown field; a source has seed, url, title and quote");
                }
            }
            String seed = text(id, at + ".seed", map.get("seed"));
            String url = text(id, at + ".url", map.get("url"));
            String quote = text(id, at + ".quote", map.get("quote"));
            if (seed == null && url == null) {
                throw new InvalidFactException(id, at, "a source names a seed file or a url");
            }
            if (quote == null) {
                throw new InvalidFactException(id, at + ".quote", "a source quotes the text that states the fact");
            }
            sources.add(new Source(seed, url, text(id, at + ".title", map.get("title")), quote));
        }
        return List.copyOf(sources);
    }

    private static List<Source> sources(String id, Object raw) {
        return sources(id, "sources", raw);
    }

    private static Class<? extends HistoricalFact> typeNamed(String id, String name) {
        Class<? extends HistoricalFact> type = name == null ? null : TYPES.get(name);
        if (type == null) {
            throw new InvalidFactException(id, "type", (name == null ? "a type is required" : "unknown type '" + name + "'")
                    + "; known types: " + TYPES.keySet());
        }
        return type;
    }

    private static ValidDate date(String id, Object date) {
        try {
            return ValidDate.parse(date == null ? null : String.valueOf(date));
        } catch (InvalidDateException e) {
            throw new InvalidFactException(id, "date", e.getMessage());
        }
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

    private static Object value(String id, String field, Type type, Object value) {
        if (value == null) {
            throw new InvalidFactException(id, field, "is required");
        }
        if (type == String.class) {
            if (!(value instanceof String s) || s.isBlank()) {
                throw new InvalidFactException(id, field, "a non-empty text is expected, got " + value);
            }
            return s;
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return enumValue(id, field, c, value);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw new InvalidFactException(id, field, "a non-empty list is expected");
            }
            List<Object> values = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                values.add(value(id, field + "[" + i + "]", p.getActualTypeArguments()[0], list.get(i)));
            }
            return List.copyOf(values);
        }
        throw new IllegalStateException("no conversion to " + type + " for " + field);
    }

    private static Object enumValue(String id, String field, Class<?> type, Object value) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(String.valueOf(value))) {
                return constant;
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        throw new InvalidFactException(id, field, "must be one of " + allowed + ", got '" + value + "'");
    }

    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FactCatalog::plain).toList();
        }
        return value;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static HistoricalFact construct(Class<? extends HistoricalFact> type, RecordComponent[] components, Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<? extends HistoricalFact> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
        }
    }
}
