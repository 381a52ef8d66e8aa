package io.bitforge.verilog.pe.lut;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.lut.LutDatapath;
import io.bitforge.pe.lut.LutParams;
import io.bitforge.verilog.gen.fp.FpAdder;
import io.bitforge.verilog.gen.fp.FpConvert;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Wire;
import io.bitforge.verilog.pe.CodeTile;
import io.bitforge.verilog.pe.EdgeDecoder;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * {@code lut} RTL (LUT Tensor Core, Mo et al., arXiv 2408.06003; the unit of Hamerlate/lut_tensor_core
 * {@code fp_lut_array_b_cycle_stage1.sv}) as an array cell: the elongated tile of tileM × tileN outputs over
 * g = tileK activations, FP16 tables, bit-serial weight planes, the functional model
 * {@link LutDatapath#dotFp16}.
 * <ul>
 *   <li><b>Tables.</b> Built at the activation edge ({@link LutTableBuilder}, no pipeline stage), once per row of
 *       the array, and passed from cell to cell along the row in the cells' operand registers (the tables, not the
 *       activations, hop right), so every unit of a row reads the same registered tables;</li>
 *   <li><b>Planes.</b> One weight plane per cycle ({@code phase} = plane b): per output column n the index from bit b
 *       of the g weight codes, bits 1..g−1 XORed with bit 0 (the offline reinterpretation), entry H[idx ≫ 1] of the
 *       row's table, negated when bit 0 is set, ×2^b as an exponent increment, added to the output's FP16 accumulator
 *       in FP32 and rounded to FP16 (round to nearest even, saturating);</li>
 *   <li><b>Offset.</b> In the step's last cycle a second adder adds the group's entry H[0] the same way;</li>
 *   <li><b>Output.</b> {@code acc_M_N} is the FP16 accumulator halved into FP32 (exact), read as s32.</li>
 * </ul>
 * Ternary weights are the 2-bit case (codes 1..3, two passes). A tile's K is padded to a multiple of g with zero
 * activations (code 0) and weight code 0 in the buffers; the reference pads the same way.
 */
public final class LutRtl implements PeRtl {
    private final LutParams params;
    private final EdgeDecoder tables;

    public LutRtl(LutParams params) {
        this.params = params;
        this.tables = LutTableBuilder.of(params.tileK(), params.tileM());
    }

    @Override
    public String familyId() {
        return "lut";
    }

    @Override
    public String modeName() {
        return (params.ternary() ? "ternary" : "int" + params.weightBits()) + "_t" + params.tileM() + "x"
                + params.tileN() + "x" + params.tileK();
    }

