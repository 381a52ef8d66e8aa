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
 * A UART receiver for 8N1 frames (one start bit, eight data bits least significant first, one stop bit, no
 * parity). The line passes a two-flip-flop synchroniser (it comes from another clock domain, the host's FTDI
 * chip); a falling edge while idle starts a frame, and every bit is sampled in its middle: half a bit period after
 * the edge (the start bit, which must still be low, else the edge was a glitch), then one period apart. A byte
 * whose stop bit is high appears on {@code data} with a one-cycle {@code valid} pulse; one whose stop bit is low
 * (a framing error or a break) pulses {@code framing_error} instead.
 */
public final class UartRx {
    private UartRx() {
    }

    /** The receiver for a bit period of {@code clocksPerBit} clock cycles (at least 4). */
    public static ModuleDef build(int clocksPerBit) {
        if (clocksPerBit < 4) {
            throw new IllegalArgumentException("a UART bit needs at least 4 clock cycles, got " + clocksPerBit);
        }
        ModuleBuilder m = ModuleBuilder.named("uart_rx_c" + clocksPerBit)
                .doc("UART 8N1 receiver, " + clocksPerBit + " clock cycles per bit, two-flip-flop synchroniser, "
                        + "mid-bit sampling");
        Port rx = m.in("rx", Shape.bool());
        // the idle line is high: the synchroniser resets to 1 so reset does not look like a start bit
        Reg sync1 = m.reg("rx_sync1_q", Shape.bool(), 1);
        Reg sync2 = m.reg("rx_sync2_q", Shape.bool(), 1);
        m.next(sync1, rx);
        m.next(sync2, sync1);
        Reg busy = m.reg("busy_q", Shape.bool(), 0);
        Reg tick = m.reg("tick_q", Shape.u(Bits.unsignedWidthOf(clocksPerBit - 1)), 0);
        Reg bit = m.reg("bit_q", Shape.u(4), 0);
        Reg shift = m.reg("shift_q", Shape.u(8), 0);
        Reg valid = m.reg("valid_q", Shape.bool(), 0);
        Reg framingError = m.reg("framing_error_q", Shape.bool(), 0);
        Expr line = sync2;
        Expr sample = busy.and(tick.eq(0));
        m.next(valid, sample.and(bit.eq(9)).and(line));
        m.next(framingError, sample.and(bit.eq(9)).and(line.not()));
        m.when(busy.not(), s -> s.when(line.not(), s1 -> {
            // a falling edge: the middle of the start bit is half a period away
            s1.next(busy, Const.of(Shape.bool(), 1));
            s1.next(tick, Const.of(tick.shape(), clocksPerBit / 2 - 1));
            s1.next(bit, Const.of(bit.shape(), 0));
        })).elseWhen(tick.ne(0), s -> s.next(tick, tick.minus(1).resize(tick.shape())))
                .otherwise(s -> {
                    s.next(tick, Const.of(tick.shape(), clocksPerBit - 1));
                    s.next(bit, bit.plus(1).truncate(4));
                    s.when(bit.eq(0), s1 -> s1.when(line, s2 -> s2.next(busy, Const.of(Shape.bool(), 0))))
                            .elseWhen(bit.le(Const.smallest(8)), s1 -> s1.next(shift,
                                    line.resize(Shape.u(1)).shl(7).or(shift.shr(1)).resize(Shape.u(8))))
                            .otherwise(s1 -> s1.next(busy, Const.of(Shape.bool(), 0)));
                });
        m.drive(m.out("valid", Shape.bool()), valid);
        m.drive(m.out("data", Shape.u(8)), shift);
        m.drive(m.out("framing_error", Shape.bool()), framingError);
        m.drive(m.out("busy", Shape.bool()), busy);
        return m.build();
    }

    /** Clock cycles per bit for {@code baud} from {@code clockHertz}, rounded to the nearest cycle. */
    public static int clocksPerBit(long clockHertz, long baud) {
        return (int) Math.round((double) clockHertz / baud);
    }

    /** The baud rate's error in parts per thousand when a bit lasts {@code clocksPerBit} cycles. */
    public static double baudErrorPerMille(long clockHertz, long baud, int clocksPerBit) {
        return 1000.0 * Math.abs((double) clockHertz / clocksPerBit - baud) / baud;
    }
}
