package io.bitforge.verilog.fpga;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.gen.SystolicWrapper;
import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * A pin-light top level that places a PE array ({@code io.bitforge.verilog.array.TileArray}) on a small FPGA
 * package: the array's result ports ({@code c_*}, one per column lane and drain segment, 32 bits or more each)
 * have far more bits than a 48-pin UP5K package has pins. Here {@code start}, {@code done} and the array's
 * {@code rd_addr} pass through, and the results are read a byte at a time: {@code sel} = port · bytes + byte (ports
 * in the array's declaration order, least significant byte first) picks one byte, shown on {@code dout} two cycles
 * later ({@code sel} and {@code dout} are registered). It is what {@code bitforge fpga --pe} places when no board
 * top level is asked for, and what the largest-array search fits: every result bit stays observable, so synthesis
 * removes nothing of the array.
 */
public final class ReadoutTop {
    private ReadoutTop() {
    }

    /** The wrapper around {@code array}, which must have {@code start}, {@code rd_addr}, {@code done} and c_ ports. */
    public static ModuleDef build(ModuleDef array) {
        List<PortDecl> results = array.portDecls().stream()
                .filter(p -> p.direction() == Direction.OUT && p.name().startsWith("c_")).toList();
        if (results.isEmpty()) {
            throw new IllegalArgumentException(array.name() + " has no c_ result ports to read out");
        }
        PortDecl rdAddr = array.portDecls().stream().filter(p -> p.name().equals("rd_addr")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(array.name() + " has no rd_addr port"));
        List<Integer> bytesPerPort = results.stream().map(p -> (p.shape().width() + 7) / 8).toList();
        int bytes = bytesPerPort.stream().mapToInt(Integer::intValue).sum();
        int selBits = Math.max(1, Bits.ceilLog2(bytes));
        ModuleBuilder m = ModuleBuilder.named("top_" + array.name())
                .doc("byte read-out top level around " + array.name() + ": " + results.size()
                        + " result ports, " + bytes + " bytes through sel/dout");
        Port start = m.in("start", Shape.bool());
        Port addr = m.in("rd_addr", rdAddr.shape());
        Port sel = m.in("sel", Shape.u(selBits));
        Reg selQ = m.reg("sel_q", Shape.u(selBits), 0);
        Reg doutQ = m.reg("dout_q", Shape.u(8), 0);
        m.next(selQ, sel);
        Instance u = m.instance("u_array", array);
        u.connect("start", start).connect("rd_addr", addr);
        List<Expr> choices = new ArrayList<>();
        for (PortDecl p : results) {
            Expr c = u.out(p.name());
            for (int k = 0; k < (p.shape().width() + 7) / 8; k++) {
                int hi = Math.min(c.width() - 1, 8 * k + 7);
                choices.add(c.slice(hi, 8 * k).resize(Shape.u(8)));
            }
        }
        m.next(doutQ, SystolicWrapper.select(selQ, choices, 0, selBits - 1));
        m.drive(m.out("dout", Shape.u(8)), doutQ);
        m.drive(m.out("done", Shape.bool()), u.out("done"));
        return m.build();
    }
}
