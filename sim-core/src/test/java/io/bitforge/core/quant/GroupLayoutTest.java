package io.bitforge.core.quant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupLayoutTest {
    @Test
    void aGroupLongerThanTheRowIsOneGroupPerRowEvenNearTheIntLimit() {
        // 3 rows of 8: a group of 2^31-1 values covers each row whole, as a channel group would.
        GroupLayout layout = new GroupLayout(Granularity.GROUP, 3, 8, Integer.MAX_VALUE);
        assertEquals(1, layout.groupsPerRow());
        assertEquals(3, layout.groupCount());
        assertEquals(8, layout.start(1));
        assertEquals(16, layout.end(1));
        assertEquals(24, layout.end(2));
        assertEquals(2, layout.groupOf(23));
    }
}
