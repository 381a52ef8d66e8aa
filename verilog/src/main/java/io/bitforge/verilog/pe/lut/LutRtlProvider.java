package io.bitforge.verilog.pe.lut;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.lut.LutParams;
import io.bitforge.verilog.array.TileBuffers;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

/**
 * Registers the {@code lut} RTL ({@link LutRtl}): FP16 tables built at the array edge, bit-serial planes (int1..int8
 * or ternary as two passes), the presets' own 2 × 64 × 4 unit through banked operand buffers (a 128-bit activation
 * and a 512-bit (int2, ternary) or 1024-bit (int4) weight word per step, 64 bits a bank). Not in RTL: T-MAC's INT8
 * tables, the ternary 3^g table, tables built inside the units ({@code precompute: array}), and units whose operand
 * words or tables exceed the HDL's 4096-bit values.
 */
public final class LutRtlProvider implements PeRtlProvider {
    /** The widest operand word or table bus: the HDL's widest value ({@link TileBuffers#MAX_WORD_BITS}). */
    private static final int MAX_BITS = TileBuffers.MAX_WORD_BITS;

    @Override
    public String familyId() {
        return "lut";
    }

    @Override
    public PeRtl create(PeParams params) {
        LutParams p = (LutParams) params;
        if (p.int8Tables() || p.base3Table() || p.tableOnArray() || !p.symmetric()) {
            throw new BadInputException("hardware.pe.params: lut has RTL for table fp16, ternaryTable bit-serial, "
                    + "precompute upstream and symmetry symmetric only; got " + p.asMap());
        }
        if (activationWord(p) > MAX_BITS || weightWord(p) > MAX_BITS || tableBits(p) > MAX_BITS) {
            throw new BadInputException("hardware.pe.params: the lut RTL's operand words and tables are at most "
                    + MAX_BITS + " bits; a " + p.tileM() + "x" + p.tileN() + "x" + p.tileK() + " unit needs "
                    + activationWord(p) + "-bit activation words, " + weightWord(p) + "-bit weight words and "
                    + tableBits(p) + "-bit tables (tileM x tileK x 16, tileK x tileN x weightBits and "
                    + "tileM x 2^(tileK-1) x 16 at most " + MAX_BITS + ")");
        }
        return new LutRtl(p);
    }

    private static long activationWord(LutParams p) {
        return (long) p.tileM() * p.tileK() * 16;
    }

    private static long weightWord(LutParams p) {
        return (long) p.tileK() * p.tileN() * p.weightBits();
    }

    private static long tableBits(LutParams p) {
        return (long) p.tileM() * (1 << (p.tileK() - 1)) * 16;
    }
}
