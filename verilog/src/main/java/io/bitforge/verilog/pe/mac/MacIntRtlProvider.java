package io.bitforge.verilog.pe.mac;

import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

/** Registers the {@code mac-int} RTL ({@link MacIntRtl}). */
public final class MacIntRtlProvider implements PeRtlProvider {
    @Override
    public String familyId() {
        return "mac-int";
    }

    @Override
    public PeRtl create(PeParams params) {
        return new MacIntRtl((MacIntParams) params);
    }
}
