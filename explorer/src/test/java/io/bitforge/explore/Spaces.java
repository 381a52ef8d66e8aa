package io.bitforge.explore;

import io.bitforge.core.registry.Registry;

/** Small spaces for tests. */
final class Spaces {
    static final Registry REGISTRY = Registry.load();

    private Spaces() {
    }

    /** 4 x 3 x 2 x 2 = 48 designs; family choice included (mac-fp has no weightBits, so a whole-pe subtree). */
    static final String SMALL = """
            name: test-space
            base: tpu-like-int8
            parameters:
              - path: pe
                values:
                  - {family: mac-int, params: {weightBits: 8, activationBits: 8}}
                  - {family: mac-fp, params: {format: fp16}}
              - path: array.rows
                range: {from: 8, to: 64, factor: 2}
              - path: array.cols
                values: [8, 16, 32]
              - path: dataflow
                values: [os, ws]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 128, generate: 1, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, energy, area]
            """;

    static DesignSpace parse(String text) {
        return new SpaceLoader(REGISTRY).parse(text, "space.yaml", null);
    }
}
