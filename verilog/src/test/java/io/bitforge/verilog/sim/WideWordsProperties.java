package io.bitforge.verilog.sim;

import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.WideBits;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The compiled kernel's word arithmetic against {@link BigInteger} (an independent implementation): random
 * shapes of 1 to 200 bits, values at the edges of their ranges half the time, every operator, results wrapped
 * to a random result shape as the generated code does.
 */
class WideWordsProperties {

    @Property(tries = 400)
    void everyOperatorEqualsBigInteger(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int widthA,
            @ForAll @IntRange(min = 1, max = 200) int widthB, @ForAll @IntRange(min = 1, max = 260) int widthD) {
        Random rnd = new Random(seed);
        Shape sa = new Shape(widthA, rnd.nextBoolean());
        Shape sb = new Shape(widthB, rnd.nextBoolean());
        Shape sd = new Shape(widthD, rnd.nextBoolean());
        BigInteger a = value(sa, rnd);
        BigInteger b = value(sb, rnd);
        long[] wa = words(a, sa);
        long[] wb = words(b, sb);
        int na = wa.length;
        int nb = wb.length;
        int n = WideStore.wordCount(widthD);
        // operands sit at an offset inside a larger array, as a net's words do in the store
        long[] d = new long[n + 2];
        assertEquals(a, WideWords.toBigInteger(wa, 0, na, sa.signed()));

        WideWords.add(d, 1, n, wa, 0, na, sa.signed(), wb, 0, nb, sb.signed());
        check("add", a.add(b), d, sd);
        WideWords.sub(d, 1, n, wa, 0, na, sa.signed(), wb, 0, nb, sb.signed());
        check("sub", a.subtract(b), d, sd);
        WideWords.mul(d, 1, n, wa, 0, na, sa.signed(), wb, 0, nb, sb.signed());
        check("mul", a.multiply(b), d, sd);
        WideWords.and(d, 1, n, wa, 0, na, sa.signed(), wb, 0, nb, sb.signed());
        check("and", a.and(b), d, sd);
        WideWords.or(d, 1, n, wa, 0, na, sa.signed(), wb, 0, nb, sb.signed());
        check("or", a.or(b), d, sd);
        WideWords.xor(d, 1, n, wa, 0, na, sa.signed(), wb, 0, nb, sb.signed());
        check("xor", a.xor(b), d, sd);
        WideWords.neg(d, 1, n, wa, 0, na, sa.signed());
        check("neg", a.negate(), d, sd);
        WideWords.not(d, 1, n, wa, 0, na, sa.signed());
        check("not", a.not(), d, sd);
        int amount = rnd.nextInt(300);
        WideWords.shift(d, 1, n, wa, 0, na, sa.signed(), -amount);
        check("shl " + amount, a.shiftLeft(amount), d, sd);
        WideWords.shift(d, 1, n, wa, 0, na, sa.signed(), amount);
        check("shr " + amount, a.shiftRight(amount), d, sd);
        WideWords.shiftBy(d, 1, n, wa, 0, na, sa.signed(), amount, false);
        check("dshr " + amount, a.shiftRight(amount), d, sd);

        assertEquals(a.compareTo(b), WideWords.compare(wa, 0, na, sa.signed(), wb, 0, nb, sb.signed()), "compare");
        assertEquals(a.signum() == 0, WideWords.isZero(wa, 0, na), "any");
        BigInteger pattern = WideBits.pattern(a, widthA);
        assertEquals(pattern.equals(WideBits.mask(widthA)), WideWords.allOnes(wa, 0, widthA), "all");
        assertEquals(pattern.bitCount() & 1, WideWords.parity(wa, 0, widthA), "parity");
        int lo = rnd.nextInt(widthA);
        assertEquals(a.shiftRight(lo).longValue(), WideWords.bits64(wa, 0, na, sa.signed(), lo), "bits64 at " + lo);

        // {b, a} as a concatenation: a's pattern at bit 0, b's above it
        int nc = WideStore.wordCount(widthA + widthB);
        long[] c = new long[nc];
        WideWords.zero(c, 0, nc);
        WideWords.deposit(c, 0, nc, wa, 0, na, sa.signed(), widthA, 0);
        WideWords.deposit(c, 0, nc, wb, 0, nb, sb.signed(), widthB, widthA);
        BigInteger concat = WideBits.pattern(b, widthB).shiftLeft(widthA).or(pattern);
        assertEquals(concat, WideWords.toBigInteger(c, 0, nc, false), "concat");
    }

    private static void check(String op, BigInteger exact, long[] d, Shape sd) {
        int n = WideStore.wordCount(sd.width());
        WideWords.wrap(d, 1, n, sd.width(), sd.signed());
        assertEquals(WideBits.wrap(exact, sd), WideWords.toBigInteger(d, 1, n, sd.signed()), op + " into " + sd);
    }

    private static long[] words(BigInteger value, Shape shape) {
        long[] w = new long[WideStore.wordCount(shape.width())];
        WideWords.fromBigInteger(value, w, 0, w.length);
        return w;
    }

    /** A value of the shape: random, or an edge (0, -1, the extremes) a third of the time. */
    private static BigInteger value(Shape shape, Random rnd) {
        int w = shape.width();
        BigInteger min = shape.signed() ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
        BigInteger max = shape.signed() ? BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE) : WideBits.mask(w);
        return switch (rnd.nextInt(9)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> shape.signed() ? BigInteger.ONE.negate() : BigInteger.ZERO;
            default -> WideBits.wrap(new BigInteger(w, rnd), shape);
        };
    }
}
