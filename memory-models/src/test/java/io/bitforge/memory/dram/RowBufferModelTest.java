package io.bitforge.memory.dram;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Row hits and stream times on DDR4-3200 and HBM2, derived by hand from the presets' JEDEC figures. */
class RowBufferModelTest {
    private static final DramPreset DDR4 = DramPresets.ddr4_3200();
    private static final RowBufferTiming T = DDR4.rowBuffer();
    /** 1 - tRFC / tREFI = 1 - 350 / 7800. */
    private static final double REFRESH = 1 - 350.0 / 7800;

    @Test
    void aSequentialMebibyteOpensEachEightKibibyteRowOnce() {
        // 64-byte bursts (64-bit channel x BL8): 16,384 bursts; 8 KB rows: 128 opened, 16,256 hits (127/128)
        var t = RowBufferModel.time(DDR4, T, AccessStream.sequential(1 << 20));
        assertEquals(16384, t.bursts());
        assertEquals(128, t.rowMisses());
        assertEquals(127.0 / 128, t.hitRate(), 1e-12);
        // data: 16,384 x 8 beats / 3.2 GT/s = 40,960 ns; activates 128 x max(2.5, 21/4, 45.75/16) = 672 ns
        assertEquals(40960 / REFRESH, t.nanoseconds(), 1e-6);
    }

    @Test
    void burstsAStrideApartOnDifferentRowsMissEveryTime() {
        // 64-byte runs 16 KiB apart (beyond the 8 KiB row): every burst opens a row; activate-bound at tFAW / 4
        var t = RowBufferModel.time(DDR4, T, new AccessStream(1 << 20, 64, 16384));
        assertEquals(16384, t.bursts());
        assertEquals(16384, t.rowMisses());
        assertEquals(0, t.hitRate());
        assertEquals(16384 * 5.25 / REFRESH, t.nanoseconds(), 1e-6);
        // 4 KiB apart: two runs per row, so half the bursts hit
        var half = RowBufferModel.time(DDR4, T, new AccessStream(1 << 20, 64, 4096));
        assertEquals(8192, half.rowMisses());
        assertEquals(0.5, half.hitRate(), 1e-12);
        // a 32-byte run still moves a whole 64-byte burst: the same bursts for half the bytes
        assertEquals(16384, RowBufferModel.time(DDR4, T, new AccessStream(1 << 19, 32, 4096)).bursts());
    }

    @Test
    void hbm2SpreadsASequentialStreamOverItsSixteenPseudoChannels() {
        DramPreset hbm2 = DramPresets.hbm2();
        // 32-byte bursts (64-bit pseudo-channel x BL4), 1 KB rows x 16 pseudo-channels = 16 KiB windows:
        // 1 MiB = 32,768 bursts in 64 windows, each opened by all 16 pseudo-channels: 1,024 misses
        var t = RowBufferModel.time(hbm2, hbm2.rowBuffer(), AccessStream.sequential(1 << 20));
        assertEquals(32768, t.bursts());
        assertEquals(1024, t.rowMisses());
        // per pseudo-channel 2,048 bursts x 4 beats / 2 GT/s = 4,096 ns; 64 activates x max(4, 7.5, 48/16) = 480
        assertEquals(4096 / (1 - 260.0 / 3900), t.nanoseconds(), 1e-6);
    }

    @Test
    void everyPresetHasSourcedRowBufferTimingAndASequentialStreamBeatsItsSustainedEstimate() {
        for (DramPreset preset : DramPresets.all()) {
            RowBufferTiming timing = preset.rowBuffer();
            assertTrue(timing != null, preset.id());
            @SuppressWarnings("unchecked")
            Map<String, String> sources = (Map<String, String>) ((Map<String, Object>) preset.facts()
                    .get("rowBuffer")).get("figureSources");
            assertEquals(RowBufferTiming.FIGURES.size(), sources.size(), preset.id());
            for (String estimated : timing.estimatedFigures()) {
                assertTrue(sources.get(estimated).endsWith("(estimate)"), preset.id() + " " + estimated);
            }
            // a long sequential read: refresh is the only loss, below the peak and above the sustained estimate
            long bytes = 64L << 20;
            var t = RowBufferModel.time(preset, timing, AccessStream.sequential(bytes));
            double efficiency = bytes / (t.nanoseconds() * 1e-9) / preset.peakBytesPerSecond();
            assertTrue(efficiency <= 1 && efficiency >= preset.sustainedEfficiency(), preset.id() + " " + efficiency);
        }
    }

    @Test
    void badTimingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RowBufferTiming(13.75, 13.75, 13.75, 32, 2.5, 21,
                16, 8192, 350, 300, T.figureSources(), java.util.Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new AccessStream(10, 0, 1));
    }
}
