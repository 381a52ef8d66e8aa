package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random designs for comparing the two simulator engines: inputs, registers with and without reset, a child
 * instance, a memory with {@code $readmemh} contents and synchronous and asynchronous read ports, and wires
 * driven by random expression trees over every operator, some wider than 64 bits.
 */
final class RandomDesigns {
    private static final int WIDE_LIMIT = 200;
    private static final int[] EDGE_WIDTHS = {1, 8, 63, 64, 64};
    private final Random rnd;
    private final boolean allowWide;
    private final List<Expr> pool = new ArrayList<>();

    RandomDesigns(long seed, boolean allowWide) {
        this.rnd = new Random(seed);
        this.allowWide = allowWide;
    }

    ModuleDef build(int wires) {
        ModuleDef child = child();
        ModuleBuilder m = ModuleBuilder.named("rnd");
        for (int i = 0; i < 5; i++) {
            pool.add(m.in("i" + i, shape()));
        }
        List<Reg> regs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Shape s = shape();
            Reg r = rnd.nextBoolean() ? m.reg("r" + i, s, s.signed() ? -1 : 1) : m.regNoReset("r" + i, s);
            regs.add(r);
            pool.add(r);
        }
        Shape word = new Shape(1 + rnd.nextInt(64), rnd.nextBoolean());
        List<Long> init = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            init.add(randomValue(word).longValue());
        }
        ReadUnderWrite policy = rnd.nextBoolean() ? ReadUnderWrite.READ_FIRST : ReadUnderWrite.WRITE_FIRST;
        Memory mem = m.memoryFromHex("mem", word, 16, init, policy);
        pool.add(m.readSync(mem, "rs", address(), bool()));
        pool.add(m.readAsync(mem, "ra", address()));
        Instance inst = m.instance("u", child);
        inst.connect("x", expr(2).resize(child.port("x").shape()));
        pool.add(inst.out("y"));
        for (int i = 0; i < wires; i++) {
            Expr e = expr(3);
            Wire w = m.wire("w" + i, e.shape());
            m.drive(w, e);
            pool.add(w);
        }
        m.write(mem, address(), expr(2).resize(word), bool());
        for (Reg r : regs) {
            m.next(r, expr(3).resize(r.shape()));
        }
        for (int i = 0; i < 3; i++) {
            Expr e = expr(2);
            Port o = m.out("o" + i, e.shape());
            m.drive(o, e);
        }
        return m.build();
    }

    private ModuleDef child() {
        ModuleBuilder c = ModuleBuilder.named("rnd_child");
        Port x = c.in("x", new Shape(1 + rnd.nextInt(40), rnd.nextBoolean()));
        Reg acc = c.reg("acc", Shape.s(48), 0);
        c.next(acc, acc.plusWrapped(x.resize(Shape.s(48))).resize(Shape.s(48)));
        Port y = c.out("y", Shape.s(48));
        c.drive(y, acc.xor(x.resize(Shape.s(48))));
        return c.build();
    }

    /** Any width up to 64 (or wider), with the edge widths 1, 63 and 64 often. */
    Shape shape() {
        int pick = rnd.nextInt(12);
        int width = allowWide && pick == 0 ? 65 + rnd.nextInt(WIDE_LIMIT - 64)
                : pick <= 3 ? EDGE_WIDTHS[rnd.nextInt(EDGE_WIDTHS.length)] : 1 + rnd.nextInt(64);
        return new Shape(width, rnd.nextBoolean());
    }

    /** A random value that fits {@code shape}, as a number (its {@code longValue()} is the u64 raw pattern). */
    BigInteger randomValue(Shape shape) {
        BigInteger pattern = new BigInteger(shape.width(), rnd);
        if (shape.signed() && pattern.testBit(shape.width() - 1)) {
            pattern = pattern.subtract(BigInteger.ONE.shiftLeft(shape.width()));
        }
        return pattern;
    }

    private Expr address() {
        return expr(1).resize(Shape.u(4)).asUnsigned().resize(Shape.u(4));
    }

    private Expr bool() {
        return expr(1).anyBit();
    }

    private Expr leaf() {
        return pool.get(rnd.nextInt(pool.size()));
    }

    /** A random tree of at most {@code depth} operator levels, kept at most {@link #WIDE_LIMIT} bits wide. */
    private Expr expr(int depth) {
        Expr e = depth == 0 ? leaf() : operator(depth);
        if (e.width() > WIDE_LIMIT || !allowWide && e.width() > 64) {
            e = e.resize(new Shape(allowWide ? 1 + rnd.nextInt(WIDE_LIMIT) : 1 + rnd.nextInt(64), e.shape().signed()));
        }
        return e;
    }

    private Expr operator(int depth) {
        Expr a = expr(depth - 1);
        Expr b = expr(rnd.nextInt(depth));
        return switch (rnd.nextInt(24)) {
            case 0 -> a.plus(b);
            case 1 -> a.plusWrapped(b.resize(a.shape()));
            case 2 -> a.minus(b);
            case 3 -> a.times(b);
            case 4 -> a.and(b);
            case 5 -> a.or(b);
            case 6 -> a.xor(b);
            case 7 -> a.eq(b);
            case 8 -> a.ne(b);
            case 9 -> a.lt(b);
            case 10 -> a.le(b);
            case 11 -> a.gt(b);
            case 12 -> a.ge(b);
            case 13 -> a.not();
            case 14 -> a.neg();
            case 15 -> rnd.nextBoolean() ? a.anyBit() : rnd.nextBoolean() ? a.allBits() : a.parity();
            case 16 -> rnd.nextBoolean() ? a.asSigned() : a.asUnsigned();
            case 17 -> a.shl(rnd.nextInt(70));
            case 18 -> a.shr(rnd.nextInt(70));
            case 19 -> a.shl(b.asUnsigned().resize(Shape.u(1 + rnd.nextInt(6))));
            case 20 -> a.shr(b.asUnsigned().resize(Shape.u(1 + rnd.nextInt(8))));
            case 21 -> sliceOf(a);
            case 22 -> Concat.of(List.of(a, b));
            default -> rnd.nextBoolean() ? io.bitforge.verilog.hdl.Mux.of(a.anyBit(), b, expr(depth - 1).resize(b.shape()))
                    : constant();
        };
    }

    private Expr constant() {
        Shape s = shape();
        if (s.wide()) {
            s = Shape.u(64);
        }
        long value = randomValue(s).longValue();
        // Const.of takes a u64 constant only below 2^63; the top bit reaches u64 values through the inputs
        return Const.of(s, s.equals(Shape.u(64)) ? value & Long.MAX_VALUE : value);
    }

    private Expr sliceOf(Expr a) {
        int lo = rnd.nextInt(a.width());
        int hi = lo + rnd.nextInt(a.width() - lo);
        return a.slice(hi, lo);
    }
}
