package io.bitforge.core.io;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonDeterminismTest {
    record Point(String name, double cycles) {
    }

    @Test
    void unorderedMapsAndSetsAreWrittenSortedOrderedOnesInTheirOrder() {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("zeta", 1);
        ordered.put("alpha", Map.of("m", 2, "k", 8, "n", 3, "b", 1));
        ordered.put("set", Set.of("w", "a", "q"));
        assertEquals("{\"zeta\":1,\"alpha\":{\"b\":1,\"k\":8,\"m\":2,\"n\":3},\"set\":[\"a\",\"q\",\"w\"]}",
                Json.write(ordered).replaceAll("\\s", ""));
    }

    @Test
    void aNonFiniteNumberIsRefusedNamingTheField() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Json.write(List.of(new Point("g1", Double.POSITIVE_INFINITY))));
        assertTrue(e.getMessage().contains("not a finite number (Infinity)"), e.getMessage());
        assertTrue(e.getMessage().contains("\"cycles\""), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Json.write(Map.of("u", Double.NaN)));
        assertThrows(IllegalStateException.class, () -> Json.write(Map.of("u", Float.NaN)));
        assertEquals("{\"name\":\"g1\",\"cycles\":2.5}", Json.write(new Point("g1", 2.5)).replaceAll("\\s", ""));
    }
}