    @Override
    public CellTiming timing() {
        return new CellTiming(params.tileM(), params.tileK(), params.tileN(), params.passes());
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

    @Override
    public Optional<EdgeDecoder> activationDecoder() {
        return Optional.of(tables);
    }

    private int entries() {
        return 1 << (params.tileK() - 1);
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("lut RTL builds the output-stationary cell only, not " + dataflow);
        }
        FloatLayout fp16 = FloatLayout.FP16;
        FloatLayout fp32 = FloatLayout.FP32;
        int g = params.tileK();
        int bits = params.weightBits();
        int passes = params.passes();
        int entries = entries();
        ModuleBuilder m = ModuleBuilder.named("lut_os_" + modeName())
                .doc("lut output-stationary cell: " + params.tileM() + "x" + params.tileN() + " outputs over g = " + g
                        + ", fp16 tables from the row, " + passes + " weight planes, fp16 accumulators");
        Port aIn = m.in("a_in", Shape.u(tables.operandBits()));
        Port bIn = m.in("b_in", Shape.u(g * params.tileN() * bits));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Port phase = passes > 1 ? m.in("phase", Shape.u(Math.max(1, Bits.unsignedWidthOf(passes - 1)))) : null;
        Expr lastPhase = phase == null ? Const.of(Shape.bool(), 1) : phase.eq(passes - 1);
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        m.when(en.and(lastPhase), s -> {
            s.next(aQ, aIn);
            s.next(bQ, bIn);
        });
        // per output column: the plane's reinterpreted index (shared by the tileM rows)
        List<Expr> flips = new ArrayList<>();
        List<Expr> uppers = new ArrayList<>();
        for (int n = 0; n < params.tileN(); n++) {
            List<Expr> indexBits = new ArrayList<>();
            for (int j = g - 1; j >= 0; j--) {
                int lo = (j * params.tileN() + n) * bits;
                Expr code = bIn.slice(lo + bits - 1, lo);
                indexBits.add(phase == null ? code.bit(0) : code.shr(phase).bit(0));
            }
            Expr index = wire(m, "index_" + n, Concat.of(indexBits));
            Expr flip = index.bit(0);
            flips.add(flip);
            uppers.add(wire(m, "upper_" + n, index.slice(g - 1, 1).xor(Mux.of(flip,
                    Const.of(Shape.u(g - 1), (1L << (g - 1)) - 1), Const.of(Shape.u(g - 1), 0)))));
        }
        for (int row = 0; row < params.tileM(); row++) {
            List<Expr> table = new ArrayList<>();
            for (int h = 0; h < entries; h++) {
                int lo = (row * entries + h) * 16;
                table.add(aIn.slice(lo + 15, lo));
            }
            Expr offset = FpConvert.convert(m, "h0_" + row, table.get(0), fp16, fp32, false);
            for (int n = 0; n < params.tileN(); n++) {
                String tag = row + "_" + n;
                Expr selected = table.get(entries - 1);
                for (int h = entries - 2; h >= 0; h--) {
                    selected = Mux.of(uppers.get(n).eq(Const.of(Shape.u(g - 1), h)), table.get(h), selected);
                }
                Expr looked = FpConvert.convert(m, "lw_" + tag, wire(m, "looked_" + tag, selected), fp16, fp32,
                        false);
                Expr scaled = wire(m, "scaled_" + tag, scaled(looked, flips.get(n), phase));
                Reg acc = m.reg("acc_" + tag + "_q", Shape.u(16), 0);
                // a fold's first cycle adds to +0, as the functional model's accumulator starts
                Expr previous = Mux.of(start, Const.of(Shape.u(32), 0),
                        FpConvert.convert(m, "accw_" + tag, acc, fp16, fp32, false));
                Expr plane = FpConvert.convert(m, "pl_" + tag, FpAdder.add(m, "padd_" + tag, previous, scaled, fp32),
                        fp32, fp16, true);
                Expr withOffset = FpConvert.convert(m, "of_" + tag, FpAdder.add(m, "oadd_" + tag,
                        FpConvert.convert(m, "plw_" + tag, plane, fp16, fp32, false), offset, fp32), fp32, fp16, true);
                m.when(en, s -> s.next(acc, Mux.of(lastPhase, withOffset, plane)));
                m.drive(m.out("acc_" + tag, Shape.s(32)), halved(m, tag, acc).asSigned());
            }
        }
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        return m.build();
    }

    /** ±entry × 2^plane: the sign flipped when the index's bit 0 is set, the exponent raised unless zero or NaN. */
    private static Expr scaled(Expr looked, Expr flip, Expr plane) {
        Expr exponent = looked.slice(30, 23);
        Expr keep = exponent.eq(Const.of(Shape.u(8), 0)).or(exponent.eq(Const.of(Shape.u(8), 255)));
        Expr raised = plane == null ? exponent : Mux.of(keep, exponent, exponent.plus(plane).truncate(8).asUnsigned());
        return Concat.of(List.of(looked.bit(31).xor(flip), raised, looked.slice(22, 0)));
    }

    /** The FP16 accumulator × 0.5 in FP32: exact (an exponent decrement; zeros and NaN unchanged). */
    private static Expr halved(ModuleBuilder m, String tag, Reg acc) {
        Expr wide = FpConvert.convert(m, "out_" + tag, acc, FloatLayout.FP16, FloatLayout.FP32, false);
        Expr exponent = wide.slice(30, 23);
        Expr keep = exponent.eq(Const.of(Shape.u(8), 0)).or(exponent.eq(Const.of(Shape.u(8), 255)));
        return Concat.of(List.of(wide.bit(31), Mux.of(keep, exponent, exponent.minus(1).truncate(8).asUnsigned()),
                wide.slice(22, 0)));
    }

