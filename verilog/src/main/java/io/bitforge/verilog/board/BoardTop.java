package io.bitforge.verilog.board;

import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Direction;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.ExternModuleDef;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Names;
import io.bitforge.verilog.hdl.PortDecl;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.PeRtl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A board's top level: exactly the pins of its constraint file ({@code clk}, {@code uart_rx}, {@code uart_tx}
 * and its LEDs), a power-on reset (the boards have no reset pin; iCE40 flip-flops start at zero after
 * configuration, so a 4-bit counter holds the core in reset for its first 15 cycles) and the {@link BoardCore}.
 * The core is instantiated as a separately emitted module because the shell must not have the implicit reset
 * port every module with reset registers gets. With a divided {@link CoreClock} the shell toggles
 * {@code core_clk_q} and clocks the core with it.
 */
public record BoardTop(Board board, LinkLayout layout, ModuleDef core, ModuleDef shell, CoreClock clock) {
    /** The undivided top level: the core on the board clock. */
    public static BoardTop build(Board board, PeRtl pe, ArrayPlan plan, long[] a, long[] b, int clocksPerBit) {
        return build(board, pe, plan, a, b, clocksPerBit, new CoreClock(1));
    }

    /** {@code clocksPerBit} in board clock cycles; the core's UART counts them divided by the clock's divider. */
    public static BoardTop build(Board board, PeRtl pe, ArrayPlan plan, long[] a, long[] b, int clocksPerBit,
                                 CoreClock clock) {
        ModuleDef core = BoardCore.build(pe, plan, a, b, clock.clocksPerBit(clocksPerBit));
        List<PortDecl> ports = new ArrayList<>();
        ports.add(new PortDecl("clk", Direction.IN, Shape.bool()));
        ports.add(new PortDecl("rst", Direction.IN, Shape.bool()));
        ports.addAll(core.portDecls());
        ExternModuleDef coreBox = new ExternModuleDef(Names.sanitize(core.name()), ports,
                clock.divided() ? List.of() : List.of("clk"), false,
                params -> {
                    throw new HdlException("the board shell simulates in Verilog only; simulate the core in Java");
                });
        ModuleBuilder m = ModuleBuilder.named(board.id().replace('-', '_') + "_top")
                .doc(board.id() + " top level: " + core.name());
        Reg por = m.regNoReset("por_q", Shape.u(4));
        Expr inReset = por.ne(15);
        m.next(por, por.plus(1).truncate(4), inReset);
        Instance u = m.instance("u_core", coreBox);
        if (clock.divided()) {
            // core_clk_q toggles every divider/2 board cycles: a 50 % duty clock at board / divider
            Reg coreClock = m.regNoReset(CoreClock.NET, Shape.bool());
            int halfPeriod = clock.divider() / 2;
            if (halfPeriod == 1) {
                m.next(coreClock, coreClock.not());
            } else {
                int bits = Integer.numberOfTrailingZeros(halfPeriod);
                Reg phase = m.regNoReset("core_clk_phase_q", Shape.u(bits));
                m.next(phase, phase.plus(1).truncate(bits));
                m.next(coreClock, coreClock.not(), phase.eq(halfPeriod - 1));
            }
            u.connect("clk", coreClock);
        }
        u.connect("rst", inReset).connect("uart_rx", m.in("uart_rx", Shape.bool()));
        m.drive(m.out("uart_tx", Shape.bool()), u.out("uart_tx"));
        Expr status = u.out("status_leds");
        for (Board.Led led : board.leds()) {
            Expr lit = status.and(Const.of(Shape.u(8), led.statusMask())).anyBit();
            m.drive(m.out(led.port(), Shape.bool()), led.activeLow() ? lit.not() : lit);
        }
        return new BoardTop(board, LinkLayout.of(pe, plan), core, m.build(), clock);
    }

    /** The board's pin file plus, with a divided core clock, its frequency constraint for nextpnr. */
    public String pcf() {
        return board.pcf() + clock.pcfLine(HostProtocol.CLOCK_HERTZ / 1e6);
    }

    /** The Verilog: the core's modules, then the shell (the top). */
    public EmittedDesign emit(EmitOptions options) {
        EmittedDesign c = VerilogEmitter.emit(core, options);
        EmittedDesign s = VerilogEmitter.emit(shell, options);
        Map<String, String> files = new LinkedHashMap<>(c.files());
        files.putAll(s.files());
        Map<String, String> data = new LinkedHashMap<>(c.dataFiles());
        data.putAll(s.dataFiles());
        return new EmittedDesign(s.top(), files, data);
    }
}
