package io.bitforge.verilog.pe.bitfusion;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.pe.bitfusion.BitFusionParams;
import io.bitforge.pe.bitfusion.FusionUnit;
import io.bitforge.pe.bitfusion.OperandType;
import io.bitforge.verilog.hdl.Const;
import io.bitforge.verilog.hdl.Expr;
import io.bitforge.verilog.hdl.HdlException;
import io.bitforge.verilog.hdl.Instance;
import io.bitforge.verilog.hdl.ModuleBuilder;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.Mux;
import io.bitforge.verilog.hdl.Port;
import io.bitforge.verilog.hdl.Reg;
import io.bitforge.verilog.hdl.Shape;
import io.bitforge.verilog.pe.CodeRange;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.ReferenceGemm;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code bitfusion} RTL: one fusible unit of (8/p)² narrow multipliers ({@link BitBrick}s) configured for the
 * parameters' precision mode, as Bit Fusion's Fusion Unit fuses BitBricks (Sharma et al., ISCA 2018, §III) and ANT's
 * PE fuses 4-bit multipliers (Guo et al., MICRO 2022). Each cycle it takes f(b_a) activations (lanes along M) and
 * f(b_w) weights (lanes along N), f(b) = 8 / max(b, p); every product is cut into p-bit digits (unsigned, the top
 * digit of a signed operand signed), each digit pair goes to its own brick, and the shift-add fusion tree sums
 * {@code brick << p·(i+j)} — every brick busy in every mode. ANT's flint operands pass a {@link FlintDecoder}
 * first and the product is shifted by the summed exponents. Sums accumulate in 32 bits (the artefacts'
 * obuf_bits = 32).
 */
public record BitFusionRtl(BitFusionParams params) implements PeRtl {
    /** Output words of both artefacts (hsharma35/bitfusion simulator.py: obuf_bits = 32). */
    static final int ACCUMULATOR_BITS = 32;

    @Override
    public String familyId() {
        return "bitfusion";
    }

    @Override
    public String modeName() {
        return params.variant().id() + "_a" + params.activationFormat() + "_w" + params.weightFormat();
    }

    @Override
    public CellTiming timing() {
        return new CellTiming(params.variant().operandsPerCycle(params.activationBits()), 1,
                params.variant().operandsPerCycle(params.weightBits()), 1);
    }

    @Override
    public Set<Dataflow> dataflows() {
        // ws and is wrap the output-stationary cell (StationaryCell): its sums are two's complement, so partial sums add
        return EnumSet.allOf(Dataflow.class);
    }

    @Override
    public int activationCodeBits() {
        return params.activationBits();
    }

    @Override
    public int weightCodeBits() {
        return params.weightBits();
    }

    @Override
    public int accumulatorBits() {
        return ACCUMULATOR_BITS;
    }

    @Override
    public ModuleDef cell(Dataflow dataflow) {
        if (dataflow != Dataflow.OS) {
            throw new HdlException("bitfusion RTL builds the output-stationary cell only, not " + dataflow);
        }
        int p = params.variant().minBits();
        CellTiming timing = timing();
        int ba = params.activationBits();
        int bw = params.weightBits();
        ModuleDef brick = BitBrick.build(p);
        ModuleBuilder m = ModuleBuilder.named("bitfusion_os_" + modeName())
                .doc(params.variant().id() + " fusible unit, " + timing.lanesM() + " x " + timing.lanesN() + " "
                        + params.activationFormat() + " x " + params.weightFormat() + " products per cycle on "
                        + (8 / p) * (8 / p) + " " + p + "-bit multipliers");
        Port aIn = m.in("a_in", Shape.u(timing.lanesM() * ba));
        Port bIn = m.in("b_in", Shape.u(timing.lanesN() * bw));
        Port en = m.in("en", Shape.bool());
        Port start = m.in("start", Shape.bool());
        Reg aQ = m.reg("a_q", aIn.shape(), 0);
        Reg bQ = m.reg("b_q", bIn.shape(), 0);
        m.next(aQ, aIn, en);
        m.next(bQ, bIn, en);
        m.drive(m.out("a_out", aIn.shape()), aQ);
        m.drive(m.out("b_out", bIn.shape()), bQ);
        Operand[] acts = new Operand[timing.lanesM()];
        for (int lane = 0; lane < acts.length; lane++) {
            acts[lane] = decode(aIn.slice(lane * ba + ba - 1, lane * ba), params.activationType(), ba, p);
        }
        Operand[] weights = new Operand[timing.lanesN()];
        for (int lane = 0; lane < weights.length; lane++) {
            weights[lane] = decode(bIn.slice(lane * bw + bw - 1, lane * bw), params.weightType(), bw, p);
        }
        Shape acc = Shape.s(ACCUMULATOR_BITS);
        for (int mm = 0; mm < acts.length; mm++) {
            for (int nn = 0; nn < weights.length; nn++) {
                Expr product = fuse(m, brick, acts[mm], weights[nn], "brick_" + mm + "_" + nn);
                Reg sum = m.reg("acc_" + mm + "_" + nn + "_q", acc, 0);
                Expr previous = Mux.of(start, Const.of(acc, 0), sum);
                m.next(sum, previous.plusWrapped(product), en);
                m.drive(m.out("acc_" + mm + "_" + nn, acc), sum);
            }
        }
        return m.build();
    }

