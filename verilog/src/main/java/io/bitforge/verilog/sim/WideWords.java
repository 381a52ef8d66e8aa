package io.bitforge.verilog.sim;

import java.math.BigInteger;

/**
 * Multi-word two's-complement arithmetic for values wider than 64 bits, on the layout of {@link WideStore}: a
 * value of {@code words} longs, least significant first, extended by its signedness through the top word, so
 * that word {@code i >= words} of the infinite two's complement is the top word's sign ({@code signed}) or 0.
 * Every operator takes its operands as (array, offset, words, signed), reads them extended to the result's
 * {@code n} words and writes the result's words; the caller then wraps the top word to the result shape
 * ({@link #wrap}). This is what the compiled simulator's generated code calls for wide nets, operator for
 * operator the numbers {@link ExprCompiler#compileWide} computes with {@link BigInteger}s, without allocating.
 * Public only because the generated kernel lives in another package.
 */
public final class WideWords {
    private WideWords() {
    }

    /** Word {@code i} (any {@code i >= 0}) of the operand's infinite two's complement. */
    static long word(long[] a, int ao, int aw, boolean as, long i) {
        if (i < aw) {
            return a[ao + (int) i];
        }
        return as ? a[ao + aw - 1] >> 63 : 0L;
    }

    /** Bits {@code [pos, pos + 63]} of the operand's infinite two's complement; bits below 0 read as 0. */
    public static long bits64(long[] a, int ao, int aw, boolean as, long pos) {
        long q = Math.floorDiv(pos, 64);
        int r = (int) Math.floorMod(pos, 64);
        long lo = q < 0 ? 0L : word(a, ao, aw, as, q);
        if (r == 0) {
            return lo;
        }
        long hi = q + 1 < 0 ? 0L : word(a, ao, aw, as, q + 1);
        return (lo >>> r) | (hi << (64 - r));
    }

