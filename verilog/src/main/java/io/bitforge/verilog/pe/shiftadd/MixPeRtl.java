package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.shiftadd.MixPeDatapath;
import io.bitforge.pe.shiftadd.MixPeDequantTiming;
import io.bitforge.pe.shiftadd.ShiftAddParams;
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
import io.bitforge.verilog.pe.GroupDequantiser;
import io.bitforge.verilog.pe.GroupScales;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code shift-add} MixPE W4A8 RTL (Zhang et al., arXiv 2411.16158): per cycle one INT8 activation meets
 * f_w = 8 / max(b_w, 4) two's-complement weights (the family's timing, lanes along N); each product is built without
 * a multiplier from shifted copies of the activation, {@code a << i} for every set weight bit below the top and the
 * top bit's copy subtracted ({@link MixPeDatapath#shiftAddProduct}), and summed into the group's integer
 * accumulator of 8 + b_w + ceil(log2 G) bits (the model's bound). With {@code dequant: vector} a tile is one
 * quantisation group (K ≤ G) and its results are the group sums P the dequantisation step consumes; with
 * {@code dequant: edge} the array hands every group sum to per-column dequantisers ({@link #groupDequantiser},
 * {@link MixPeDequantRtl#buildStep}) and its results are the FP32 outputs of {@link MixPeDatapath#w4a8}. The FP16
 * activation variant is {@link MixPeFp16Rtl}.
 */
public record MixPeRtl(ShiftAddParams params) implements PeRtl {
    @Override
    public String familyId() {
        return "shift-add";
    }

    @Override
    public String modeName() {
        return "mixpe_w" + params.weightBits() + "a8_g" + params.groupSize() + (edge() ? "_edge" : "");
    }

    @Override
    public CellTiming timing() {
        // MixPE's (8, 4) unit: f = floor(8 / max(bits, 4)) (ShiftAddFamily, MixPeTables)
        return new CellTiming(1, 1, 8 / Math.max(params.weightBits(), 4), 1);
    }

    @Override
    public Set<Dataflow> dataflows() {
        return EnumSet.of(Dataflow.OS);
    }

    @Override
    public int activationCodeBits() {
        return 8;
    }

    @Override
    public int weightCodeBits() {
        return params.weightBits();
    }

    @Override
    public int accumulatorBits() {
        return 8 + params.weightBits() + Bits.ceilLog2(params.groupSize());
    }

    /** Tiles are one group deep along K, or any number of groups with the edge dequantisers. */
    @Override
    public int maxTileK() {
        return edge() ? PeRtl.super.maxTileK() : params.groupSize();
    }

    /**
     * With {@code dequant: edge}: {@link MixPeDequantRtl#buildStep} per column lane, Σa of the INT8 codes in
     * 8 + ceil(log2 G) bits, zero points of the weight width + 1 bits (an integer zero point of a b-bit grid, as the
     * quantiser rounds it, and the unsigned grids' 2^b − 1).
     */
    @Override
    public Optional<GroupDequantiser> groupDequantiser() {
        if (!edge()) {
            return Optional.empty();
        }
        int asumBits = 8 + Bits.ceilLog2(params.groupSize());
        int zeroBits = params.weightBits() + 1;
        return Optional.of(new GroupDequantiser(MixPeDequantRtl.buildStep(accumulatorBits(), asumBits, zeroBits),
                params.groupSize(), asumBits, zeroBits, false, 1 << (params.weightBits() - 1), this::dequantised));
    }

    /** {@link MixPeDatapath#w4a8} on the tile's codes and metadata, row by row: the FP32 outputs' bit patterns. */
    private long[] dequantised(long[] a, long[] b, GroupScales scales, int m, int k, int n) {
        QuantizedTensor w = GroupTensor.of(params.weightBits(), params.groupSize(), b, scales, k, n, false);
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            int[] activations = new int[k];
            for (int i = 0; i < k; i++) {
                activations[i] = (int) Bits.signExtend(a[row * k + i], 8);
            }
            float[] y = MixPeDatapath.w4a8(activations, w).outputs();
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
        Shape acc = Shape.s(accumulatorBits());
        ModuleBuilder m = ModuleBuilder.named("mixpe_os_" + modeName())
                .doc("MixPE shift-and-add cell: int8 activation x " + lanes + " int" + wb
                        + " weights per cycle, group sums in s" + acc.width());
        Port aIn = m.in("a_in", Shape.u(8));
        Port bIn = m.in("b_in", Shape.u(lanes * wb));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        m.next(aQ, aIn, en);
        m.next(bQ, bIn, en);
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        Expr a = aIn.asSigned();
        for (int lane = 0; lane < lanes; lane++) {
            Expr w = bIn.slice(lane * wb + wb - 1, lane * wb);
            Expr product = null;
            for (int i = 0; i < wb - 1; i++) {
                Expr copy = Mux.of(w.bit(i), a.shl(i), Const.of(Shape.s(8 + i), 0));
                product = product == null ? copy : product.plus(copy);
            }
            Expr top = Mux.of(w.bit(wb - 1), a.shl(wb - 1), Const.of(Shape.s(8 + wb - 1), 0));
            product = product == null ? top.neg() : product.minus(top);
            Reg sum = m.reg("acc_0_" + lane + "_q", acc, 0);
            Expr previous = Mux.of(start, Const.of(acc, 0), sum);
            m.next(sum, previous.plusWrapped(product), en);
            m.drive(m.out("acc_0_" + lane, acc), sum);
        }
        return m.build();
    }

    @Override
    public long[] activationCodes() {
        return CodeRange.all(8);
    }

    @Override
    public long[] weightCodes() {
        return CodeRange.all(params.weightBits());
    }

    @Override
    public ReferenceGemm reference() {
        int wb = params.weightBits();
        int accBits = accumulatorBits();
        return (a, w, m, k, n) -> {
            long[] out = new long[m * n];
            for (int row = 0; row < m; row++) {
                for (int col = 0; col < n; col++) {
                    long sum = 0;
                    for (int i = 0; i < k; i++) {
                        int weight = (int) Bits.signExtend(w[i * n + col], wb);
                        sum += MixPeDatapath.shiftAddProduct(weight, wb, true, Bits.signExtend(a[row * k + i], 8));
                    }
                    out[row * n + col] = Bits.wrap(sum, accBits, true);
                }
            }
            return out;
        };
    }
}
