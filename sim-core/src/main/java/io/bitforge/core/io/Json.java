package io.bitforge.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration every result file uses: two-space indentation, '\n' line ends on every
 * platform, fields in declaration order, entries of ordered maps (LinkedHashMap, sorted maps) in their order
 * and of every other map and set sorted by key ({@code Map.of} iterates in an order that changes between JVM
 * runs), so output is byte-identical for the same inputs. A NaN or infinite number is refused with the path of the
 * field ({@link FiniteNumbers}): JSON has no such value and a reader would fail or misread it.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(DeterministicOrder.module())
            .addModule(FiniteNumbers.module())
            .build();

    private Json() {
    }

    /** The shared mapper; immutable configuration, safe to use from many threads. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty JSON with '\n' line ends and a trailing newline. */
    public static String write(Object value) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
    }
}
