package io.bitforge.cli.hdl;

import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.sim.Simulator;

import java.math.BigInteger;
import java.util.Random;

/**
 * One seeded signed GEMM, C[rows×cols] = A[rows×k] · B[k×cols], fed to the output-stationary systolic array the way
 * its ports expect (row i of A on {@code a_i}, column j of B on {@code b_j}, one reduction step per enabled cycle),
 * with the reference product computed in plain long arithmetic and wrapped to the accumulator width.
 */
public record GemmStimulus(SystolicArray.Params params, int k, long[][] a, long[][] b) {

    public static GemmStimulus random(SystolicArray.Params p, int k, long seed) {
        Random rnd = new Random(seed);
        int span = 1 << p.dataBits();
        long[][] a = new long[p.rows()][k];
        long[][] b = new long[k][p.cols()];
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < p.rows(); i++) {
                a[i][t] = rnd.nextInt(span) - span / 2;
            }
            for (int j = 0; j < p.cols(); j++) {
                b[t][j] = rnd.nextInt(span) - span / 2;
            }
        }
        return new GemmStimulus(p, k, a, b);
    }

    /** Enabled cycles until C is complete (the array's fill plus K steps), then {@link #IDLE_CYCLES} idle ones. */
    public int cycles() {
        return params.cyclesFor(k) + IDLE_CYCLES;
    }

    /** Idle cycles after the product completes, so the replay also checks that C holds. */
    public static final int IDLE_CYCLES = 3;

    /** Drives cycle {@code cycle}'s inputs. */
    public void apply(Simulator sim, int cycle) {
        sim.poke("en", cycle < params.cyclesFor(k) ? 1 : 0);
        sim.poke("clr", 0);
        for (int i = 0; i < params.rows(); i++) {
            sim.poke("a_" + i, cycle < k ? a[i][cycle] : 0);
        }
        for (int j = 0; j < params.cols(); j++) {
            sim.poke("b_" + j, cycle < k ? b[cycle][j] : 0);
        }
    }

    /**
     * The exact product, wrapped to the accumulator's two's-complement width (in {@link BigInteger}: 32-bit operands
     * over a deep K overflow a long, and accumulators may be up to {@link SystolicArray.Params#MAX_ACC_BITS} wide).
     */
    public BigInteger expected(int i, int j) {
        BigInteger sum = BigInteger.ZERO;
        for (int t = 0; t < k; t++) {
            sum = sum.add(BigInteger.valueOf(a[i][t]).multiply(BigInteger.valueOf(b[t][j])));
        }
        BigInteger modulus = BigInteger.ONE.shiftLeft(params.accBits());
        BigInteger wrapped = sum.mod(modulus);
        return wrapped.testBit(params.accBits() - 1) ? wrapped.subtract(modulus) : wrapped;
    }
}
