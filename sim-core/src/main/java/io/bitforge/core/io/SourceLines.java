package io.bitforge.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every field and value of a YAML or JSON text (YAML is a superset of JSON), by JSON pointer, so
 * validation messages can say {@code (line 9)}. Objects and arrays are placed on the line of their field.
 */
public final class SourceLines {
    private static final JsonFactory YAML_FACTORY = new YAMLFactory();

    private SourceLines() {
    }

    /** One streaming pass over the text. */
    public static Map<JsonPointer, Integer> index(String text) throws IOException {
        Map<JsonPointer, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML_FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonPointer pointer = parser.getParsingContext().pathAsPointer();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    pointer = parser.getParsingContext().getParent() == null ? JsonPointer.empty()
                            : parser.getParsingContext().getParent().pathAsPointer();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        }
        return lines;
    }
}
