package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.arith.FloatParts;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.ovp.OvpFamily;
import io.bitforge.pe.ovp.OvpMode;
import io.bitforge.pe.ovp.OvpParams;
import io.bitforge.pe.ovp.OvpW4a4Tile;
import io.bitforge.pe.ovp.OvpWeightOnlyTile;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpIntProduct;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.CodeRange;
import io.bitforge.verilog.pe.CodeTile;
import io.bitforge.verilog.pe.EdgeDecoder;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * {@code ovp} RTL (OliVe, Guo et al., ISCA 2023): pair decoders at the array edges ({@link OvpEdgeDecoder}, one per
 * row on the activation edge in W4A4, one per column on the weight edge) and one multiply per cell per cycle, as
 * the family's timing ({@link OvpFamily#DECODER_STAGES}: one edge stage). Buffers hold one pair code per word; the
 * decoder decodes it and feeds the even element, then the odd one.
 * <ul>
 *   <li>{@link OvpMode#W4A4}: the cell multiplies the two decoded integers and shifts the product by the summed
 *       shifts into a two's-complement accumulator as wide as {@link OvpW4a4Tile#accumulatorBits} at K = 4096 —
 *       the functional model {@link OvpW4a4Tile#accumulate};</li>
 *   <li>{@link OvpMode#WEIGHT_ONLY}: FP16 activations enter the cell as they are; the cell forms
 *       {@code a · integer · 2^shift} exactly in FP32 ({@link FpIntProduct}) and adds it to an FP32 accumulator,
 *       round to nearest even — {@link OvpWeightOnlyTile#accumulators} (the FP32 pattern read as s32). The
 *       per-channel scale and FP16 output rounding follow the tile in the model and are not in the cell.</li>
 * </ul>
 */
public final class OvpRtl implements PeRtl {
    /** The deepest K the accumulator width is sized for. */
    static final int MAX_TILE_K = 4096;

    private final OvpParams params;
    private final EdgeDecoder weightDecoder;
    /** Null in weight-only mode; the weights' decoder itself when both edges decode one format (one module). */
    private final EdgeDecoder activationDecoder;

    public OvpRtl(OvpParams params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
        this.weightDecoder = OvpEdgeDecoder.of(params.weightNormal());
        this.activationDecoder = params.mode() == OvpMode.WEIGHT_ONLY ? null
                : params.activationNormal() == params.weightNormal() ? weightDecoder
                : OvpEdgeDecoder.of(params.activationNormal());
    }

    public OvpParams params() {
        return params;
    }

    private boolean weightOnly() {
        return params.mode() == OvpMode.WEIGHT_ONLY;
    }

    @Override
    public String familyId() {
        return "ovp";
    }

    @Override
    public String modeName() {
        String w = OvpDotRtl.tag(params.weightNormal());
        return weightOnly() ? "wo_" + w : "a" + OvpDotRtl.tag(params.activationNormal()) + "_w" + w;
    }

    @Override
    public CellTiming timing() {
        return new CellTiming(1, 1, 1, 1, OvpFamily.DECODER_STAGES);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.of(Dataflow.OS);
    }

    @Override
    public int activationCodeBits() {
        return weightOnly() ? 16 : params.activationBits();
    }

    @Override
    public int weightCodeBits() {
        return params.weightBits();
    }

    @Override
    public int accumulatorBits() {
        return weightOnly() ? 32 : new OvpW4a4Tile(params).accumulatorBits(MAX_TILE_K);
    }

    @Override
    public int maxTileK() {
        return MAX_TILE_K;
    }

    @Override
    public int kMultiple() {
        return 2;
    }

    @Override
    public Optional<EdgeDecoder> activationDecoder() {
        return Optional.ofNullable(activationDecoder);
    }

    @Override
    public Optional<EdgeDecoder> weightDecoder() {
        return Optional.of(weightDecoder);
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("ovp RTL builds the output-stationary cell only, not " + dataflow);
        }
        OvpFormat.Normal w = params.weightNormal();
        ModuleBuilder m = ModuleBuilder.named("ovp_os_" + modeName()).doc("ovp output-stationary cell, "
                + (weightOnly() ? "fp16 activations x decoded " + w.id() + " weights, fp32 accumulate"
                : "decoded " + params.activationNormal().id() + " x " + w.id() + ", multiply and shift"));
        int aBits = weightOnly() ? 16 : OvpEdgeDecoder.operandBits(params.activationNormal());
        Port aIn = m.in("a_in", Shape.u(aBits));
        Port bIn = m.in("b_in", Shape.u(OvpEdgeDecoder.operandBits(w)));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        OvpOperand weight = OvpEdgeDecoder.operand(bIn, w);
        int accBits = accumulatorBits();
        Reg acc = m.reg("acc_q", weightOnly() ? Shape.u(32) : Shape.s(accBits), 0);
        Expr previous = Mux.of(start, Const.of(acc.shape(), 0), acc);
        Expr sum;
        if (weightOnly()) {
            Expr product = FpIntProduct.of(m, "mul", aIn, weight.integer(), weight.exponent(), w.bits());
            sum = FpAdder.add(m, "add", previous, product, FloatLayout.FP32);
        } else {
            OvpOperand activation = OvpEdgeDecoder.operand(aIn, params.activationNormal());
            // the accumulator is at least as wide as any product (see accumulatorBits): a wrapping add, no carry
            sum = previous.plusWrapped(OvpDotRtl.product(activation, weight));
        }
        m.when(en, s -> {
            s.next(acc, sum);
            s.next(aQ, aIn);
            s.next(bQ, bIn);
        });
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        m.drive(m.out("acc_0_0", Shape.s(weightOnly() ? 32 : accBits)), weightOnly() ? acc.asSigned() : acc);
        return m.build();
    }

    @Override
    public long[] activationCodes() {
        return weightOnly() ? finiteFp16() : CodeRange.all(params.activationBits());
    }

    @Override
    public long[] weightCodes() {
        return CodeRange.all(params.weightBits());
    }

    /** Finite FP16 codes (infinities and NaN are the FP blocks' tests; here they would flood the sums). */
    private static long[] finiteFp16() {
        return LongStream.range(0, 1 << 16).filter(c -> {
            FloatParts.Kind kind = FloatParts.of(c, FloatLayout.FP16).kind();
            return kind == FloatParts.Kind.FINITE || kind == FloatParts.Kind.ZERO;
        }).toArray();
    }

    @Override
    public long[] randomActivations(Random rnd, int m, int k) {
        return weightOnly() ? PeRtl.super.randomActivations(rnd, m, k)
                : OvpPairs.random(params.activationNormal(), rnd, m, k);
    }

    @Override
    public long[] randomWeights(Random rnd, int k, int n) {
        // pairs run along K: draw the [N][K] vectors, lay them out K×N
        return OvpPairs.transpose(OvpPairs.random(params.weightNormal(), rnd, n, k), n, k);
    }

    /**
     * Every legal pair code of the operands' formats through the edge decoders. Both sides 4-bit: K = 2, every
     * activation pair against every weight pair. An 8-bit side (65,533 legal pairs, more than a tile's 4096 rows or
     * columns): its pairs 16 to a vector along K (K = 32, 4096 vectors) against the other side's four
     * {@link OvpPairs#extremes} each repeated 16 times. Weight-only: every legal weight pair against eight FP16
     * activations at the format's corners (±1, −1.5, ±max, the smallest subnormal and normal, −0, 0x3555).
     */
    @Override
    public Optional<CodeTile> exhaustiveTile() {
        OvpFormat.Normal w = params.weightNormal();
        boolean wide = w.bits() == 8 || !weightOnly() && params.activationNormal().bits() == 8;
        int perVector = wide ? 16 : 1;
        int k = 2 * perVector;
        long[] a;
        int[] weightPairs;
        if (weightOnly()) {
            weightPairs = OvpPairs.legal(w);
            long[] corners = {0x3C00, 0xBE00, 0x7BFF, 0x0001, 0x8000, 0x3555, 0x0400, 0xFBFF};
            a = new long[corners.length / 2 * k];
            for (int i = 0; i < a.length; i++) {
                a[i] = corners[i / k * 2 + i % 2];
            }
        } else {
            OvpFormat.Normal an = params.activationNormal();
            // the 8-bit side (activations when both are) takes every pair, the other its extremes
            boolean everyActivationPair = an.bits() == 8 || w.bits() == 4;
            weightPairs = everyActivationPair && wide ? OvpPairs.repeated(OvpPairs.extremes(w), perVector)
                    : OvpPairs.legal(w);
            a = OvpPairs.vectors(an, everyActivationPair ? OvpPairs.legal(an)
                    : OvpPairs.repeated(OvpPairs.extremes(an), perVector), perVector);
        }
        long[] bVectors = OvpPairs.vectors(w, weightPairs, perVector);
        int n = bVectors.length / k;
        return Optional.of(new CodeTile("every-pair", a.length / k, k, n, a, OvpPairs.transpose(bVectors, n, k)));
    }

    @Override
    public ReferenceGemm reference() {
        if (weightOnly()) {
            OvpWeightOnlyTile tile = new OvpWeightOnlyTile(params);
            return (a, b, m, k, n) -> {
                long[] c = tile.accumulators(OvpPairs.ints(a), OvpPairs.ints(OvpPairs.transpose(b, k, n)), m, k, n);
                for (int i = 0; i < c.length; i++) {
                    c[i] = (int) c[i]; // the FP32 pattern as the s32 result port reads it
                }
                return c;
            };
        }
        OvpW4a4Tile tile = new OvpW4a4Tile(params);
        return (a, b, m, k, n) -> tile.accumulate(OvpPairs.ints(a), OvpPairs.ints(OvpPairs.transpose(b, k, n)), m, k,
                n);
    }
}
