package io.bitforge.simulation.reproduce;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * T-MAC's CPU decode figures (microsoft/T-MAC README and docs/profiling_data.md) against the LUT-kernel roofline of
 * examples/reproduce/tmac. The roof is an upper bound: every published figure must stay under it. Where BitForge
 * lands (docs/reproductions.md says what separates them): single cores within 11-69% above the measurement, the
 * multi-core runs 2.7-5x above it (the roof assumes linear scaling over cores and the chip's whole bandwidth).
 */
class TmacReproductionTest {
    private static final Path FILE = Path.of("..", "examples", "reproduce", "tmac", "reproduction.yaml");

    @Test
    void everyPublishedFigureIsUnderTheRoof() {
        Reproductions.Outcome outcome = Reproductions.run("tmac", FILE, Registry.load());
        assertEquals(8, outcome.headlines().size());
        for (Reproductions.Headline h : outcome.headlines()) {
            assertTrue(h.value() >= h.paper().getAsDouble(), h.name() + ": roof " + h.value());
        }
    }

    @Test
    void headlinesWhereBitForgeLands() {
        List<Reproductions.Headline> h = Reproductions.run("tmac", FILE, Registry.load()).headlines();
        // 3.4e9 x 16 lookups / (3,221,504,000 x 2 / 4) lookups per token
        assertEquals(3.4e9 * 16 / (3_221_504_000.0 * 2 / 4), h.get(0).value(), 0.001);
        assertEquals(20, h.get(0).paper().getAsDouble());
        // memory bound: 135e9 / 1,060,524,800 bytes per token
        assertEquals(135e9 / 1_060_524_800.0, h.get(1).value(), 0.001);
        // 12 x 2.2e9 x 8 / (6,476,005,376 x 2 / 4)
        assertEquals(12 * 2.2e9 * 8 / (6_476_005_376.0 * 2 / 4), h.get(2).value(), 0.001);
        assertEquals(15.62, h.get(2).paper().getAsDouble());
        // single-core W4 on Orin: within 10.5% of the measurement
        // 2.2e9 cycles x 8 lookups / (6,476,005,376 weights x 4 bits / 4)
        assertEquals(2.2e9 * 8 / 6_476_005_376.0, h.get(4).value(), 0.001);
        assertTrue(h.get(4).value() / 2.46 - 1 < 0.11);
    }

    @Test
    void fastAggregationIsWorthAThird() {
        Sensitivity.Variant v = Reproductions.switched("tmac", FILE, Registry.load(), "no fast aggregation");
        // 4 -> 3 SIMD instructions per 16 lookups on a lookup-bound run
        assertEquals(3.4e9 * 16 / (3_221_504_000.0 * 2 / 4) * 4 / 3, v.headlines().get(0).value(), 0.001);
    }

    @Test
    void unknownDeviceIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("reproduction.yaml");
        Files.writeString(file, Files.readString(FILE).replace("device: jetson-agx-orin-cpu, cores: 12",
                "device: m2-ultra, cores: 12"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> Reproductions.run("tmac", file, Registry.load()));
        assertTrue(e.getMessage().contains("runs[2].device") && e.getMessage().contains("snapdragon-x-elite"),
                e.getMessage());
    }
}
