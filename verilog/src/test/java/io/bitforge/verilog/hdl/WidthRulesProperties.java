package io.bitforge.verilog.hdl;

import io.bitforge.core.arith.Bits;
import io.bitforge.verilog.sim.Simulator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every operator's result shape and value against an exact BigInteger reference: the expected shapes are
 * computed here from the rule table (independently of {@link Binary#shapeOf}), values through the simulator.
 * A lossless operator must give the mathematically exact result in its result shape, also where the shape is
 * wider than 64 bits (products, long shifts, concatenations: the simulator's BigInteger path).
 */
class WidthRulesProperties {

    /** Test-side copy of the unify rule: u(n) joining signed needs s(n+1). */
    private static int[] unify(int wa, boolean sa, int wb, boolean sb) {
        if (sa == sb) {
            return new int[] {Math.max(wa, wb), sa ? 1 : 0};
        }
        int wu = sa ? wb : wa;
        int ws = sa ? wa : wb;
        return new int[] {Math.max(wu + 1, ws), 1};
    }

    private static BigInteger big(long value, Shape shape) {
        BigInteger b = BigInteger.valueOf(value);
        return !shape.signed() && value < 0 ? b.add(BigInteger.ONE.shiftLeft(64)) : b;
    }

    private record Case(Shape expected, BigInteger exact, BiFunction<Expr, Expr, Expr> op) {
    }

    @Property(tries = 400)
    void binaryOperatorsAreLossless(@ForAll @IntRange(min = 1, max = 40) int wa, @ForAll boolean sa,
                                    @ForAll @IntRange(min = 1, max = 40) int wb, @ForAll boolean sb,
                                    @ForAll long rawA, @ForAll long rawB) {
        Shape sha = new Shape(wa, sa);
        Shape shb = new Shape(wb, sb);
        long a = Bits.wrap(rawA, wa, sa);
        long b = Bits.wrap(rawB, wb, sb);
        BigInteger ba = big(a, sha);
        BigInteger bb = big(b, shb);
        int[] u = unify(wa, sa, wb, sb);
        boolean us = u[1] == 1;
        int mulWidth = (sa || sb) ? (sa ? wa : wa + 1) + (sb ? wb : wb + 1) : wa + wb;
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("add", new Case(shape(u[0] + 1, us), ba.add(bb), Expr::plus));
        cases.put("sub", new Case(shape(u[0] + 1, true), ba.subtract(bb), Expr::minus));
        cases.put("mul", new Case(shape(mulWidth, sa || sb), ba.multiply(bb), Expr::times));
        cases.put("and", new Case(shape(u[0], us), ba.and(bb), Expr::and));
        cases.put("or", new Case(shape(u[0], us), ba.or(bb), Expr::or));
        cases.put("xor", new Case(shape(u[0], us), ba.xor(bb), Expr::xor));
        int cmp = ba.compareTo(bb);
        cases.put("eq", new Case(Shape.bool(), bool(cmp == 0), Expr::eq));
        cases.put("ne", new Case(Shape.bool(), bool(cmp != 0), Expr::ne));
        cases.put("lt", new Case(Shape.bool(), bool(cmp < 0), Expr::lt));
        cases.put("le", new Case(Shape.bool(), bool(cmp <= 0), Expr::le));
        cases.put("gt", new Case(Shape.bool(), bool(cmp > 0), Expr::gt));
        cases.put("ge", new Case(Shape.bool(), bool(cmp >= 0), Expr::ge));
        cases.put("mux", new Case(shape(u[0], us), (a & 1) == 1 ? ba : bb,
                (x, y) -> Mux.of(x.bit(0), x, y)));
        cases.put("cat", new Case(Shape.u(wa + wb),
                ba.and(mask(wa)).shiftLeft(wb).or(bb.and(mask(wb))), (x, y) -> Concat.of(java.util.List.of(x, y))));
        check(sha, shb, a, b, cases);
    }

    @Property(tries = 400)
    void unaryAndShiftOperatorsAreLossless(@ForAll @IntRange(min = 1, max = 64) int wa, @ForAll boolean sa,
                                           @ForAll long rawA, @ForAll @IntRange(min = 0, max = 70) int n,
                                           @ForAll @IntRange(min = 1, max = 5) int amountBits,
                                           @ForAll @IntRange(min = 1, max = 64) int target, @ForAll boolean targetSigned) {
        Shape sha = new Shape(wa, sa);
        long a = Bits.wrap(rawA, wa, sa);
        BigInteger ba = big(a, sha);
        long amount = n & ((1 << amountBits) - 1);
        Shape shAmt = Shape.u(amountBits);
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("not", new Case(sha, sa ? ba.not() : mask(wa).subtract(ba), (x, y) -> x.not()));
        cases.put("neg", new Case(shape(wa + 1, true), ba.negate(), (x, y) -> x.neg()));
        BigInteger pattern = ba.and(mask(wa));
        cases.put("any", new Case(Shape.bool(), bool(pattern.signum() != 0), (x, y) -> x.anyBit()));
        cases.put("all", new Case(Shape.bool(), bool(pattern.equals(mask(wa))), (x, y) -> x.allBits()));
        cases.put("parity", new Case(Shape.bool(), BigInteger.valueOf(pattern.bitCount() & 1), (x, y) -> x.parity()));
        cases.put("shl", new Case(shape(wa + n, sa), ba.shiftLeft(n), (x, y) -> x.shl(n)));
        cases.put("shr", new Case(shape(Math.max(1, wa - n), sa), ba.shiftRight(n), (x, y) -> x.shr(n)));
        cases.put("dshr", new Case(sha, ba.shiftRight((int) amount), Expr::shr));
        int dshlWidth = wa + (1 << amountBits) - 1;
        cases.put("dshl", new Case(shape(dshlWidth, sa), ba.shiftLeft((int) amount), Expr::shl));
        int lo = n % wa;
        int hi = Math.min(wa - 1, lo + amountBits);
        cases.put("slice", new Case(Shape.u(hi - lo + 1), pattern.shiftRight(lo).and(mask(hi - lo + 1)),
                (x, y) -> x.slice(hi, lo)));
        Shape t = new Shape(target, targetSigned);
        BigInteger resized = ba.and(mask(target));
        if (targetSigned && resized.testBit(target - 1)) {
            resized = resized.subtract(BigInteger.ONE.shiftLeft(target));
        }
        cases.put("resize", new Case(t, resized, (x, y) -> x.resize(t)));
        BigInteger reinterpret = pattern;
        if (!sa && pattern.testBit(wa - 1)) {
            reinterpret = pattern.subtract(BigInteger.ONE.shiftLeft(wa));
        }
        cases.put("asSigned", new Case(Shape.s(wa), sa ? ba : reinterpret, (x, y) -> x.asSigned()));
        cases.put("asUnsigned", new Case(Shape.u(wa), pattern, (x, y) -> x.asUnsigned()));
        check(sha, shAmt, a, amount, cases);
    }

    private static void check(Shape sha, Shape shb, long a, long b, Map<String, Case> cases) {
        ModuleBuilder m = ModuleBuilder.named("ops");
        Port pa = m.in("a", sha);
        Port pb = m.in("b", shb);
        Map<String, Port> outs = new LinkedHashMap<>();
        for (Map.Entry<String, Case> c : cases.entrySet()) {
            Case k = c.getValue();
            if (k.expected() == null) {
                assertThrows(HdlException.class, () -> k.op().apply(pa, pb), c.getKey());
                continue;
            }
            Expr e = k.op().apply(pa, pb);
            assertEquals(k.expected(), e.shape(), c.getKey() + " shape of " + sha + ", " + shb);
            Port o = m.out("o_" + c.getKey(), e.shape());
            m.drive(o, e);
            outs.put(c.getKey(), o);
        }
        Simulator sim = Simulator.of(m.build());
        sim.poke(pa, a);
        sim.poke(pb, b);
        for (Map.Entry<String, Port> o : outs.entrySet()) {
            Case k = cases.get(o.getKey());
            assertEquals(k.exact(), sim.peekWide(o.getValue()),
                    o.getKey() + " of " + a + ":" + sha + ", " + b + ":" + shb);
        }
    }

    /** The expected shape, or null where the rule demands more than the HDL's widest shape (the builder must refuse). */
    private static Shape shape(int width, boolean signed) {
        return width > Shape.MAX_WIDTH ? null : new Shape(width, signed);
    }

    private static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    private static BigInteger bool(boolean b) {
        return b ? BigInteger.ONE : BigInteger.ZERO;
    }
}
