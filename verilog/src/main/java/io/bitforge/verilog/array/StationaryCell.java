package io.bitforge.verilog.array;

import io.bitforge.core.spec.Dataflow;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.PeRtl;

/**
 * A weight- or input-stationary array cell made of a family's output-stationary cell ({@link PeRtl#cell}), so a
 * family's datapath is written once. The stationary operand lives in the cell's own operand register ({@code b_out}
 * for ws, {@code a_out} for is): while {@code load} is high the cell takes it from the cell above ({@code s_in}) and
 * passes it on ({@code s_out}), one row per cycle; otherwise the register feeds itself and holds. The streamed
 * operand enters at {@code x_in} and leaves right at {@code x_out}. With {@code start} on the first cycle of every
 * step the cell's accumulators hold one step's products in the cycle after the step, when {@code add} is high and
 * they are added to the partial sum from above: {@code psum_M_N} ← {@code psum_in_M_N} + {@code acc_M_N},
 * registered, one row per step.
 */
public final class StationaryCell {
    private StationaryCell() {
    }

    public static ModuleDef build(PeRtl pe, Dataflow dataflow) {
        boolean ws = dataflow == Dataflow.WS;
        ModuleDef cell = pe.cell(Dataflow.OS);
        boolean phased = cell.portDecls().stream().anyMatch(p -> p.name().equals("phase"));
        String stationary = ws ? "b" : "a";
        String streamed = ws ? "a" : "b";
        ModuleBuilder m = ModuleBuilder.named(cell.name() + "_" + dataflow.id())
                .doc(pe.familyId() + " " + pe.modeName() + " " + (ws ? "weight" : "input")
                        + "-stationary cell around " + cell.name());
        Port sIn = m.in("s_in", cell.port(stationary + "_in").shape());
        Port xIn = m.in("x_in", cell.port(streamed + "_in").shape());
        Port en = m.in("en", Shape.bool());
        Port load = m.in("load", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Port add = m.in("add", Shape.bool());
        Port phase = phased ? m.in("phase", cell.port("phase").shape()) : null;
        Instance pe0 = m.instance("pe", cell);
        Expr held = pe0.out(stationary + "_out");
        pe0.connect(stationary + "_in", Mux.of(load, sIn, held));
        pe0.connect(streamed + "_in", xIn);
        pe0.connect("en", en).connect("start", start);
        if (phase != null) {
            pe0.connect("phase", phase);
        }
        m.drive(m.out("s_out", sIn.shape()), held);
        m.drive(m.out("x_out", xIn.shape()), pe0.out(streamed + "_out"));
        Shape acc = Shape.s(pe.accumulatorBits());
        for (int i = 0; i < pe.timing().lanesM(); i++) {
            for (int j = 0; j < pe.timing().lanesN(); j++) {
                String lane = i + "_" + j;
                Port in = m.in("psum_in_" + lane, acc);
                Reg sum = m.reg("psum_" + lane + "_q", acc, 0);
                m.next(sum, in.plusWrapped(pe0.out("acc_" + lane)), add);
                m.drive(m.out("psum_" + lane, acc), sum);
            }
        }
        return m.build();
    }
}
