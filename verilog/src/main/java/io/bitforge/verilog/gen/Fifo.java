package io.bitforge.verilog.gen;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

import java.util.List;

/**
 * A first-word-fall-through FIFO of a power-of-two depth: {@code dout} shows the oldest word while
 * {@code empty} is low; a push when full and a pop when empty are ignored. Pointers carry one extra bit to tell
 * full from empty. The storage is read asynchronously (small FIFOs live in logic).
 */
public final class Fifo {
    private Fifo() {
    }

    public static ModuleDef build(int width, int depth) {
        if (depth < 2 || Integer.bitCount(depth) != 1) {
            throw new IllegalArgumentException("FIFO depth must be a power of two >= 2, got " + depth);
        }
        int ab = Bits.ceilLog2(depth);
        ModuleBuilder m = ModuleBuilder.named("fifo_w" + width + "_d" + depth)
                .doc("first-word-fall-through FIFO, " + depth + " x " + width + " bits");
        Port push = m.in("push", Shape.bool());
        Port din = m.in("din", Shape.u(width));
        Port pop = m.in("pop", Shape.bool());
        Port dout = m.out("dout", Shape.u(width));
        Port empty = m.out("empty", Shape.bool());
        Port full = m.out("full", Shape.bool());
        Port count = m.out("count", Shape.u(ab + 1));
        Reg wptr = m.reg("wptr", Shape.u(ab + 1), 0);
        Reg rptr = m.reg("rptr", Shape.u(ab + 1), 0);
        Expr used = wptr.minus(rptr).asUnsigned().truncate(ab + 1);
        Expr isEmpty = wptr.eq(rptr);
        Expr isFull = used.eq(depth);
        Expr doPush = push.and(isFull.not());
        Expr doPop = pop.and(isEmpty.not());
        Memory store = m.memory("store", Shape.u(width), depth, List.of(), ReadUnderWrite.READ_FIRST);
        m.write(store, wptr.slice(ab - 1, 0), din, doPush);
        m.drive(dout, m.readAsync(store, "head", rptr.slice(ab - 1, 0)));
        m.next(wptr, wptr.plus(1).truncate(ab + 1), doPush);
        m.next(rptr, rptr.plus(1).truncate(ab + 1), doPop);
        m.drive(empty, isEmpty);
        m.drive(full, isFull);
        m.drive(count, used);
        return m.build();
    }
}
