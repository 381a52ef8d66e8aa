package io.bitforge.verilog.board;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtlRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * A bare array's default clock constraint is its board build's core clock: 12 MHz / 4 for a preset whose cell
     * takes 16-bit activations (the presets' own parameters: FP16 activations for fp16-baseline, mixpe-w4a16,
     * BitMoD, OliVe weight-only and the LUT Tensor Core's FP16 tables), the board's 12 MHz for 8-bit and 4-bit
     * activations.
     */
    @ParameterizedTest
    @CsvSource({"fp16-baseline, 3.0", "mixpe-w4a16, 3.0", "bitmod-prefill, 3.0", "olive-weight-only, 3.0",
        "lut-tc-int4, 3.0", "tpu-like-int8, 12.0", "mixpe-w4a8, 12.0", "olive-w4a4, 12.0", "ant-28nm, 12.0",
        "bitfusion-45nm, 12.0"})
    void defaultClockIsTheBoardBuildsCoreClock(String preset, double megahertz) {
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HardwareSpec spec = PeDesign.withRtlParams(new HardwareSpecLoader(Registry.load()).resolve(preset, "--hw")
                .withArray(new ArraySpec(1, 1)), rtl, note -> { });
        // the cell at the preset's parameters with RTL (the LUT's stand-in unit; fp16-baseline and
        // olive-weight-only are ws presets of os cells)
        var cell = rtl.require("hardware.pe.family:", spec.pe().family()).create(spec.pe().params());
        assertEquals(megahertz, CoreClock.defaultConstraintMegahertz(cell), preset);
        assertEquals(12.0, CoreClock.boardMegahertz());
    }
}
