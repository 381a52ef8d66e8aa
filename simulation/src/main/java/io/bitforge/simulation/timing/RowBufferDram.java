package io.bitforge.simulation.timing;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmTile;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.memory.dram.AccessStream;
import io.bitforge.memory.dram.DramPreset;
import io.bitforge.memory.dram.RowBufferModel;
import io.bitforge.workloads.llm.OpFootprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DRAM time of an op from its access streams on a preset's banks and row buffers ({@link RowBufferModel}), for
 * {@code mapping.cycleModel: pipelined}. The streams the dataflows produce:
 *
 * <ul>
 *   <li>weights: laid out offline in the order the array reads them, one sequential stream;</li>
 *   <li>the KV cache and other B operands: each instance's K × N operand contiguous, one sequential stream;</li>
 *   <li>activations (A, M × K row-major): read tile by tile, row by row: runs of the tile's K width at a stride of
 *       K elements (sequential when a tile spans K);</li>
 *   <li>outputs (C, M × N row-major): written in runs of the tile's N width at a stride of N elements;</li>
 *   <li>vector ops: sequential.</li>
 * </ul>
 *
 * Tiles come from the engine's tiled DRAM model ({@link Engine#dramTile}); without one every stream is sequential.
 * Custom DRAMs have no row-buffer timing: {@link #of} is empty for them and the interface's sustained bandwidth
 * stays.
 */
public final class RowBufferDram {
    private final DramPreset preset;
    private final double cyclesPerNanosecond;

    private RowBufferDram(DramPreset preset, double clockHertz) {
        this.preset = preset;
        this.cyclesPerNanosecond = clockHertz / 1e9;
    }

    /** The row-buffer timing of {@code spec}'s DRAM preset, empty for a custom DRAM or a preset without it. */
    public static Optional<RowBufferDram> of(HardwareSpec spec, Registry registry) {
        if (!(spec.dram() instanceof DramSpec.Preset p)) {
            return Optional.empty();
        }
        return registry.memory(p.id()).filter(m -> m instanceof DramPreset d && d.rowBuffer() != null)
                .map(m -> new RowBufferDram((DramPreset) m, spec.clockHertz()));
    }

    /**
     * Cycles the op's DRAM bytes take: {@code cost}'s per-operand DRAM bytes when the engine counted them
     * ({@code engineCounted}), else the footprint's, each operand as its stream.
     */
    public long cycles(Engine engine, Op op, CostReport cost, OpFootprint footprint, boolean engineCounted) {
        double nanoseconds = 0;
        for (AccessStream stream : streams(engine, op, cost, footprint, engineCounted)) {
            nanoseconds += RowBufferModel.time(preset, preset.rowBuffer(), stream).nanoseconds();
        }
        return (long) Math.ceil(nanoseconds * cyclesPerNanosecond);
    }

    /** The op's streams: A, B and C of a GEMM, or one sequential stream of a vector op. */
    static List<AccessStream> streams(Engine engine, Op op, CostReport cost, OpFootprint footprint,
                                      boolean engineCounted) {
        List<AccessStream> streams = new ArrayList<>(3);
        if (!(op instanceof GemmOp gemm)) {
            streams.add(AccessStream.sequential(footprint.totalBytes()));
            return streams;
        }
        long a;
        long b;
        long c;
        if (engineCounted) {
            a = cost.actions().dramBytes(Operand.ACTIVATIONS);
            b = cost.actions().dramBytes(Operand.WEIGHTS);
            c = cost.actions().dramBytes(Operand.OUTPUTS);
        } else {
            a = footprint.loadActivationBytes();
            b = footprint.loadWeightBytes() + footprint.loadKvBytes();
            c = footprint.storeActivationBytes() + footprint.storeKvBytes();
        }
        // a footprint puts both operands of attention in prefill under A: no tile pattern for the mix
        Optional<GemmTile> tile = gemm.bOperand() == BOperand.ACTIVATIONS && !engineCounted ? Optional.empty()
                : engine.dramTile(gemm);
        streams.add(rows(a, tile.map(GemmTile::k).orElse(gemm.k()), gemm.k(), gemm.activations().bits()));
        streams.add(AccessStream.sequential(b));
        streams.add(rows(c, tile.map(GemmTile::n).orElse(gemm.n()), gemm.n(), gemm.outputs().bits()));
        return streams;
    }

    /** Row-major tiles: runs of {@code tileWidth} elements at a stride of {@code rowWidth} elements. */
    private static AccessStream rows(long bytes, long tileWidth, long rowWidth, int bits) {
        if (tileWidth >= rowWidth) {
            return AccessStream.sequential(bytes);
        }
        long run = Math.max(1, Math.multiplyExact(tileWidth, bits) / 8);
        long stride = Math.max(run, Math.multiplyExact(rowWidth, bits) / 8);
        return new AccessStream(bytes, run, stride);
    }
}
