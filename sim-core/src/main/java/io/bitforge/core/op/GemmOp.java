package io.bitforge.core.op;

import io.bitforge.core.io.BadInputException;

import java.util.Locale;
import java.util.Objects;

/**
 * C[M×N] = A[M×K] · B[K×N], K the reduction, repeated {@code count} times. A is the activation operand
 * (SCALE-Sim's ifmap), B the weight or KV-cache operand (filter), C the output (ofmap).
 *
 * @param weightGroupSize quantisation group along K for B (0 = per channel or per tensor, no group metadata)
 */
public record GemmOp(String name, OpKind kind, long m, long k, long n, long count,
                     Precision activations, Precision weights, Precision outputs,
                     BOperand bOperand, int weightGroupSize) implements Op {

    public GemmOp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(bOperand, "bOperand");
        if (m < 1 || k < 1 || n < 1) {
            throw new IllegalArgumentException(name + ": GEMM dimensions must be >= 1, got M=" + m + " K=" + k
                    + " N=" + n);
        }
        if (count < 1) {
            throw new IllegalArgumentException(name + ": count must be >= 1, got " + count);
        }
        if (weightGroupSize < 0) {
            throw new IllegalArgumentException(name + ": weight group size must be >= 0, got " + weightGroupSize);
        }
        // exactly, by division, so that the check itself cannot wrap (a double product rounds 2^56 + 1 down to
        // 2^56); past the bound a count of MACs or bits would overflow
        if (exceedsMaxMacs(m, k, n, count)) {
            double allMacs = (double) m * k * n * count;
            throw new BadInputException(String.format(Locale.ROOT, "%s: M x K x N x count = %d x %d x %d x %d = "
                    + "%.3g multiply-accumulates: must be at most 2^56 (%.3g), the largest BitForge counts exactly",
                    name, m, k, n, count, allMacs, (double) MAX_MACS));
        }
    }

    /**
     * The most multiply-accumulates one op may count (all instances): 2^56 leaves 7 bits of headroom in a long for
     * MACs times operand bits.
     */
    public static final long MAX_MACS = 1L << 56;

    /** Whether the product of these counts (each >= 1) is past {@link #MAX_MACS}, without overflowing. */
    static boolean exceedsMaxMacs(long... factors) {
        long product = 1;
        for (long factor : factors) {
            if (product > MAX_MACS / factor) {
                return true;
            }
            product *= factor;
        }
        return false;
    }

    /** A plain GEMM with one precision for A and B, outputs at the same precision, static weights. */
    public static GemmOp of(String name, long m, long k, long n, Precision precision) {
        return new GemmOp(name, OpKind.GEMM, m, k, n, 1, precision, precision, precision, BOperand.WEIGHTS, 0);
    }

    /** Multiply-accumulates of one instance. */
    public long macs() {
        return Math.multiplyExact(Math.multiplyExact(m, k), n);
    }

    /** Multiply-accumulates of all instances. */
    public long totalMacs() {
        return Math.multiplyExact(macs(), count);
    }

    @Override
    public double totalOps() {
        return 2.0 * m * k * n * count;
    }

    public GemmOp withCount(long newCount) {
        return new GemmOp(name, kind, m, k, n, newCount, activations, weights, outputs, bOperand, weightGroupSize);
    }

    public GemmOp withShape(long newM, long newK, long newN) {
        return new GemmOp(name, kind, newM, newK, newN, count, activations, weights, outputs, bOperand,
                weightGroupSize);
    }
}
