package io.bitforge.verilog.pe.mac;

import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.mac.MacFpParams;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

/** Registers the {@code mac-fp} RTL ({@link MacFpRtl}). */
public final class MacFpRtlProvider implements PeRtlProvider {
    @Override
    public String familyId() {
        return "mac-fp";
    }

    @Override
    public PeRtl create(PeParams params) {
        return new MacFpRtl((MacFpParams) params);
    }
}
