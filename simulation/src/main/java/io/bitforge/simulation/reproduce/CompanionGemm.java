package io.bitforge.simulation.reproduce;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A GEMM an artefact's benchmark lists put next to every fully connected layer of a design, described by a rule
 * instead of extra rows: same M, {@code K / inputDivisor} and {@code N / outputDivisor} (rounded up), both operands
 * and the output at {@code bits}. MixPE's artefact (yuzhang712/mixpe_simulator
 * {@code bitfusion/src/benchmarks/int48_bench.py}, {@code mixfloat_bench.py}) models the per-group
 * dequantisation as such a GEMM after each quantised layer (e.g. [1, 4096] x [12288, 4096] is followed by
 * [1, 512] x [96, 512]: K/8, N/128); its baseline lists ({@code float_bench.py}, {@code int88_bench.py},
 * {@code ant_bench.py}, {@code bitfusion_bench.py}) put a GEMM of N/8 outputs before each layer.
 *
 * @param position before or after the layer it accompanies
 */
public record CompanionGemm(Position position, long inputDivisor, long outputDivisor, int bits) {
    /** Where the companion runs relative to its layer. */
    public enum Position { BEFORE, AFTER }

    public CompanionGemm {
        Objects.requireNonNull(position, "position");
        if (inputDivisor < 1 || outputDivisor < 1 || bits < 1) {
            throw new IllegalArgumentException("companion GEMM divisors and bits must be >= 1");
        }
    }

    /** The companion of one layer's GEMM. */
    public GemmOp of(GemmOp layer) {
        Precision precision = new Precision("int" + bits, bits);
        return new GemmOp(layer.name() + ".companion", OpKind.GEMM, layer.m(), ceil(layer.k(), inputDivisor),
                ceil(layer.n(), outputDivisor), layer.count(), precision, precision, precision, BOperand.WEIGHTS, 0);
    }

    /** The list with a companion before or after every fully connected layer (convolutions get none). */
    public List<GemmOp> around(List<GemmOp> layers) {
        List<GemmOp> ops = new ArrayList<>(layers.size() * 2);
        for (GemmOp layer : layers) {
            boolean accompanied = layer.kind() == OpKind.GEMM;
            if (accompanied && position == Position.BEFORE) {
                ops.add(of(layer));
            }
            ops.add(layer);
            if (accompanied && position == Position.AFTER) {
                ops.add(of(layer));
            }
        }
        return List.copyOf(ops);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
