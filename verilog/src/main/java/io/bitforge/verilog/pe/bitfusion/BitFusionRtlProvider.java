package io.bitforge.verilog.pe.bitfusion;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.bitfusion.BitFusionParams;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

/** Registers the {@code bitfusion} RTL ({@link BitFusionRtl}); ANT's weight-only mode (FP16 activations) has none. */
public final class BitFusionRtlProvider implements PeRtlProvider {
    @Override
    public String familyId() {
        return "bitfusion";
    }

    @Override
    public PeRtl create(PeParams params) {
        if (params instanceof BitFusionParams p) {
            return new BitFusionRtl(p);
        }
        throw new BadInputException("hardware.pe.params.mode: bitfusion's weight-only mode (FP16 activations) has "
                + "no RTL yet; the fused integer/flint mode has");
    }
}
