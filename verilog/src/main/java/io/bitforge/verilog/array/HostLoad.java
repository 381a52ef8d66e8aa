package io.bitforge.verilog.array;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Shape;

/**
 * The write side of a {@link TileArray}'s operand buffers, shared by all of them: {@code ld_we}, the buffer number
 * {@code ld_buf}, the word address {@code ld_addr} and the word {@code ld_data} (as wide as the widest buffer
 * word; a narrower buffer takes its low bits).
 */
record HostLoad(Port we, Port buffer, Port address, Port data) {
    static HostLoad ports(ModuleBuilder m, int buffers, int maxDepth, int maxWordBits) {
        return new HostLoad(m.in("ld_we", Shape.bool()),
                m.in("ld_buf", Shape.u(Math.max(1, Bits.ceilLog2(buffers)))),
                m.in("ld_addr", Shape.u(Math.max(1, Bits.ceilLog2(maxDepth)))),
                m.in("ld_data", Shape.u(maxWordBits)));
    }

    /** Buffer {@code index}'s single write port. */
    void writePort(ModuleBuilder m, Memory buffer, int index) {
        Expr enable = we.and(this.buffer.eq(index));
        m.write(buffer, address.resize(Shape.u(buffer.addressWidth())), data.resize(buffer.word()), enable);
    }
}
