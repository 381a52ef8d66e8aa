package io.bitforge.verilog.pe.bitserial;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.arith.FloatLayout;
import io.bitforge.core.arith.FloatParts;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.arith.Rounding;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.pe.bitserial.BitSerialDequant;
import io.bitforge.pe.bitserial.BitSerialParams;
import io.bitforge.pe.bitserial.BitSerialPe;
import io.bitforge.pe.bitserial.UnifiedTerms;
import io.bitforge.verilog.hdl.Concat;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.Memory;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.hdl.Wire;
import io.bitforge.verilog.pe.CodeRange;
import io.bitforge.verilog.pe.CodeTile;
import io.bitforge.verilog.pe.GroupDequantiser;
import io.bitforge.verilog.pe.GroupScales;
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
 * {@code bit-serial} BitMoD term-engine RTL with FP16 or integer activations (Chen et al., HPCA 2025; cycle rule
 * yc2367/BitMoD-HPCA-25 {@code pe_array.py}): a {@code lanes}-wide dot-product cell; a step holds one weight per
 * lane for ⌈⌊w⌋/2⌉ cycles, and in cycle c of the step every lane adds {@code a · digit · 4^position} for its
 * weight's c-th unified term (DESIGN's bit-serial convention: two weight bits, one radix-4 digit, per cycle). The
 * per-group data type (a BitMoD mixture's choice) rides beside each weight code as {@code choice << w | code} and
 * selects the term decoder. FP16 activations are aligned in the cell to signed integers in units of 2^-24
 * ({@link #align}), so the sums stay exact as {@code BitSerialPe}'s partial sums. Sums are in the type's integer grid
 * units (value · 2^unitShift; with FP16 activations also · 2^24) in 32 bits (64 with FP16): the per-group partial
 * sums BitMoD's dequantiser consumes; a tile is one group along K. With {@code dequant: edge} the array hands each
 * column's group partial sums to a per-column dequantiser at its bottom edge ({@link #groupDequantiser}:
 * {@link BitModDequantRtl#buildStep}, the FP16 scale and the group type's unit shift from a metadata block RAM per
 * column) and its results are {@link BitSerialPe#dot}'s FP32 outputs, for tiles of any number of groups.
 */
public record BitModRtl(BitSerialParams params) implements PeRtl {
    static final int ACCUMULATOR_BITS = TermReference.ACCUMULATOR_BITS;
    /**
     * With FP16 activations: aligned activations are integers in units of 2^-24 below 2^40, terms small multiples of
     * a power of two, so a group of 128 stays under 2^52 (BitSerialPe's bound); 64 bits leave room for any group.
     */
    static final int FP16_ACCUMULATOR_BITS = TermReference.FP16_ACCUMULATOR_BITS;
    /** FP16 activations at the format's corners (±0, subnormals, ±1, ±max, …) for the every-weight tile. */
    private static final long[] FP16_CORNERS = {0x0000, 0x8000, 0x0001, 0x8001, 0x03FF, 0x0400, 0x3C00, 0xBC00,
        0x3555, 0xC248, 0x5BFF, 0x7BFF, 0xFBFF, 0x7800, 0x1400, 0x9E66};

    private boolean fp16() {
        return params.activationFormat().equals("fp16");
    }

    private List<UnifiedTerms> decoders() {
        return UnifiedTerms.forFormat(NumberFormats.parse(params.weightFormat()));
    }

    private int codeBits() {
        return NumberFormats.parse(params.weightFormat()).bits();
    }

    private int choiceBits() {
        NumberFormat f = NumberFormats.parse(params.weightFormat());
        return f instanceof BitmodMixture m ? m.selectorBits() : 0;
    }

    private IntFormat activations() {
        return (IntFormat) NumberFormats.parse(params.activationFormat());
    }

    @Override
    public String familyId() {
        return "bit-serial";
    }

    @Override
    public String modeName() {
        return "bitmod_" + params.weightFormat().replace('-', '_').replace('+', 'p') + "_" + params.activationFormat()
                + "_l" + params.lanes() + (edge() ? "_g" + params.groupSize() + "_edge" : "");
    }

    private boolean edge() {
        return params.dequant() == BitSerialDequant.EDGE;
    }

    @Override
    public CellTiming timing() {
        return new CellTiming(1, params.lanes(), 1, UnifiedTerms.cyclesPerWeight(codeBits()));
    }

    @Override
    public Set<Dataflow> dataflows() {
        // ws and is wrap the output-stationary cell (StationaryCell): its sums are two's complement, so partial sums
        // add; the edge dequantisers take the group sums out of an output-stationary array
        return edge() ? EnumSet.of(Dataflow.OS) : EnumSet.allOf(Dataflow.class);
    }

    @Override
    public int activationCodeBits() {
        return fp16() ? 16 : activations().bits();
    }

    @Override
    public int weightCodeBits() {
        return codeBits() + choiceBits();
    }

    @Override
    public int accumulatorBits() {
        return fp16() ? FP16_ACCUMULATOR_BITS : ACCUMULATOR_BITS;
    }

    /** Tiles are one group deep along K, or any number of groups with the edge dequantisers. */
    @Override
    public int maxTileK() {
        return edge() ? PeRtl.super.maxTileK() : params.groupSize();
    }

    /**
     * With {@code dequant: edge}: {@link BitModDequantRtl#buildStep} per column on the cell's accumulator (units of
     * 2^-(24 + u) with FP16 activations, 2^-u with integer ones), no Σa (BitMoD's codes are symmetric), the metadata
     * word {unit shift u3, FP16 scale}.
     */
    @Override
    public Optional<GroupDequantiser> groupDequantiser() {
        if (!edge()) {
            return Optional.empty();
        }
        int maxShift = decoders().stream().mapToInt(UnifiedTerms::unitShift).max().orElse(0);
        if (maxShift > 7 || params.groupSize() % params.lanes() != 0) {
            throw new BadInputException("hardware.pe.params: bit-serial edge dequantisers take grids of unit shift "
                    + "<= 7 and groupSize a multiple of lanes; got " + params.weightFormat() + " (unit shift "
                    + maxShift + "), groupSize " + params.groupSize() + ", lanes " + params.lanes());
        }
        return Optional.of(new GroupDequantiser(BitModDequantRtl.buildStep(accumulatorBits(), fp16() ? 24 : 0),
                params.groupSize(), 0, 3, false, 0, this::dequantised, this::metadata));
    }

    /** Per group and column: the unit shift of the group's type (the weights' choice) and a seeded FP16 scale. */
    private GroupScales metadata(Random rnd, long[] b, int k, int n) {
        int g = params.groupSize();
        int groups = (k + g - 1) / g;
        List<UnifiedTerms> decoders = decoders();
        long[] shifts = new long[groups * n];
        long[] scales = new long[groups * n];
        for (int group = 0; group < groups; group++) {
            for (int col = 0; col < n; col++) {
                int choice = (int) (b[group * g * n + col] >>> codeBits());
                shifts[group * n + col] = decoders.get(choice).unitShift();
                scales[group * n + col] = GroupDequantiser.randomScale(rnd);
            }
        }
        return new GroupScales(groups, n, shifts, scales);
    }

    /**
     * {@link BitSerialPe#dot} on the tile's codes and metadata, row by row: the FP32 outputs' bit patterns. Integer
     * activations enter as the FP16 codes of their values (exact: at most 11 bits), as they ride in the FP16 lanes.
     */
    private long[] dequantised(long[] a, long[] b, GroupScales scales, int m, int k, int n) {
        int g = params.groupSize();
        int groups = scales.groups();
        int codeBits = codeBits();
        short[] codes = new short[n * k];
        double[] scale = new double[n * groups];
        byte[] choices = new byte[choiceBits() > 0 ? n * groups : 0];
        for (int col = 0; col < n; col++) {
            for (int i = 0; i < k; i++) {
                codes[col * k + i] = (short) (b[i * n + col] & Bits.mask(codeBits));
            }
            for (int group = 0; group < groups; group++) {
                scale[col * groups + group] = NumberFormats.FP16.decode((int) scales.scale(group, col));
                if (choices.length > 0) {
                    choices[col * groups + group] = (byte) (b[group * g * n + col] >>> codeBits);
                }
            }
        }
        QuantizedTensor w = new QuantizedTensor(NumberFormats.parse(params.weightFormat()),
                new GroupLayout(Granularity.GROUP, n, k, g), codes, scale, new double[0], choices, 0,
                Rounding.HALF_EVEN);
        BitSerialPe pe = new BitSerialPe(params.lanes());
        long[] out = new long[m * n];
        for (int row = 0; row < m; row++) {
            int[] activations = new int[k];
            for (int i = 0; i < k; i++) {
                long code = a[row * k + i];
                activations[i] = fp16() ? (int) code : (int) NumberFormats.FP16.encode(activations().decode((int) code));
            }
            for (int col = 0; col < n; col++) {
                out[row * n + col] = Integer.toUnsignedLong(Float.floatToRawIntBits(pe.dot(w, col, activations)
                        .value()));
            }
        }
        return out;
    }

    /**
     * With the edge dequantisers a BitMoD mixture's group takes one type: per group and column one seeded choice,
     * each weight a seeded code of that type; otherwise each key drawn from {@link #weightCodes}.
     */
    @Override
    public long[] randomWeights(Random rnd, int k, int n) {
        List<UnifiedTerms> decoders = decoders();
        if (!edge() || decoders.size() == 1) {
            return PeRtl.super.randomWeights(rnd, k, n);
        }
        int g = params.groupSize();
        int codeBits = codeBits();
        long[] b = new long[k * n];
        for (int group = 0; group * g < k; group++) {
            for (int col = 0; col < n; col++) {
                int choice = rnd.nextInt(decoders.size());
                List<Integer> valid = new ArrayList<>();
                for (int code = 0; code < 1 << codeBits; code++) {
                    if (TermTable.valid(decoders.get(choice), code)) {
                        valid.add(code);
                    }
                }
                for (int i = group * g; i < Math.min(k, (group + 1) * g); i++) {
                    b[i * n + col] = (long) choice << codeBits | valid.get(rnd.nextInt(valid.size()));
                }
            }
        }
        return b;
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("bit-serial RTL builds the output-stationary cell only, not " + dataflow);
        }
        int lanes = params.lanes();
        int ab = activationCodeBits();
        int wb = weightCodeBits();
        int cycles = timing().cyclesPerStep();
        TermTable table = TermTable.of(decoders(), codeBits(), cycles);
        boolean signedActivations = fp16() || activations().encoding() == IntFormat.Encoding.TWOS_COMPLEMENT;
        int accBits = accumulatorBits();
        Shape acc = Shape.s(accBits);
        ModuleBuilder m = ModuleBuilder.named("bitmod_os_" + modeName())
                .doc("BitMoD term engine: " + lanes + " lanes of " + params.activationFormat() + " x "
                        + params.weightFormat() + ", one radix-4 term per lane per cycle, " + cycles
                        + " cycles per step");
        Port aIn = m.in("a_in", Shape.u(lanes * ab));
        Port bIn = m.in("b_in", Shape.u(lanes * wb));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Port phase = cycles > 1 ? m.in("phase", Shape.u(Math.max(1, Bits.unsignedWidthOf(cycles - 1)))) : null;
        Expr lastPhase = phase == null ? en : en.and(phase.eq(cycles - 1));
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        m.next(aQ, aIn, lastPhase);
        m.next(bQ, bIn, lastPhase);
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        // the term decoder as a small ROM (read combinationally): address {phase, choice, code}, word {digit, shift}
        int shiftBits = Math.max(1, Bits.unsignedWidthOf(table.maxShift()));
        int keyBits = wb;
        int phaseBits = phase == null ? 0 : phase.width();
        List<Long> words = new ArrayList<>();
        for (int c = 0; c < 1 << phaseBits; c++) {
            for (int key = 0; key < 1 << keyBits; key++) {
                boolean present = c < cycles && key < table.digits().length;
                long d = present ? table.digits()[key][c] : 0;
                long sh = present ? table.shifts()[key][c] : 0;
                words.add((Bits.truncate(d, 3) << shiftBits) | sh);
            }
        }
        Memory rom = m.memory("terms", Shape.u(3 + shiftBits), words.size(), words, ReadUnderWrite.READ_FIRST);
        Expr stepSum = null;
        for (int lane = 0; lane < lanes; lane++) {
            Expr code = aIn.slice(lane * ab + ab - 1, lane * ab);
            Expr a = fp16() ? align(m, "align_" + lane, code) : signedActivations ? code.asSigned()
                    : code.resize(Shape.u(ab + 1)).asSigned();
            Expr key = bIn.slice(lane * wb + wb - 1, lane * wb);
            Expr address = phase == null ? key : Concat.of(List.of(phase, key));
            Expr word = m.readAsync(rom, "term_" + lane, address.resize(Shape.u(rom.addressWidth())));
            Expr digit = word.slice(shiftBits + 2, shiftBits).asSigned();
            Expr shift = word.slice(shiftBits - 1, 0);
            // |digit| = 2 doubles the activation; a negative digit subtracts; digit 0 adds nothing
            Expr magnitude = Mux.of(digit.eq(2).or(digit.eq(-2)), a.shl(1), a);
            Expr signedTerm = Mux.of(digit.lt(Const.of(Shape.s(3), 0)), magnitude.neg(),
                    Mux.of(digit.eq(0), Const.of(Shape.s(1), 0), magnitude));
            Expr contribution = signedTerm.shl(shift);
            stepSum = stepSum == null ? contribution : stepSum.plus(contribution);
        }
        Reg sum = m.reg("acc_q", acc, 0);
        Expr previous = Mux.of(start, Const.of(acc, 0), sum);
        m.next(sum, previous.plusWrapped(stepSum.resize(stepSum.width() > accBits ? acc
                : stepSum.shape())), en);
        m.drive(m.out("acc_0_0", acc), sum);
        return m.build();
    }

    /**
     * BitMoD's activation alignment: an FP16 code as a signed integer in units of 2^-24 (exact, FP16's smallest
     * subnormal): the significand (hidden bit set for a normal number) shifted left by the biased exponent − 1
     * (0 for a subnormal), negated for a negative sign. Finite codes only (the tiles hold no infinities or NaN).
     */
    static Expr align(ModuleBuilder m, String name, Expr fp16) {
        Expr exponent = fp16.slice(14, 10);
        Expr normal = exponent.ne(0);
        Expr significand = Concat.of(List.of(normal, fp16.slice(9, 0)));
        // exponent − 1 as exponent + 31 in 5 bits (no borrow bit to leave unread)
        Expr shift = Mux.of(normal, exponent.plusWrapped(Const.of(Shape.u(5), 31)), Const.of(Shape.u(5), 0));
        Wire magnitude = m.wire(name + "_mag", Shape.u(significand.width() + 31));
        m.drive(magnitude, significand.shl(shift));
        Expr positive = magnitude.resize(Shape.s(magnitude.width() + 1));
        Wire aligned = m.wire(name, positive.shape());
        m.drive(aligned, Mux.of(fp16.bit(15), positive.not().plusWrapped(Const.of(positive.shape(), 1)), positive));
        return aligned;
    }

    @Override
    public long[] activationCodes() {
        if (fp16()) {
            return LongStream.range(0, 1 << 16).filter(c -> {
                FloatParts.Kind kind = FloatParts.of(c, FloatLayout.FP16).kind();
                return kind == FloatParts.Kind.FINITE || kind == FloatParts.Kind.ZERO;
            }).toArray();
        }
        return CodeRange.all(activationCodeBits());
    }

    /**
     * Integer activations: the default (every activation code × every weight key when both fit 8 bits). FP16: K = 1,
     * sixteen FP16 corner values against every (choice, code) key.
     */
    @Override
    public Optional<CodeTile> exhaustiveTile() {
        if (!fp16()) {
            return PeRtl.super.exhaustiveTile();
        }
        long[] b = weightCodes();
        return Optional.of(new CodeTile("every-weight", FP16_CORNERS.length, 1, b.length, FP16_CORNERS.clone(), b));
    }

    /** Every valid (choice, code) key. */
    @Override
    public long[] weightCodes() {
        List<UnifiedTerms> decoders = decoders();
        int codeBits = codeBits();
        List<Long> keys = new ArrayList<>();
        for (int choice = 0; choice < decoders.size(); choice++) {
            for (int code = 0; code < 1 << codeBits; code++) {
                if (TermTable.valid(decoders.get(choice), code)) {
                    keys.add((long) choice << codeBits | code);
                }
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    /** Σ_k a_k · (Σ of the weight's unified terms), from pe-models' decoder, wrapped to the accumulator. */
    @Override
    public ReferenceGemm reference() {
        return TermReference.of(params);
    }
}
