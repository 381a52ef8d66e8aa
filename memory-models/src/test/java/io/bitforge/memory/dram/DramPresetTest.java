package io.bitforge.memory.dram;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DramPresetTest {
    /**
     * Peak bandwidth as published by the product or standard each preset is sized like, in GB/s (10^9 B/s).
     * Published figures are rounded, so the check allows 0.25 %.
     */
    private static final Map<String, Double> PUBLISHED_PEAK_GIGABYTES_PER_SECOND = Map.of(
            "ddr4-3200", 25.6,   // JEDEC module name PC4-25600 = 25,600 MB/s
            "lpddr4x", 68.25,    // Apple M1, 128-bit LPDDR4X-4266: 68.25 GB/s (AnandTech M1 review)
            "lpddr5", 204.8,     // NVIDIA Jetson AGX Orin 64GB data sheet: 256-bit LPDDR5, 204.8 GB/s
            "gddr6", 768.0,      // NVIDIA RTX A6000 data sheet: 384-bit GDDR6, 768 GB/s
            "hbm2", 256.0,       // JEDEC JESD235A announcement: 256 GB/s per HBM2 stack
            "hbm2e", 410.0,      // Samsung Flashbolt HBM2E: 3.2 Gb/s, 410 GB/s per stack
            "hbm3", 819.0);      // JEDEC JESD238 HBM3 announcement: 6.4 Gb/s, 819 GB/s per device

    @Test
    void peakEqualsThePublishedPeakForEveryPreset() {
        assertEquals(PUBLISHED_PEAK_GIGABYTES_PER_SECOND.keySet(),
                DramPresets.all().stream().map(DramPreset::id).collect(Collectors.toSet()));
        for (DramPreset preset : DramPresets.all()) {
            double published = PUBLISHED_PEAK_GIGABYTES_PER_SECOND.get(preset.id());
            double derived = preset.peakBytesPerSecond() / 1e9;
            assertEquals(published, derived, published * 0.0025, preset.id());
        }
    }

    @Test
    void hbm2eStackPeakIsBusWidthTimesDataRate() {
        // 1024 bit x 3.2 Gb/s / 8 = 409.6 GB/s
        DramPreset hbm2e = DramPresets.hbm2e();
        assertEquals(1024, hbm2e.busWidthBits());
        assertEquals(409.6e9, hbm2e.peakBytesPerSecond(), 1e-3);
    }

    @Test
    void transfersRoundUpToWholeBursts() {
        DramPreset ddr4 = DramPresets.ddr4_3200();
        assertEquals(64, ddr4.burstBytes()); // 64 bit x BL8 = 64 B
        assertEquals(0, ddr4.transferBytes(0));
        assertEquals(64, ddr4.transferBytes(1));
        assertEquals(64, ddr4.transferBytes(64));
        assertEquals(128, ddr4.transferBytes(65));
        DramPreset hbm3 = DramPresets.hbm3();
        assertEquals(32, hbm3.burstBytes()); // 32 bit x BL8 = 32 B
        assertEquals(96, hbm3.transferBytes(70));
        // 70 B rounds to 96 B = 768 bit; x 3.5 pJ/bit = 2688 pJ
        assertEquals(2688.0, hbm3.transferPicojoules(70), 1e-9);
    }

    @Test
    void sustainedBandwidthPerCycleScalesPeakByEfficiency() {
        DramPreset hbm2 = DramPresets.hbm2();
        // 256 GB/s x 0.85 / 1 GHz = 217.6 B/cycle
        assertEquals(217.6, hbm2.sustainedBytesPerCycle(1e9), 1e-9);
    }

    @Test
    void everyFigureHasASourceAndEstimatesAreFlagged() {
        for (DramPreset preset : DramPresets.all()) {
            @SuppressWarnings("unchecked")
            Map<String, String> sources = (Map<String, String>) preset.facts().get("figureSources");
            assertEquals(DramPreset.FIGURES.size(), sources.size(), preset.id());
            for (String estimated : preset.estimatedFigures()) {
                assertTrue(sources.get(estimated).endsWith("(estimate)"), preset.id() + " " + estimated);
            }
            assertTrue(preset.estimatedFigures().contains("sustainedEfficiency"), preset.id());
        }
    }

    @Test
    void aPresetWithoutASourceForAFigureIsRejected() {
        DramPreset ddr4 = DramPresets.ddr4_3200();
        Map<String, String> missing = ddr4.figureSources().entrySet().stream()
                .filter(e -> !e.getKey().equals("burstLength"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThrows(IllegalArgumentException.class, () -> new DramPreset("x", "x", 1, 64, 3.2, 1, 1, 8, 1, 1,
                missing, java.util.Set.of()));
    }

    @Test
    void theContributorRegistersEveryPreset() {
        Registry registry = Registry.load(getClass().getClassLoader());
        Map<String, DramPreset> byId = DramPresets.all().stream()
                .collect(Collectors.toMap(DramPreset::id, Function.identity()));
        assertEquals(byId.keySet().stream().sorted().toList(), registry.ids(CatalogKind.MEMORIES));
        assertEquals(409.6e9, registry.memory("hbm2e").orElseThrow().peakBytesPerSecond(), 1e-3);
    }
}
