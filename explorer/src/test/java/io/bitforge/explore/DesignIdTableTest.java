package io.bitforge.explore;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DesignIdTableTest {
    @Test
    void findsEveryIdAtItsPositionThroughGrowthAndNoOthers() {
        DesignIdTable table = new DesignIdTable();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String id = String.format("%016x", random.nextLong());
            if (!expected.containsKey(id)) {
                int position = expected.size();
                table.add(id, position);
                expected.put(id, position);
            }
        }
        // hand-edited ids that are not 16 lower-case hex digits take the side map
        table.add("not-a-hash", expected.size());
        expected.put("not-a-hash", expected.size());
        table.add("0123456789ABCDEF", expected.size());
        expected.put("0123456789ABCDEF", expected.size());
        expected.forEach((id, position) -> assertEquals(position, table.position(id), id));
        assertEquals(-1, table.position("ffffffffffffffff"));
        assertEquals(-1, table.position("0000000000000000"));
        assertEquals(-1, table.position("other"));
    }
}
