package io.bitforge.core.spec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical JSON bytes a design id hashes (DESIGN.md, "Results directories": the spec's JSON with keys sorted,
 * no whitespace), written directly instead of through a general JSON serialiser. It spells every value exactly as
 * Jackson's default JSON writer does (keys in {@link String#compareTo} order, integers in decimal, doubles by
 * {@link Double#toString}, booleans and strings as JSON), so ids stay those of every earlier version; for a value
 * it does not spell the same way for certain (a string with control characters, quotes, backslashes or surrogates,
 * a non-finite number, any other type) it declines and the caller serialises with Jackson.
 */
final class CanonicalSpecJson {
    private CanonicalSpecJson() {
    }

    /** The canonical bytes of {@code spec}, or empty when a value needs the general serialiser. */
    static Optional<byte[]> bytes(Map<String, ?> spec) {
        StringBuilder json = new StringBuilder(512);
        if (!object(spec, json)) {
            return Optional.empty();
        }
        return Optional.of(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean value(Object value, StringBuilder json) {
        if (value instanceof String s) {
            return string(s, json);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            json.append(((Number) value).longValue());
            return true;
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                return false;
            }
            json.append(Double.toString(d));
            return true;
        }
        if (value instanceof Boolean b) {
            json.append(b.booleanValue());
            return true;
        }
        if (value == null) {
            json.append("null");
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, json);
        }
        if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                if (!value(list.get(i), json)) {
                    return false;
                }
            }
            json.append(']');
            return true;
        }
        return false;
    }

    private static boolean object(Map<?, ?> map, StringBuilder json) {
        String[] keys = new String[map.size()];
        int n = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                return false;
            }
            keys[n++] = s;
        }
        Arrays.sort(keys);
        json.append('{');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (!string(keys[i], json)) {
                return false;
            }
            json.append(':');
            if (!value(map.get(keys[i]), json)) {
                return false;
            }
        }
        json.append('}');
        return true;
    }

    /** A string no JSON writer escapes: no control characters, quotes, backslashes or surrogates. */
    private static boolean string(String s, StringBuilder json) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        json.append('"').append(s).append('"');
        return true;
    }
}
