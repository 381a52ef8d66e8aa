package io.bitforge.verilog.board;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CoreClockTest {

    @Test
    void dividedClockKeepsTheBaudRate() {
        // a 16-bit activation code (FP16): 12 / 4 MHz
        CoreClock fp = CoreClock.forActivationBits(16);
        assertEquals(4, fp.divider());
        // 104 board cycles a bit at 12 MHz (12e6 / 115200 = 104.17) are 104 / 4 = 26 core cycles at 3 MHz
        assertEquals(26, fp.clocksPerBit(104));
        assertEquals(3.0, fp.megahertz(12));
        assertEquals("set_frequency core_clk_q 3.0\n", fp.pcfLine(12));
        assertEquals(1, CoreClock.forActivationBits(8).divider());
        assertEquals("", CoreClock.forActivationBits(8).pcfLine(12));
        assertThrows(IllegalArgumentException.class, () -> new CoreClock(3));
        assertThrows(IllegalArgumentException.class, () -> new CoreClock(8).clocksPerBit(100));
    }
}
