package io.bitforge.core.pe;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.registry.Catalogued;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.SpecNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A processing-element family (mac-int, mac-fp, bitfusion, shift-add, bit-serial, lut, ovp, reram): the SPI every
 * family implements so that the engine, explorer and CLI can use it by registry id. Implementations live in
 * {@code pe-models}, one package per family, and register through
 * {@link io.bitforge.core.registry.RegistryContributor} ({@code registry.pe(new MyFamily())}, listed in
 * {@code META-INF/services/io.bitforge.core.registry.RegistryContributor}). Implementations must be immutable and
 * thread-safe: the engine calls them from many threads.
 *
 * <h2>What a family supplies</h2>
 * <ol>
 *   <li><b>Parameters</b> — {@link #parseParams} turns the spec's {@code pe.params} into the family's own
 *       {@link PeParams} record, validating every field with {@link SpecNode} so errors name the path and line
 *       ({@code hardware.pe.params.weightBits: must be one of 2, 4, 8, 16, got 3 (line 6)}). Call
 *       {@code params.allowOnly(...)} first so unknown fields list the allowed names. {@link #defaultParams} is
 *       what {@code bitforge gemm --pe ID} uses without a spec file.</li>
 *   <li><b>Native precisions</b> — {@link #nativePrecisions} says which operand formats the cell computes with
 *       under given parameters; {@code bitforge gemm} builds its GEMM with them.</li>
 *   <li><b>Dataflows</b> — {@link #dataflows} lists the ones the family's array supports; the spec loader rejects
 *       others.</li>
 *   <li><b>Timing</b> — {@link #timing} gives the {@link CellTiming} of one cell for a GEMM's operand
 *       precisions: MAC lanes along M, K and N and cycles per step. The engine's fold model (SCALE-Sim v2
 *       conventions) does the rest: folds, fill/drain, utilisation, SRAM accesses. Bit-serial families say
 *       {@code cyclesPerStep = ceil(w/2)}; Bit Fusion says lanes {@code (8/b_a, 1, 8/b_w)}.</li>
 *   <li><b>Energy and area</b> — {@link #cellCost} gives energy per MAC by
 *       {@link io.bitforge.core.cost.EnergyCategory} and the area of one cell, at the node the figures were
 *       published at, each with a {@link io.bitforge.core.cost.CostSource} naming its table and node (flag
 *       estimates). The engine multiplies by MAC counts and cells and scales to the spec's node. SRAM accesses
 *       are costed by the engine.</li>
 *   <li><b>Stored weights</b> — {@link #storedWeightBits} gives the bits one element of the GEMM's B operand
 *       occupies in DRAM and in the weight SRAM, per-group metadata included; it may be fractional. The default
 *       is the code width plus one FP16 scale per group ({@link StoredWeights}); a family overrides it when its
 *       format stores other metadata (BitMoD: 8 bits per group) or a model charges an effective width.</li>
 *   <li><b>Edge units</b> — {@link #edgeUnits} lists units that sit once per lane at the array edge feeding an
 *       operand (e.g. OliVe's pair decoders); the engine charges their area per row or column of the array,
 *       whichever edge feeds that operand under the spec's dataflow.</li>
 *   <li><b>Dequantisation</b> — {@link #dequantisation} states where the GEMM's scales, zero points and group
 *       sums are applied (in the PE, at the array edge, in the vector unit) and what each costs; the engine charges
 *       the steps the family's own cost does not already book, under {@code DEQUANT}, so every family pays for
 *       its metadata alike.</li>
 *   <li><b>Escape hatch</b> — a family whose array is not a systolic array (e.g. ReRAM crossbars with ADCs)
 *       overrides {@link #customGemmCost} to return the whole {@link CostReport} of one GEMM instance; the engine
 *       then uses it instead of the fold model (it still multiplies by the op's count and adds vector ops).</li>
 * </ol>
 * Precisions come from the {@link GemmOp} ({@code activations().bits()}, {@code weights().bits()}); a family
 * that cannot run an op's precisions on the given parameters throws
 * {@link io.bitforge.core.io.BadInputException} saying which precision is not supported.
 *
 * <h2>Reference implementation and testing</h2>
 * {@code io.bitforge.pe.mac.MacIntFamily} (pe-models) is the smallest complete family: copy its shape. Test a
 * family's cycles by hand on small arrays through {@code io.bitforge.core.engine.Engine}, and its energy and
 * area against its cited table. Papers' own simulators usually count streaming cycles only (no fill, drain or
 * preload); to reproduce their published cycle counts evaluate with
 * {@code engine.withConvention(FoldConvention.STREAM_ONLY)}
 * ({@link io.bitforge.core.engine.FoldConvention}).
 */
public interface PeFamily extends Catalogued {
    /** Parses and validates the family's {@code pe.params} node (an object, possibly empty). */
    PeParams parseParams(SpecNode params);

    /** The parameters used when none are given. */
    PeParams defaultParams();

    /** Dataflows the family's array supports. */
    Set<Dataflow> dataflows();

    /** The operand formats the cell computes with under {@code params} (used for a bare GEMM shape). */
    NativePrecisions nativePrecisions(PeParams params);

    /** One cell's lanes and cycles per step for this GEMM's operand precisions. */
    CellTiming timing(PeParams params, GemmOp op);

    /** Per-MAC energy by category and per-cell area at the figures' own node, with their sources. */
    CellCost cellCost(PeParams params, GemmOp op);

    /**
     * Bits one element of {@code op}'s B operand occupies in DRAM and in the weight SRAM, per-group metadata
     * included; may be fractional. Default: the code width plus one FP16 scale per group of
     * {@link GemmOp#weightGroupSize()} ({@link StoredWeights#codePlusMetadata}).
     */
    default double storedWeightBits(PeParams params, GemmOp op) {
        return StoredWeights.codePlusMetadata(op, StoredWeights.DEFAULT_METADATA_BITS_PER_GROUP);
    }

    /** Units at the array edge, one per lane of the edge feeding an operand; none by default. */
    default List<EdgeUnit> edgeUnits(PeParams params) {
        return List.of();
    }

    /**
     * Where {@code op}'s quantisation metadata is applied and what each application costs. Default: no steps (a
     * family that applies none, e.g. FP16 × FP16, or that has not stated them).
     */
    default DequantStatement dequantisation(PeParams params, GemmOp op) {
        return new DequantStatement(DequantStatement.configOf(op), List.of(), "no dequantisation stated");
    }

    /**
     * Cycles one instance of {@code op} waits, beyond the fold model's schedule, for units at the array's edge that
     * cannot keep pace with it (e.g. bit-serial edge dequantisers handed more rows per group boundary than a group
     * has steps); the engine adds them to the GEMM's compute cycles. 0 (the default) for arrays nothing holds up.
     */
    default long arrayWaitCycles(PeParams params, GemmOp op, HardwareSpec spec) {
        return 0;
    }

    /**
     * The whole cost of one instance of {@code op} for families that are not systolic arrays; empty (the default)
     * means "use the engine's fold model".
     */
    default Optional<CostReport> customGemmCost(PeParams params, GemmOp op, HardwareSpec spec) {
        return Optional.empty();
    }

    /**
     * The array as a weight store when this family keeps weights resident in it (ReRAM crossbars): the simulation
     * then tracks capacity over the whole model, refuses a model that does not fit (or rewrites tiles when the
     * spec allows it) and moves no weights from DRAM once they are resident. Empty (the default) for families fed
     * from DRAM.
     */
    default Optional<WeightStore> weightStore(PeParams params, HardwareSpec spec) {
        return Optional.empty();
    }
}
