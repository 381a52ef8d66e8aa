package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.shiftadd.MixPeDequantTiming;
import io.bitforge.pe.shiftadd.MixPeUnitModel;
import io.bitforge.pe.shiftadd.ShiftAddParams;
import io.bitforge.pe.shiftadd.ShiftAddVariant;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

import java.util.List;

/** Registers the {@code shift-add} RTL: MixPE with INT8 ({@link MixPeRtl}) or FP16 ({@link MixPeFp16Rtl}) activations. */
public final class ShiftAddRtlProvider implements PeRtlProvider {
    @Override
    public String familyId() {
        return "shift-add";
    }

    @Override
    public PeRtl create(PeParams params) {
        ShiftAddParams p = (ShiftAddParams) params;
        boolean widths = p.activationBits() == 8 || p.activationBits() == 16 && p.weightBits() <= 8;
        if (p.variant() != ShiftAddVariant.MIXPE || !widths || p.unitModel() != MixPeUnitModel.NATIVE) {
            throw new BadInputException("hardware.pe.params: shift-add has RTL for variant mixpe with activationBits 8 "
                    + "(W4A8) or 16 (W4A16, FP16 activations) and the native unit model only; got " + p.asMap());
        }
        return p.activationBits() == 16 ? new MixPeFp16Rtl(p) : new MixPeRtl(p);
    }

    /** MixPE with its dequantisers on the vector unit is also checked with them at the array edge. */
    @Override
    public List<Variant> variants(PeParams params) {
        ShiftAddParams p = (ShiftAddParams) params;
        if (p.variant() != ShiftAddVariant.MIXPE || p.unitModel() != MixPeUnitModel.NATIVE
                || p.dequant() != MixPeDequantTiming.VECTOR) {
            return List.of();
        }
        return List.of(new Variant("+edge", new ShiftAddParams(p.variant(), p.weightBits(), p.activationBits(),
                p.groupSize(), p.unitModel(), MixPeDequantTiming.EDGE)));
    }
}
