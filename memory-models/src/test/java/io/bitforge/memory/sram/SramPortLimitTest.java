package io.bitforge.memory.sram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SramPortLimitTest {
    @Test
    void demandWithinBanksTimesPortsTimesWordCostsNothing() {
        // 4 banks x 2 ports x 64 bit = 512 bit per cycle; a 32x32 array of 8-bit operands wants 256 bit/cycle.
        SramMacro macro = new SramMacro(64 * 1024, 64, 4, 2);
        assertEquals(512, macro.bitsPerCycle());
        assertEquals(100, SramPortLimit.accessCycles(macro, 256, 100));
        assertEquals(0, SramPortLimit.stallCycles(macro, 512, 100));
    }

    @Test
    void excessDemandStretchesThePhase() {
        // 1 bank x 1 port x 64 bit; demand 32 x 8 bit = 256 bit/cycle for 10 cycles = 2560 bit -> 40 cycles.
        SramMacro macro = new SramMacro(64 * 1024, 64, 1, 1);
        assertEquals(40, SramPortLimit.accessCycles(macro, 256, 10));
        assertEquals(30, SramPortLimit.stallCycles(macro, 256, 10));
        // 100 bit/cycle for 3 cycles = 300 bit -> ceil(300 / 64) = 5 cycles
        assertEquals(2, SramPortLimit.stallCycles(macro, 100, 3));
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SramMacro(0, 8, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SramMacro(1024, 8, 0, 1));
    }
}
