package io.bitforge.verilog.board;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.ladder.Ladder;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlRegistry;

/**
 * The array a hardware spec describes (its family's RTL at the spec's parameters, rows and columns) on a board:
 * the top level ({@link BoardTop}, operand buffers zero at power-up so that a run without a load shows), the tile
 * it runs, and the host sessions and model figures a run is checked against.
 *
 * @param spec a spec whose parameters have RTL ({@link PeDesign#withRtlParams}); the board runs it
 *             output-stationary whatever its dataflow
 * @param tile the tile, or null for the default (one fold filling the array, K = 4·lanesK)
 */
public record BoardDesign(HardwareSpec spec, PeRtlRegistry rtl, TileShape tile, Board board, BoardTop top) {
    public static BoardDesign of(HardwareSpec spec, PeRtlRegistry rtl, TileShape tile, Board board,
                                 int clocksPerBit) {
        // the board top level loads and reads the output-stationary array's buffers (TileArray)
        HardwareSpec os = spec.withDataflow(Dataflow.OS);
        PeDesign shape = PeDesign.of(os, rtl, tile, 0);
        TileShape t = shape.array().tile();
        ArrayPlan plan = new ArrayPlan(os.array().rows(), os.array().cols(), t, shape.pe().timing());
        BoardTop top = BoardTop.build(board, shape.pe(), plan, new long[t.m() * t.k()], new long[t.k() * t.n()],
                clocksPerBit, CoreClock.forCell(shape.pe()));
        return new BoardDesign(os, rtl, t, board, top);
    }

    public PeRtl pe() {
        return top.layout().pe();
    }

    public ArrayPlan plan() {
        return top.layout().plan();
    }

    /** A host session for a tile of codes seeded with {@code seed} (as {@code cosim}'s and {@code verilog}'s). */
    public TileSession session(long seed) {
        PeDesign d = PeDesign.of(spec, rtl, tile, seed);
        return new TileSession(top.layout(), d.activationCodes(), d.weightCodes());
    }

    /** The cycle model's figure for the board's count: the engine's compute cycles for the tile plus the RTL's fixed overhead. */
    public long expectedCycles(Registry registry) {
        return Ladder.engineCycles(spec, registry, tile, plan().rows(), plan().cols()) + TileArray.OVERHEAD_CYCLES;
    }
}
