package io.bitforge.explore;

import io.bitforge.core.engine.GemmTile;
import io.bitforge.core.engine.LoopOrder;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * One mapping for every design of an exploration: scored beside the spec, it gives what the same pins inside the
 * spec's (deprecated) {@code mapping:} block give, and it changes the result under the tiled memory model.
 */
class ExploreMappingTest {
    private static final String SPACE = """
            name: mapping
            base: tpu-like-int8
            parameters:
              - path: array.rows
                values: [16]
            workloads:
              - {workload: llama-2-7b, phase: prefill, prompt: 64, context: 64, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, energy]
            memory: tiled
            """;

    @Test
    void aMappingBesideTheSpecScoresAsTheSamePinsInsideIt() {
        DesignSpace space = Spaces.parse(SPACE);
        HardwareSpec spec = new HardwareSpecLoader(Spaces.REGISTRY).fromMap(space.pointSpec(new int[] {0}), "t");
        Mapping fixed = Mapping.fixed(new GemmTile(16, 128, 128), LoopOrder.MKN);

        DesignMetrics staged = new DesignEvaluator(Spaces.REGISTRY, space.workloads(), space.memory(), fixed)
                .evaluate(spec);
        DesignEvaluator own = new DesignEvaluator(Spaces.REGISTRY, space.workloads(), space.memory());
        DesignMetrics inSpec = own.evaluate(spec.withMapping(fixed.asSpec()));
        DesignMetrics auto = own.evaluate(spec);

        assertEquals(inSpec.latencySeconds(), staged.latencySeconds());
        assertEquals(inSpec.energyJoules(), staged.energyJoules());
        assertNotEquals(auto.energyJoules(), staged.energyJoules(), "a fixed tiling moves other DRAM bytes than "
                + "the tiler's least-traffic choice");
    }
}
