package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.arith.FloatParts;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.pe.shiftadd.MixPeDatapath;
import io.bitforge.pe.shiftadd.MixPeDequantTiming;
import io.bitforge.pe.shiftadd.ShiftAddParams;
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
import io.bitforge.verilog.pe.GroupDequantiser;
import io.bitforge.verilog.pe.GroupScales;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * {@code shift-add} MixPE W4A16 RTL (Zhang et al., arXiv 2411.16158): per cycle one FP16 activation meets
 * f_w = 16 / max(b_w, 8) two's-complement weights (MixPE's (16, 8) unit, the family's timing, lanes along N). The
 * weight's shifted copies of the activation are exponent increments whose sum is exact in FP32
 * ({@link FpIntProduct}: significand × weight, exponent kept), so each lane adds one exact product to its FP32 group
 * accumulator, round to nearest even, from +0, in k order — the group sums of {@link MixPeDatapath#w4a16} (the FP32
 * pattern on the s32 result ports). A tile is one quantisation group (K ≤ G); the dequantisation
 * y = Σ s·(P − z·Σa) that consumes the group sums runs on the vector unit in the engine and is not in this RTL.
 */
public record MixPeFp16Rtl(ShiftAddParams params) implements PeRtl {
    /** FP16 activations at the format's corners for the every-weight-code tile. */
    private static final long[] CORNERS = {0x0000, 0x8000, 0x0001, 0x8001, 0x03FF, 0x0400, 0x3C00, 0xBC00, 0x3555,
        0xC248, 0x5BFF, 0x7BFF, 0xFBFF, 0x7800, 0x1400, 0x9E66};

    @Override
    public String familyId() {
        return "shift-add";
    }

    @Override
    public String modeName() {
        return "mixpe_w" + params.weightBits() + "a16_g" + params.groupSize() + (edge() ? "_edge" : "");
    }

    @Override
    public CellTiming timing() {
        // MixPE's (16, 8) unit: f = floor(16 / max(bits, 8)) (ShiftAddFamily, MixPeTables)
        return new CellTiming(1, 1, 16 / Math.max(params.weightBits(), 8), 1);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.of(Dataflow.OS);
    }

    @Override
    public int activationCodeBits() {
        return 16;
    }

    @Override
    public int weightCodeBits() {
        return params.weightBits();
    }

    @Override
    public int accumulatorBits() {
        return 32;
    }

    /** Tiles are one group deep along K, or any number of groups with the edge dequantisers. */
    @Override
    public int maxTileK() {
        return edge() ? PeRtl.super.maxTileK() : params.groupSize();
    }

    /**
     * With {@code dequant: edge}: {@link MixPeDequantRtl#buildFp32Step} per column lane, Σa in FP32 from +0 in k
     * order, zero points as FP32 codes of integers of the weight grid (and one past it).
     */
    @Override
    public Optional<GroupDequantiser> groupDequantiser() {
        if (!edge()) {
            return Optional.empty();
        }
        return Optional.of(new GroupDequantiser(MixPeDequantRtl.buildFp32Step(), params.groupSize(), 32, 32, true,
                1 << (params.weightBits() - 1), this::dequantised));
    }

    /** {@link MixPeDatapath#w4a16} on the tile's codes and metadata, row by row: the FP32 outputs' bit patterns. */
    private long[] dequantised(long[] a, long[] b, GroupScales scales, int m, int k, int n) {
        QuantizedTensor w = GroupTensor.of(params.weightBits(), params.groupSize(), b, scales, k, n, true);
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            float[] activations = new float[k];
            for (int i = 0; i < k; i++) {
                activations[i] = (float) NumberFormats.FP16.decode((int) a[row * k + i]);
            }
            float[] y = MixPeDatapath.w4a16(activations, w).outputs();
            for (int col = 0; col < n; col++) {
                out[row * n + col] = Integer.toUnsignedLong(Float.floatToRawIntBits(y[col]));
            }
        }
        return out;
    }

    private boolean edge() {
        return params.dequant() == MixPeDequantTiming.EDGE;
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("shift-add RTL builds the output-stationary cell only, not " + dataflow);
        }
        int wb = params.weightBits();
        int lanes = timing().lanesN();
        ModuleBuilder m = ModuleBuilder.named("mixpe_os_" + modeName())
                .doc("MixPE W" + wb + "A16 cell: fp16 activation x " + lanes + " int" + wb
                        + " weights per cycle, exponent-shift products, fp32 group sums");
        Port aIn = m.in("a_in", Shape.u(16));
        Port bIn = m.in("b_in", Shape.u(lanes * wb));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        m.next(aQ, aIn, en);
        m.next(bQ, bIn, en);
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        Expr zero = Const.of(Shape.u(32), 0);
        for (int lane = 0; lane < lanes; lane++) {
            Expr w = bIn.slice(lane * wb + wb - 1, lane * wb).asSigned().resize(Shape.s(wb + 1));
            Expr product = FpIntProduct.of(m, "prod" + lane, aIn, w, Const.of(Shape.u(1), 0), wb);
            Reg sum = m.reg("acc_0_" + lane + "_q", Shape.u(32), 0);
            Expr next = FpAdder.add(m, "add" + lane, Mux.of(start, zero, sum), product, FloatLayout.FP32);
            m.next(sum, next, en);
            m.drive(m.out("acc_0_" + lane, Shape.s(32)), sum.asSigned());
        }
        return m.build();
    }

    /** Finite FP16 codes (infinities and NaN are the FP blocks' tests; here they would flood the sums). */
    @Override
    public long[] activationCodes() {
        return LongStream.range(0, 1 << 16).filter(c -> {
            FloatParts.Kind kind = FloatParts.of(c, FloatLayout.FP16).kind();
            return kind == FloatParts.Kind.FINITE || kind == FloatParts.Kind.ZERO;
        }).toArray();
    }

    @Override
    public long[] weightCodes() {
        return CodeRange.all(params.weightBits());
    }

    /** K = 1: sixteen FP16 corner values (±0, subnormals, ±1, ±max, …) against every weight code. */
    @Override
    public Optional<CodeTile> exhaustiveTile() {
        long[] b = weightCodes();
        return Optional.of(new CodeTile("every-weight", CORNERS.length, 1, b.length, CORNERS.clone(), b));
    }

    /**
     * The model's group sums: each product {@link MixPeDatapath#shiftAddProduct} (FP16 activation, two's-complement
     * weight), added in FP32 in k order from +0 — {@link MixPeDatapath#w4a16}'s documented order.
     */
    @Override
    public ReferenceGemm reference() {
        int wb = params.weightBits();
        return (a, w, m, k, n) -> {
            long[] out = new long[m * n];
            for (int row = 0; row < m; row++) {
                for (int col = 0; col < n; col++) {
                    float sum = 0f;
                    for (int i = 0; i < k; i++) {
                        int weight = (int) Bits.signExtend(w[i * n + col], wb);
                        float activation = (float) NumberFormats.FP16.decode((int) a[row * k + i]);
                        sum += MixPeDatapath.shiftAddProduct(weight, wb, true, activation);
                    }
                    out[row * n + col] = Float.floatToRawIntBits(sum);
                }
            }
            return out;
        };
    }
}
