package io.bitforge.verilog.gen;

import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;

/**
 * A simple dual-port RAM: one synchronous write port, one synchronous read port with enable (the pattern
 * Yosys maps to SB_RAM40_4K on iCE40). {@code rdata} holds the last word read.
 */
public final class Ram {
    private Ram() {
    }

    public static ModuleDef build(int addressBits, int width, ReadUnderWrite policy) {
        ModuleBuilder m = ModuleBuilder.named("ram_a" + addressBits + "_w" + width + "_"
                        + policy.name().toLowerCase(java.util.Locale.ROOT))
                .doc((1 << addressBits) + " x " + width + " RAM, synchronous read, " + policy + " on collisions");
        Port we = m.in("we", Shape.bool());
        Port waddr = m.in("waddr", Shape.u(addressBits));
        Port wdata = m.in("wdata", Shape.u(width));
        Port re = m.in("re", Shape.bool());
        Port raddr = m.in("raddr", Shape.u(addressBits));
        Port rdata = m.out("rdata", Shape.u(width));
        Memory mem = m.memory("mem", Shape.u(width), 1 << addressBits, List.of(), policy);
        m.write(mem, waddr, wdata, we);
        m.drive(rdata, m.readSync(mem, "rd", raddr, re));
        return m.build();
    }
}
