package io.bitforge.core.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the engine turns a GEMM into cycles (the spec's {@code mapping.cycleModel}).
 * <ul>
 *   <li>{@link #FOLDS} (default): SCALE-Sim v2's fold model with fill/drain, and DRAM traffic and stalls from the
 *       engine's memory model, fold by fold.</li>
 *   <li>{@link #LAYER_OVERLAP}: the cycle model of BitMoD's artefact (yc2367/BitMoD-HPCA-25,
 *       {@code bitmod_sim/accelerator.py}): compute = tiles × cycles per step with no fill/drain, whole-layer DRAM
 *       traffic with its buffer re-fetch rule, and layer cycles = max(compute, DRAM), i.e. perfect overlap over
 *       the layer instead of per-fold double buffering. Use it to reproduce that artefact's figures.</li>
 *   <li>{@link #PIPELINED}: GEMMs as under {@code folds} with SRAM bank conflicts of strided reads, and the
 *       simulation's op-level timing model on top: an op's DRAM prefetch overlaps the previous op's compute
 *       (bounded by buffer space), DRAM latency is paid when the channel starts from idle, and the vector unit is
 *       timed as hardware (exponent and reciprocal units, reduction tree, waiting for the array's scores). See
 *       {@code docs/timing.md}. {@code folds} keeps the back-to-back, stall-free conventions the SCALE-Sim,
 *       LLM-Viewer and reproduction checks use.</li>
 * </ul>
 */
public enum CycleModel {
    FOLDS("folds"), LAYER_OVERLAP("layer-overlap"), PIPELINED("pipelined");

    private final String id;

    CycleModel(String id) {
        this.id = id;
    }

    /** The spelling in spec files. */
    public String id() {
        return id;
    }

    public static Optional<CycleModel> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(CycleModel::id).toList();
    }
}
