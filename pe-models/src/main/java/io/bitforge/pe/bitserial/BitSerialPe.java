package io.bitforge.pe.bitserial;

import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.QuantizedTensor;

import java.math.BigDecimal;
import java.util.List;

/**
 * Functional model of BitMoD's PE (Chen et al., HPCA 2025; cycle rule from yc2367/BitMoD-HPCA-25
 * {@code bitmod_sim/pe_array.py}): a {@code lanes}-wide dot-product unit with FP16 activations and bit-serial
 * weights in the {@link UnifiedTerms unified term representation}, followed by a bit-serial dequantisation unit
 * that rescales each per-group partial sum.
 *
 * <h2>Arithmetic, in order</h2>
 * <ol>
 *   <li>Per step the PE takes {@code lanes} consecutive weights of one group and their FP16 activations. For
 *       ⌈⌊w⌋/2⌉ cycles each lane adds {@code a · digit · 4^position} for its next term (a lane with no term left
 *       adds zero), so a step always takes ⌈⌊w⌋/2⌉ cycles.</li>
 *   <li>Partial sums are <b>exact</b>: an FP16 activation is an integer multiple of 2^-24 and a term an integer
 *       multiple of 2^-unitShift, so the group accumulator is a fixed-point integer in units of
 *       2^-(24+unitShift) (the model checks it never overflows 63 bits; for 4-bit BitMoD types and groups of
 *       128 it needs under 52 bits). Summation order inside a group therefore does not matter.</li>
 *   <li>At the end of a group the dequantisation unit multiplies the partial sum by the group's scale (for a
 *       mixture, with the group's chosen type's terms used in step 1) and rounds <b>once</b> to FP32, round to
 *       nearest, ties to even.</li>
 *   <li>Group results are added into an FP32 output accumulator in ascending K order (one FP32 rounding per
 *       group). The FP32 value is what the PE hands on; writing it to an FP16 output buffer is one more
 *       rounding ({@code NumberFormats.FP16.encode(value)}).</li>
 * </ol>
 * Weights must be symmetric (no zero points) and quantised per group, per channel or per tensor with one scale per
 * group. The model is immutable and thread-safe.
 */
public final class BitSerialPe {
    private final int lanes;

    public BitSerialPe(int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1, got " + lanes);
        }
        this.lanes = lanes;
    }

    public int lanes() {
        return lanes;
    }

    /**
     * One output: the dot product of row {@code row} of a quantised weight matrix [rows × K] with K FP16
     * activations given as their 16-bit codes.
     */
    public DotResult dot(QuantizedTensor weights, int row, int[] activationCodes) {
        GroupLayout layout = weights.layout();
        int k = layout.cols();
        if (activationCodes.length != k) {
            throw new IllegalArgumentException("need " + k + " activations, got " + activationCodes.length);
        }
        if (row < 0 || row >= layout.rows()) {
            throw new IllegalArgumentException("row must be 0.." + (layout.rows() - 1) + ", got " + row);
        }
        if (weights.zeroPoints().length != 0 || weights.scalesPerGroup() != 1) {
            throw new IllegalArgumentException("the bit-serial PE takes symmetric weights with one scale per group");
        }
        List<UnifiedTerms> decoders = UnifiedTerms.forFormat(weights.format());
        boolean mixture = weights.format() instanceof BitmodMixture;
        float output = 0f;
        long cycles = 0;
        int groups = 0;
        int start = row * k;
        int i = start;
        while (i < start + k) {
            int group = layout.groupOf(i);
            int end = Math.min(start + k, layout.end(group));
            UnifiedTerms terms = decoders.get(mixture ? weights.choices()[group] : 0);
            long partial = 0;
            for (int step = i; step < end; step += lanes) {
                int stepEnd = Math.min(end, step + lanes);
                for (int cycle = 0; cycle < terms.cyclesPerWeight(); cycle++) {
                    for (int lane = step; lane < stepEnd; lane++) {
                        List<Term> laneTerms = terms.terms(weights.code(lane));
                        if (cycle < laneTerms.size()) {
                            long activation = fixedPointActivation(activationCodes[lane - start]);
                            partial = Math.addExact(partial, Math.multiplyExact(activation,
                                    laneTerms.get(cycle).value()));
                        }
                    }
                }
                cycles += terms.cyclesPerWeight();
            }
            output += dequantise(partial, terms.unitShift(), weights.scales()[group]);
            groups++;
            i = end;
        }
        return new DotResult(output, cycles, groups);
    }

    /** An FP16 code's value as an integer in units of 2^-24 (exact: FP16's smallest subnormal is 2^-24). */
    static long fixedPointActivation(int fp16Code) {
        double a = NumberFormats.FP16.decode(fp16Code);
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("activation code " + fp16Code + " is not a finite FP16 value");
        }
        return (long) Math.scalb(a, 24);
    }

    /** partial · 2^-(24+unitShift) · scale, rounded once to FP32 (nearest, ties to even). */
    static float dequantise(long partial, int unitShift, double scale) {
        BigDecimal exact = new BigDecimal(partial).multiply(new BigDecimal(scale))
                .multiply(new BigDecimal(Math.scalb(1.0, -(24 + unitShift))));
        return exact.floatValue();
    }
}
