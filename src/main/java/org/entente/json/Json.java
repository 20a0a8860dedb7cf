package org.entente.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.entente.time.InvalidDateException;
import org.entente.time.ValidDate;

/**
 * The one JSON configuration of Entente: Axon's event serializer, the REST API and the file readers all
 * use it, so an event reads the same in the store, on the wire and in a file. A {@link ValidDate} is
 * written as its text ({@code "2010"}, {@code "1987-12"}, {@code "2002-01-09"}).
 */
public final class Json {

    private Json() {
    }

    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /** A YAML reader with the same modules, for history and scenario files. */
    public static ObjectMapper newYamlMapper() {
        return configure(new ObjectMapper(new YAMLFactory()));
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule dates = new SimpleModule("entente-dates");
        dates.addSerializer(ValidDate.class, ToStringSerializer.instance);
        dates.addDeserializer(ValidDate.class, new JsonDeserializer<>() {
            @Override
            public ValidDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return ValidDate.parse(p.getValueAsString());
                } catch (InvalidDateException e) {
                    throw InvalidFormatException.from(p, e.getMessage(), p.getText(), ValidDate.class);
                }
            }
        });
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(dates)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
