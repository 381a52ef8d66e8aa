package io.bitforge.verilog.pe.lut;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.lut.LutParams;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

import java.util.Optional;

/**
 * Registers the {@code lut} RTL ({@link LutRtl}): FP16 tables built at the array edge, bit-serial planes (int1..int8
 * or ternary as two passes). Not in RTL: T-MAC's INT8 tables, the ternary 3^g table, tables built inside the units
 * ({@code precompute: array}), and tiles whose operand words exceed the buffers' 64-bit block-RAM words (the
 * presets' 2 × 64 × 4 unit: a 128-bit activation and a 512-bit weight word per step); those run the widest tile that
 * fits as a stand-in.
 */
public final class LutRtlProvider implements PeRtlProvider {
    /** Block-RAM word width the array's operand buffers use (the HDL's memories hold at most 64-bit words). */
    private static final int WORD_BITS = 64;

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
        if (activationWord(p) > WORD_BITS || weightWord(p) > WORD_BITS) {
            throw new BadInputException("hardware.pe.params: the lut RTL's buffers hold 64-bit words; a " + p.tileM()
                    + "x" + p.tileN() + "x" + p.tileK() + " unit needs " + activationWord(p) + "-bit activation and "
                    + weightWord(p) + "-bit weight words (tileM x tileK x 16 and tileK x tileN x weightBits at most 64)");
        }
        return new LutRtl(p);
    }

    @Override
    public Optional<StandIn> standIn(PeParams params) {
        LutParams p = (LutParams) params;
        if (p.int8Tables() || p.base3Table() || p.tableOnArray() || !p.symmetric()) {
            return Optional.empty();
        }
        int tileM = Math.max(1, Math.min(p.tileM(), WORD_BITS / (p.tileK() * 16)));
        int tileN = Math.max(1, Math.min(p.tileN(), WORD_BITS / (p.tileK() * p.weightBits())));
        LutParams fits = new LutParams(p.weightBits(), p.ternary(), false, false, tileM, tileN, p.tileK(), false);
        return Optional.of(new StandIn(fits, "the lut RTL runs a " + tileM + "x" + tileN + "x" + p.tileK()
                + " unit in place of the " + p.tileM() + "x" + p.tileN() + "x" + p.tileK() + " one (its operand "
                + "words exceed the buffers' 64 bits; same tables, planes and cycles per step)"));
    }

    private static int activationWord(LutParams p) {
        return p.tileM() * p.tileK() * 16;
    }

    private static int weightWord(LutParams p) {
        return p.tileK() * p.tileN() * p.weightBits();
    }
}
