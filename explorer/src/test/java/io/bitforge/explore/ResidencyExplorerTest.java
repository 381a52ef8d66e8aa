package io.bitforge.explore;

import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ReRAM design scored by the explorer keeps its weights resident as {@code simulate} does. */
class ResidencyExplorerTest {
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(Spaces.REGISTRY);

    private static final String SPACE = """
            name: reram-space
            base: isaac-like
            parameters:
              - path: array.rows
                values: [126]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 64, generate: 4, quant: native}
            objectives: [latency, energy, area]
            """;

    @Test
    void aReramDesignThatCannotHoldTheModelIsInfeasibleByItsMissingCrossbars() {
        DesignSpace space = Spaces.parse(SPACE);
        HardwareSpec isaac = LOADER.resolve("isaac-like", "--hw");
        DesignMetrics metrics = new DesignEvaluator(Spaces.REGISTRY, space.workloads()).evaluate(isaac);
        // weights 3,226,112 crossbars (WeightResidencyTest); keys and values at 68 keys: 1 sequence x 32 KV heads
        // x 32 layers x (K^T 128 x 68: 1 x ceil(68/16) = 5, V 68 x 128: 1 x ceil(128/16) = 8) = 13,312; against
        // 126 x 128 = 16,128 crossbars
        double shortfall = (3226112.0 + 13312 - 16128) / 16128;
        assertEquals(shortfall, metrics.residencyShortfall(), 1e-9);
        assertFalse(Constraints.NONE.met(metrics));
        assertEquals(List.of("weightResidency"), Constraints.NONE.missed(metrics));
        assertEquals(shortfall, Constraints.NONE.violations(metrics)[3], 1e-9);
        // stored and read back with the shortfall
        assertEquals(metrics.residencyShortfall(), DesignMetrics.fromMap(metrics.asMap()).residencyShortfall());
    }

    @Test
    void aReramDesignAllowedToReprogramIsFeasibleAndPaysForRewrites() {
        DesignSpace space = Spaces.parse(SPACE);
        HardwareSpec isaac = LOADER.resolve("isaac-like", "--hw");
        String preset;
        try (var in = getClass().getResourceAsStream("/io/bitforge/pe/presets/isaac-like.yaml")) {
            preset = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        HardwareSpec reprogram = LOADER.parse(preset.replace("adcScheme: full}", "adcScheme: full, reprogram: true}"),
                "isaac-reprogram.yaml");
        DesignEvaluator evaluator = new DesignEvaluator(Spaces.REGISTRY, space.workloads());
        DesignMetrics refused = evaluator.evaluate(isaac);
        DesignMetrics allowed = evaluator.evaluate(reprogram);
        assertEquals(0, allowed.residencyShortfall());
        assertTrue(Constraints.NONE.met(allowed));
        // both are scored with the same reprogramming run: only feasibility differs
        assertEquals(refused.latencySeconds(), allowed.latencySeconds(), 1e-12 * refused.latencySeconds());
        assertEquals(refused.energyJoules(), allowed.energyJoules(), 1e-9 * refused.energyJoules());
    }
}
