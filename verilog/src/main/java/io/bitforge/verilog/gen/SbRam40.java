package io.bitforge.verilog.gen;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.ExternModel;
import io.bitforge.verilog.hdl.ExternModuleDef;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;
import java.util.SortedMap;

/**
 * The iCE40 4-kbit block RAM SB_RAM40_4K as a black box, in the 256 × 16 mode (READ_MODE = WRITE_MODE = 0):
 * on the read clock, RDATA loads mem[RADDR[7:0]] when RCLKE and RE are high; on the write clock, bits whose
 * MASK bit is 0 take WDATA when WCLKE and WE are high. A same-address read and write returns the old word
 * (read-first). Both clocks are the module clock. Behaviour from the Lattice iCE40 memory usage guide
 * (TN1250) and YosysHQ/yosys techlibs/ice40/cells_sim.v; initial contents (INIT_*) are not modelled.
 */
public final class SbRam40 {
    public static final ExternModuleDef DEF = new ExternModuleDef("SB_RAM40_4K", List.of(
            new PortDecl("RDATA", Direction.OUT, Shape.u(16)),
            new PortDecl("RCLK", Direction.IN, Shape.bool()),
            new PortDecl("RCLKE", Direction.IN, Shape.bool()),
            new PortDecl("RE", Direction.IN, Shape.bool()),
            new PortDecl("RADDR", Direction.IN, Shape.u(11)),
            new PortDecl("WCLK", Direction.IN, Shape.bool()),
            new PortDecl("WCLKE", Direction.IN, Shape.bool()),
            new PortDecl("WE", Direction.IN, Shape.bool()),
            new PortDecl("WADDR", Direction.IN, Shape.u(11)),
            new PortDecl("MASK", Direction.IN, Shape.u(16)),
            new PortDecl("WDATA", Direction.IN, Shape.u(16))), List.of("RCLK", "WCLK"), false, SbRam40::model);

    private SbRam40() {
    }

    private static ExternModel model(SortedMap<String, Long> params) {
        for (var p : params.entrySet()) {
            if (!(p.getKey().equals("READ_MODE") || p.getKey().equals("WRITE_MODE")) || p.getValue() != 0) {
                throw new HdlException("SB_RAM40_4K model supports only READ_MODE=0, WRITE_MODE=0 (256x16); got "
                        + p.getKey() + "=" + p.getValue());
            }
        }
        long[] mem = new long[256];
        long[] rdata = new long[1];
        // inputs in declaration order without clocks: RCLKE, RE, RADDR, WCLKE, WE, WADDR, MASK, WDATA
        return new ExternModel() {
            @Override
            public void evaluate(long[] in, long[] out) {
                out[0] = rdata[0];
            }

            @Override
            public void clockEdge(long[] in) {
                if (in[0] != 0 && in[1] != 0) {
                    rdata[0] = mem[(int) (in[2] & 0xff)];
                }
                if (in[3] != 0 && in[4] != 0) {
                    int a = (int) (in[5] & 0xff);
                    long mask = in[6];
                    mem[a] = Bits.truncate((mem[a] & mask) | (in[7] & ~mask), 16);
                }
            }
        };
    }
}
