package io.bitforge.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sets a value at a dotted path of a spec given as nested maps, copying only the maps along the path. */
final class SpecPaths {
    private SpecPaths() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> spec, String path, Object value) {
        int dot = path.indexOf('.');
        Map<String, Object> copy = new LinkedHashMap<>(spec);
        if (dot < 0) {
            copy.put(path, value);
            return copy;
        }
        String head = path.substring(0, dot);
        Object child = spec.get(head);
        Map<String, Object> childMap = child instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        copy.put(head, with(childMap, path.substring(dot + 1), value));
        return copy;
    }
}
