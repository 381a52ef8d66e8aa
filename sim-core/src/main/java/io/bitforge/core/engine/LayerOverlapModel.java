package io.bitforge.core.engine;

import io.bitforge.core.cost.CostSource;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;

import java.util.List;

/**
 * The per-layer cycle model of BitMoD's artefact (yc2367/BitMoD-HPCA-25, {@code bitmod_sim/accelerator.py}:
 * {@code _calc_tile_fc}, {@code _check_layer_mem_size}, {@code _calc_num_mem_refetch}, {@code _calc_dram_cycle},
 * {@code calc_cycle}), selected with {@code mapping.cycleModel: layer-overlap}. For a GEMM with reduction K
 * (the artefact's cin), N weight columns (cout) and M rows of activations (tokens) on an array of R rows × C
 * columns whose cells take {@code (lanesM, lanesK, lanesN, cyclesPerStep)}:
 * <pre>
 *   tiles   = ceil(K/lanesK) · ceil(N/(R·lanesN)) · ceil(M/(C·lanesM))     rows hold outputs channels, columns tokens
 *   compute = tiles · cyclesPerStep                                        no fill, drain or preload
 *   weightBytes = ceil(K·w/8) · N     w: the family's stored weight bits (metadata included, may be fractional;
 *                                        the artefact's w_prec, e.g. 4.0625 for 4 bits + 8 per group of 128)
 *   inputBytes  = ceil(W·b_a/8) · M   W = K, or the engine's attentionInputWidth for attention products
 *   outputBytes = ceil(N·b_o/8) · M
 *   re-fetch: if weightBytes > weight buffer and inputBytes > activation buffer:
 *       rw = ceil(inputBytes / activation buffer), ri = ceil(weightBytes / weight buffer);
 *       weights are fetched rw times if rw·weightBytes + inputBytes < ri·inputBytes + weightBytes,
 *       else inputs ri times
 *   dram    = floor(8 · (weightBytes·fw + inputBytes·fi + outputBytes) / (8 · dram.bytesPerCycle))
 *   cycles  = max(compute, dram)       reported as compute + (max − compute) memory stall
 * </pre>
 * The dataflow is not used: the artefact has one fixed mapping. DRAM energy is bits moved × the spec's
 * {@code dram.custom.picojoulesPerBit} (the artefact: 1200 pJ per 64 bits). The engine charges the cell's energy
 * for every cell step of every tile (idle lanes of edge tiles included), as the artefact charges
 * {@code pe_energy × PEs × compute cycles}.
 */
final class LayerOverlapModel {
    static final CostSource SOURCE = new CostSource("bitmod-layer-overlap-cycle-model",
            "BitMoD (Chen et al., HPCA 2025) artefact, yc2367/BitMoD-HPCA-25 bitmod_sim/accelerator.py: tiles, "
                    + "re-fetch rule, per-layer max(compute, DRAM)", "any", false);
    /** The figures of one GEMM instance. */
    record Result(long tiles, long computeCycles, long dramCycles, long weightBytes, long inputBytes,
                  long outputBytes, long weightFetches, long inputFetches, double dramPicojoules) {
        long stallCycles() {
            return Math.max(0, dramCycles - computeCycles);
        }

        long weightDramBytes() {
            return Math.multiplyExact(weightBytes, weightFetches);
        }

        long inputDramBytes() {
            return Math.multiplyExact(inputBytes, inputFetches);
        }
    }

    private LayerOverlapModel() {
    }

    /** Checks that the spec gives what the model needs (a custom DRAM with bytes per cycle). */
    static DramSpec.Custom dram(HardwareSpec spec) {
        if (spec.dram() instanceof DramSpec.Custom custom) {
            return custom;
        }
        throw new BadInputException("hardware.dram: mapping.cycleModel layer-overlap needs dram: {custom: "
                + "{bytesPerCycle, latencyNanoseconds, picojoulesPerBit, capacityGibibytes}}, got a preset");
    }

    /**
     * One GEMM instance: {@code storedWeightBits} per weight element, an A operand {@code inputWidth} elements wide
     * per row (K unless the engine's attention option says otherwise).
     */
    static Result gemm(HardwareSpec spec, GemmOp op, CellTiming timing, double storedWeightBits, long inputWidth) {
        DramSpec.Custom dram = dram(spec);
        long tiles = Math.multiplyExact(Math.multiplyExact(FoldModel.ceilDiv(op.k(), timing.lanesK()),
                FoldModel.ceilDiv(op.n(), (long) spec.array().rows() * timing.lanesN())),
                FoldModel.ceilDiv(op.m(), (long) spec.array().cols() * timing.lanesM()));
        long compute = Math.multiplyExact(tiles, timing.cyclesPerStep());

        long weightBytes = Math.multiplyExact(GemmTiling.tileBytes(op.k(), 1, storedWeightBits), op.n());
        long inputBytes = Math.multiplyExact(FoldModel.ceilDiv(inputWidth * op.activations().bits(), 8), op.m());
        long outputBytes = Math.multiplyExact(FoldModel.ceilDiv(op.n() * op.outputs().bits(), 8), op.m());

        long weightBuffer = spec.buffers().weights().bytes();
        long inputBuffer = spec.buffers().activations().bytes();
        long weightFetches = 1;
        long inputFetches = 1;
        if (weightBytes > weightBuffer && inputBytes > inputBuffer) {
            long refetchWeights = FoldModel.ceilDiv(inputBytes, inputBuffer);
            long refetchInputs = FoldModel.ceilDiv(weightBytes, weightBuffer);
            if (refetchWeights * weightBytes + inputBytes < refetchInputs * inputBytes + weightBytes) {
                weightFetches = refetchWeights;
            } else {
                inputFetches = refetchInputs;
            }
        }
        long dramBits = 8 * (weightBytes * weightFetches + inputBytes * inputFetches + outputBytes);
        long dramCycles = (long) Math.floor(dramBits / (8 * dram.bytesPerCycle()));
        return new Result(tiles, compute, dramCycles, weightBytes, inputBytes, outputBytes, weightFetches,
                inputFetches, dramBits * dram.picojoulesPerBit());
    }

    static List<CostSource> sources() {
        return List.of(SOURCE);
    }
}