    public static void copy(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = word(a, ao, aw, as, i);
        }
    }

    /** A canonical long (sign-extended when signed, a raw pattern for u64) extended to {@code n} words. */
    public static void fromLong(long[] d, int doff, int n, long value, boolean signed) {
        d[doff] = value;
        long ext = signed ? value >> 63 : 0L;
        for (int i = 1; i < n; i++) {
            d[doff + i] = ext;
        }
    }

    public static void add(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long[] b, int bo,
            int bw, boolean bs) {
        long carry = 0;
        for (int i = 0; i < n; i++) {
            long x = word(a, ao, aw, as, i);
            long t = x + word(b, bo, bw, bs, i);
            long c1 = Long.compareUnsigned(t, x) < 0 ? 1L : 0L;
            long s = t + carry;
            long c2 = Long.compareUnsigned(s, t) < 0 ? 1L : 0L;
            d[doff + i] = s;
            carry = c1 | c2;
        }
    }

    /** {@code a - b} as {@code a + ~b + 1}. */
    public static void sub(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long[] b, int bo,
            int bw, boolean bs) {
        long carry = 1;
        for (int i = 0; i < n; i++) {
            long x = word(a, ao, aw, as, i);
            long t = x + ~word(b, bo, bw, bs, i);
            long c1 = Long.compareUnsigned(t, x) < 0 ? 1L : 0L;
            long s = t + carry;
            long c2 = Long.compareUnsigned(s, t) < 0 ? 1L : 0L;
            d[doff + i] = s;
            carry = c1 | c2;
        }
    }

    /** {@code 0 - a}. */
    public static void neg(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as) {
        long carry = 1;
        for (int i = 0; i < n; i++) {
            long s = ~word(a, ao, aw, as, i) + carry;
            carry = carry != 0 && s == 0 ? 1L : 0L;
            d[doff + i] = s;
        }
    }

    public static void not(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = ~word(a, ao, aw, as, i);
        }
    }

    public static void and(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long[] b, int bo,
            int bw, boolean bs) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = word(a, ao, aw, as, i) & word(b, bo, bw, bs, i);
        }
    }

    public static void or(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long[] b, int bo,
            int bw, boolean bs) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = word(a, ao, aw, as, i) | word(b, bo, bw, bs, i);
        }
    }

    public static void xor(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long[] b, int bo,
            int bw, boolean bs) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = word(a, ao, aw, as, i) ^ word(b, bo, bw, bs, i);
        }
    }

    /**
     * The product modulo 2^(64n), schoolbook over the operands extended to {@code n} words: two's complement
     * multiplication is exact modulo the word size whatever the signs, and the result shape holds the product.
     */
    public static void mul(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long[] b, int bo,
            int bw, boolean bs) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = 0L;
        }
        for (int i = 0; i < n; i++) {
            long x = word(a, ao, aw, as, i);
            if (x == 0) {
                continue;
            }
            long carry = 0;
            for (int j = 0; i + j < n; j++) {
                long y = word(b, bo, bw, bs, j);
                long lo = x * y;
                long hi = unsignedMultiplyHigh(x, y);
                int k = doff + i + j;
                long t = d[k] + lo;
                long c1 = Long.compareUnsigned(t, lo) < 0 ? 1L : 0L;
                long s = t + carry;
                long c2 = Long.compareUnsigned(s, t) < 0 ? 1L : 0L;
                d[k] = s;
                // hi <= 2^64 - 2, so hi + c1 + c2 never wraps
                carry = hi + c1 + c2;
            }
        }
    }

    /** The high word of the unsigned 128-bit product (Math.unsignedMultiplyHigh arrived only in Java 18). */
    static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    /** The operand shifted right by {@code pos} bits ({@code pos < 0}: left), arithmetic when signed. */
    public static void shift(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long pos) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = bits64(a, ao, aw, as, pos + 64L * i);
        }
    }

    /** A shift by a run-time amount (an unsigned canonical long), clamped past the last word as shifting does. */
    public static void shiftBy(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, long amount,
            boolean left) {
        long limit = 64L * (Math.max(n, aw) + 1);
        long clamped = amount < 0 || amount > limit ? limit : amount;
        shift(d, doff, n, a, ao, aw, as, left ? -clamped : clamped);
    }

    /** A wide shift amount as a long: -1 (shift everything out) when it does not fit a non-negative long. */
    public static long amount(long[] a, int ao, int aw) {
        for (int i = 1; i < aw; i++) {
            if (a[ao + i] != 0) {
                return -1L;
            }
        }
        return a[ao] < 0 ? -1L : a[ao];
    }

    /** Wraps words {@code [0, n)} to {@code width} bits of the signedness, extended through the top word. */
    public static void wrap(long[] d, int doff, int n, int width, boolean signed) {
        int top = (width - 1) >>> 6;
        int r = width - 64 * top;
        if (r < 64) {
            int s = 64 - r;
            d[doff + top] = signed ? (d[doff + top] << s) >> s : d[doff + top] & ((1L << r) - 1);
        }
        long ext = signed ? d[doff + top] >> 63 : 0L;
        for (int i = top + 1; i < n; i++) {
            d[doff + i] = ext;
        }
    }

    /** Numeric comparison of the two values (-1, 0, 1), whatever their widths and signedness. */
    public static int compare(long[] a, int ao, int aw, boolean as, long[] b, int bo, int bw, boolean bs) {
        int n = Math.max(aw, bw) + 1;
        int top = n - 1;
        int c = Long.compare(word(a, ao, aw, as, top), word(b, bo, bw, bs, top));
        for (int i = top - 1; c == 0 && i >= 0; i--) {
            c = Long.compareUnsigned(word(a, ao, aw, as, i), word(b, bo, bw, bs, i));
        }
        return Integer.signum(c);
    }

    public static boolean isZero(long[] a, int ao, int aw) {
        for (int i = 0; i < aw; i++) {
            if (a[ao + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the low {@code width} bits are all ones. */
    public static boolean allOnes(long[] a, int ao, int width) {
        for (int pos = 0; pos < width; pos += 64) {
            int r = Math.min(64, width - pos);
            long mask = r == 64 ? -1L : (1L << r) - 1;
            if ((a[ao + (pos >>> 6)] & mask) != mask) {
                return false;
            }
        }
        return true;
    }

    /** The parity (0 or 1) of the low {@code width} bits. */
    public static long parity(long[] a, int ao, int width) {
        int ones = 0;
        for (int pos = 0; pos < width; pos += 64) {
            int r = Math.min(64, width - pos);
            long mask = r == 64 ? -1L : (1L << r) - 1;
            ones += Long.bitCount(a[ao + (pos >>> 6)] & mask);
        }
        return ones & 1;
    }

    public static void zero(long[] d, int doff, int n) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = 0L;
        }
    }

    /** ORs the low {@code width} bits of the operand into {@code d} at bit {@code pos} (a concatenation part). */
    public static void deposit(long[] d, int doff, int n, long[] a, int ao, int aw, boolean as, int width, int pos) {
        for (int k = 0; k < width; k += 64) {
            int r = Math.min(64, width - k);
            long chunk = bits64(a, ao, aw, as, k) & (r == 64 ? -1L : (1L << r) - 1);
            depositLong(d, doff, n, chunk, r, pos + k);
        }
    }

    /** ORs the low {@code width} (at most 64) bits of {@code value} into {@code d} at bit {@code pos}. */
    public static void depositLong(long[] d, int doff, int n, long value, int width, int pos) {
        long chunk = value & (width == 64 ? -1L : (1L << width) - 1);
        int q = pos >>> 6;
        int r = pos & 63;
        if (q < n) {
            d[doff + q] |= chunk << r;
        }
        if (r != 0 && q + 1 < n) {
            d[doff + q + 1] |= chunk >>> (64 - r);
        }
    }

    static BigInteger toBigInteger(long[] a, int ao, int aw, boolean signed) {
        byte[] bytes = new byte[aw * 8];
        for (int i = 0; i < aw; i++) {
            long w = a[ao + i];
            int base = (aw - 1 - i) * 8;
            for (int b = 0; b < 8; b++) {
                bytes[base + b] = (byte) (w >>> (56 - 8 * b));
            }
        }
        return signed ? new BigInteger(bytes) : new BigInteger(1, bytes);
    }

    static void fromBigInteger(BigInteger value, long[] d, int doff, int n) {
        for (int i = 0; i < n; i++) {
            d[doff + i] = value.shiftRight(64 * i).longValue();
        }
    }
}
