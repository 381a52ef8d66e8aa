package io.bitforge.verilog.board;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;

/**
 * A UART transmitter for 8N1 frames: {@code send} high while {@code busy} is low loads {@code data}; the line
 * then carries a start bit (low), the eight data bits least significant first and a stop bit (high), each
 * {@code clocksPerBit} cycles long. The line register holds the inverted level so that it idles high from power-up
 * (flip-flops start at zero), before and during reset.
 */
public final class UartTx {
    private UartTx() {
    }

    public static ModuleDef build(int clocksPerBit) {
        if (clocksPerBit < 4) {
            throw new IllegalArgumentException("a UART bit needs at least 4 clock cycles, got " + clocksPerBit);
        }
        ModuleBuilder m = ModuleBuilder.named("uart_tx_c" + clocksPerBit)
                .doc("UART 8N1 transmitter, " + clocksPerBit + " clock cycles per bit");
        Port send = m.in("send", Shape.bool());
        Port data = m.in("data", Shape.u(8));
        Reg lineLow = m.reg("line_low_q", Shape.bool(), 0);
        Reg busy = m.reg("busy_q", Shape.bool(), 0);
        Reg tick = m.reg("tick_q", Shape.u(Bits.unsignedWidthOf(clocksPerBit - 1)), 0);
        Reg bitsLeft = m.reg("bits_left_q", Shape.u(4), 0);
        // the frame's bits still to send after the current one, least significant first: 8 data bits, then stop
        Reg frame = m.reg("frame_q", Shape.u(9), 0);
        Expr one = Const.of(Shape.bool(), 1);
        m.when(busy.not().and(send), s -> {
            s.next(busy, one);
            s.next(lineLow, one);
            s.next(tick, Const.of(tick.shape(), clocksPerBit - 1));
            s.next(bitsLeft, Const.of(bitsLeft.shape(), 9));
            s.next(frame, Const.of(Shape.u(1), 1).resize(Shape.u(1)).shl(8).or(data).resize(Shape.u(9)));
        }).elseWhen(busy.and(tick.ne(0)), s -> s.next(tick, tick.minus(1).resize(tick.shape())))
                .elseWhen(busy, s -> s.when(bitsLeft.eq(0), s1 -> {
                    s1.next(busy, Const.of(Shape.bool(), 0));
                    s1.next(lineLow, Const.of(Shape.bool(), 0));
                }).otherwise(s1 -> {
                    s1.next(lineLow, frame.bit(0).not());
                    s1.next(frame, frame.shr(1).resize(Shape.u(9)));
                    s1.next(bitsLeft, bitsLeft.minus(1).resize(bitsLeft.shape()));
                    s1.next(tick, Const.of(tick.shape(), clocksPerBit - 1));
                }));
        m.drive(m.out("tx", Shape.bool()), lineLow.not());
        m.drive(m.out("busy", Shape.bool()), busy);
        return m.build();
    }
}