    /** A decoded operand: its p-bit digits as (p+1)-bit signed values, least significant first, and its shift. */
    private record Operand(Expr[] digits, Expr exponent) {
    }

    private static Operand decode(Expr code, OperandType type, int bits, int p) {
        Expr integer;
        Expr exponent = null;
        switch (type) {
            case INT -> integer = code.asSigned();
            case UINT -> integer = code;
            case UFLINT -> {
                FlintDecoder.Decoded d = FlintDecoder.unsigned(code, bits);
                integer = d.integer();
                exponent = d.exponent();
            }
            case FLINT -> {
                // sign bit and an (n-1)-bit unsigned flint magnitude
                FlintDecoder.Decoded d = FlintDecoder.unsigned(code.slice(bits - 2, 0), bits - 1);
                Expr magnitude = d.integer();
                integer = Mux.of(code.bit(bits - 1), magnitude.neg(), magnitude).resize(Shape.s(bits));
                exponent = d.exponent();
            }
            default -> throw new IllegalStateException("operand type " + type);
        }
        int count = (integer.width() + p - 1) / p;
        Expr extended = integer.resize(new Shape(count * p, integer.shape().signed()));
        Expr[] digits = new Expr[count];
        for (int i = 0; i < count; i++) {
            Expr digit = extended.slice(p * i + p - 1, p * i);
            boolean signedTop = integer.shape().signed() && i == count - 1;
            digits[i] = signedTop ? digit.asSigned().resize(Shape.s(p + 1)) : digit.resize(Shape.u(p + 1)).asSigned();
        }
        return new Operand(digits, exponent);
    }

    /** The fusion tree: Σ brick(a_i, w_j) << p·(i+j), then the flint exponents' shift. */
    private static Expr fuse(ModuleBuilder m, ModuleDef brick, Operand a, Operand w, String prefix) {
        int p = (brick.port("x").shape().width()) - 1;
        Expr sum = null;
        for (int i = 0; i < a.digits().length; i++) {
            for (int j = 0; j < w.digits().length; j++) {
                Instance b = m.instance(prefix + "_" + i + "_" + j, brick);
                b.connect("x", a.digits()[i]).connect("y", w.digits()[j]);
                Expr shifted = b.out("p").shl(p * (i + j));
                sum = sum == null ? shifted : sum.plus(shifted);
            }
        }
        Expr shift = a.exponent() == null ? w.exponent()
                : w.exponent() == null ? a.exponent() : a.exponent().plus(w.exponent());
        return shift == null ? sum : sum.shl(shift);
    }

    @Override
    public long[] activationCodes() {
        return CodeRange.all(params.activationBits());
    }

    @Override
    public long[] weightCodes() {
        return CodeRange.all(params.weightBits());
    }

    @Override
    public ReferenceGemm reference() {
        FusionUnit unit = new FusionUnit(params);
        return (a, w, m, k, n) -> unit.gemm(toInts(a), toInts(w), m, k, n);
    }

    private static int[] toInts(long[] codes) {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = Math.toIntExact(codes[i]);
        }
        return out;
    }
}