    /** Finite FP16 codes. */
    @Override
    public long[] activationCodes() {
        return LongStream.range(0, 1 << 16).filter(c -> (c & 0x7C00) != 0x7C00).toArray();
    }

    /** Unsigned-offset codes u = w + 2^(bits−1); ternary {−1, 0, +1} are codes 1..3. */
    @Override
    public long[] weightCodes() {
        return params.ternary() ? new long[] {1, 2, 3} : LongStream.range(0, 1L << params.weightBits()).toArray();
    }

    /** FP16 activations of mixed magnitudes (Gaussian × 2^−10 … 2^5) and some zeros, so sums rarely saturate. */
    @Override
    public long[] randomActivations(Random rnd, int m, int k) {
        long[] codes = new long[m * k];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = rnd.nextInt(16) == 0 ? 0
                    : NumberFormats.FP16.encode(rnd.nextGaussian() * Math.scalb(1.0, rnd.nextInt(16) - 10));
        }
        return codes;
    }

    /**
     * {@code every-index}: K = g, eight activation vectors at FP16's corners (zeros, ±1..4, the smallest
     * subnormal, ±max so tables saturate, cancelling magnitudes), against every weight group when there are at most
     * 81 (ternary), else 2·2^g groups in which every plane takes every table index: column c &lt; 2^g gives every plane
     * index c, column 2^g + c gives the even planes index c and the odd planes its complement.
     */
    @Override
    public Optional<CodeTile> exhaustiveTile() {
        int g = params.tileK();
        long[] codes = weightCodes();
        long groups = 1;
        for (int j = 0; j < g; j++) {
            groups *= codes.length;
        }
        boolean every = groups <= 81;
        int n = every ? (int) groups : 2 << g;
        long[] b = new long[g * n];
        for (int c = 0; c < n; c++) {
            for (int j = 0; j < g; j++) {
                long code = 0;
                if (every) {
                    long rest = c;
                    for (int q = 0; q < j; q++) {
                        rest /= codes.length;
                    }
                    code = codes[(int) (rest % codes.length)];
                } else {
                    int index = c & ((1 << g) - 1);
                    for (int plane = 0; plane < params.weightBits(); plane++) {
                        int planeIndex = c >= 1 << g && plane % 2 == 1 ? ~index : index;
                        code |= (long) ((planeIndex >>> j) & 1) << plane;
                    }
                }
                b[j * n + c] = code;
            }
        }
        double[][] rows = {
                {1, 2, 3, 4}, {0, 0, 0, 0}, {-1, 0.5, -0.25, 3}, {0x1p-24, -0x1p-24, 0x1p-14, 0},
                {65504, 65504, -65504, 1}, {1024, -0.0009765625, 1, -1024}, {-0.0, 0.0, -0.0, -3}, {7, -7, 7.5, 0.1}};
        long[] a = new long[rows.length * g];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < g; j++) {
                a[r * g + j] = NumberFormats.FP16.encode(rows[r][j % 4]);
            }
        }
        return Optional.of(new CodeTile("every-index", rows.length, g, n, a, b));
    }

    /**
     * {@link LutDatapath#dotFp16} per output on the codes, K padded to a multiple of g as the buffers pad it; the
     * FP32 pattern as the s32 result port reads it.
     */
    @Override
    public ReferenceGemm reference() {
        int g = params.tileK();
        int bits = params.weightBits();
        return (a, b, m, k, n) -> {
            int padded = (k + g - 1) / g * g;
            long[] c = new long[m * n];
            for (int i = 0; i < m; i++) {
                float[] row = new float[padded];
                for (int q = 0; q < k; q++) {
                    row[q] = (float) NumberFormats.FP16.decode((int) a[i * k + q]);
                }
                for (int j = 0; j < n; j++) {
                    int[] u = new int[padded];
                    for (int q = 0; q < k; q++) {
                        u[q] = (int) b[q * n + j];
                    }
                    c[i * n + j] = Float.floatToRawIntBits(LutDatapath.dotFp16(row, u, bits, g));
                }
            }
            return c;
        };
    }

    private static Wire wire(ModuleBuilder m, String name, Expr value) {
        Wire w = m.wire(name, value.shape());
        m.drive(w, value);
        return w;
    }
}
