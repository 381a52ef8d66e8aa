package io.bitforge.verilog.pe;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.verilog.hdl.ModuleDef;

import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The RTL of one PE family at one parameter record (the record that also drives the family's functional, timing
 * and cost models): one array cell as a {@link ModuleDef}, the lanes and cycles per step of that cell, and the
 * family's functional model as the reference the ladder compares the RTL with.
 *
 * <h2>Cell port contract</h2>
 * Every cell built by {@link #cell} has the implicit {@code clk}/{@code rst} and these ports (names exact):
 * <ul>
 *   <li>{@code a_in} u(lanesM·lanesK·{@link #activationCodeBits}): the activation codes of one step, lane
 *       (m, k) in bits {@code [(m·lanesK + k)·bits +: bits]};</li>
 *   <li>{@code b_in} u(lanesK·lanesN·{@link #weightCodeBits}): the weight codes, lane (k, n) in bits
 *       {@code [(k·lanesN + n)·bits +: bits]};</li>
 *   <li>{@code en}: the array advances this cycle; {@code start}: this enabled cycle is the first of a fold, so the
 *       accumulators restart (load this step's contribution instead of adding it);</li>
 *   <li>{@code phase} u(ceil(log2(cyclesPerStep))), only when {@link CellTiming#cyclesPerStep()} &gt; 1: the cycle
 *       within the step (all cells share it);</li>
 *   <li>{@code a_out}, {@code b_out}: the operands this cell saw, registered, loaded on the last cycle of a step
 *       (the systolic hop to the right and downward neighbour);</li>
 *   <li>{@code acc_M_N} s({@link #accumulatorBits}) for every output lane: the running sum of the products of
 *       activation lane row M and weight lane column N since the last {@code start}.</li>
 * </ul>
 * Only the output-stationary cell is required; {@link #dataflows} lists what the generator builds. Weight- and
 * input-stationary arrays wrap that cell ({@link io.bitforge.verilog.array.StationaryCell}: the stationary operand
 * held in its operand register, one step's sums added to the partial sum from above), which is exact when the
 * {@code acc_M_N} sums are two's-complement integers; a family lists ws and is only then.
 *
 * <p>Implementations are immutable. Add a family's RTL by implementing {@link PeRtlProvider} in the family's
 * package and listing it (one line) in {@code META-INF/services/io.bitforge.verilog.pe.PeRtlProvider}.
 */
public interface PeRtl {
    /** The family's registry id, e.g. {@code mac-int}. */
    String familyId();

    /** A short name of the parameters for module and file names, e.g. {@code w8a8s}. */
    String modeName();

    /** Lanes and cycles per step of the cell; equals the family's {@code PeFamily.timing} for these precisions. */
    CellTiming timing();

    /** Dataflows the generator builds for this family. */
    Set<Dataflow> dataflows();

    /** Width of one activation code on {@code a_in}. */
    int activationCodeBits();

    /** Width of one weight code on {@code b_in}. */
    int weightCodeBits();

    /** Width of every {@code acc_M_N} output. */
    int accumulatorBits();

    /** The cell module for {@code dataflow} (output-stationary: the port contract above). */
    ModuleDef cell(Dataflow dataflow);

    /** Every activation code the format allows (for exhaustive operand pairs and seeded tiles). */
    long[] activationCodes();

    /** Every weight code the format allows. */
    long[] weightCodes();

    /** The deepest tile along K the cell's results stay meaningful for (e.g. one quantisation group). */
    default int maxTileK() {
        return 4096;
    }

    /** The family's functional model in pe-models: the exact GEMM of the codes, as the RTL's accumulators hold it. */
    ReferenceGemm reference();

    /**
     * The decoder between the activation buffers and the cells ({@code a_in} then carries its operands); empty for
     * families whose cells take the buffer's codes. A family with a decoder on either edge has
     * {@code timing().edgeStageCycles()} = 1.
     */
    default Optional<EdgeDecoder> activationDecoder() {
        return Optional.empty();
    }

    /** The decoder between the weight buffers and the cells; see {@link #activationDecoder}. */
    default Optional<EdgeDecoder> weightDecoder() {
        return Optional.empty();
    }

    /**
     * The per-column group dequantiser at the array's bottom edge, when the family's spec puts it there (the array's
     * results are then the dequantised FP32 outputs and tiles may span several groups); empty otherwise.
     */
    default Optional<GroupDequantiser> groupDequantiser() {
        return Optional.empty();
    }

    /** K of every tile must be a multiple of this (2 when codes pair up along K, as OVP's do). */
    default int kMultiple() {
        return 1;
    }

    /** Seeded activation codes for an M×K tile (row-major); by default each drawn from {@link #activationCodes}. */
    default long[] randomActivations(Random rnd, int m, int k) {
        return pick(activationCodes(), m * k, rnd);
    }

    /** Seeded weight codes for a K×N tile (row-major); by default each drawn from {@link #weightCodes}. */
    default long[] randomWeights(Random rnd, int k, int n) {
        return pick(weightCodes(), k * n, rnd);
    }

    /**
     * The tile that covers the operand codes exhaustively: by default, when both codes are at most 8 bits, K = 1 with
     * A = every activation code and B = every weight code (so C holds every product pair); empty otherwise.
     */
    default Optional<CodeTile> exhaustiveTile() {
        if (activationCodeBits() > 8 || weightCodeBits() > 8) {
            return Optional.empty();
        }
        long[] a = activationCodes();
        long[] b = weightCodes();
        return Optional.of(new CodeTile("exhaustive", a.length, 1, b.length, a.clone(), b.clone()));
    }

    private static long[] pick(long[] codes, int count, Random rnd) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = codes[rnd.nextInt(codes.length)];
        }
        return out;
    }
}
