package io.bitforge.verilog.pe.ovp;

import io.bitforge.core.spec.PeParams;
import io.bitforge.pe.ovp.OvpParams;
import io.bitforge.verilog.pe.PeRtl;
import io.bitforge.verilog.pe.PeRtlProvider;

/** Registers the {@code ovp} RTL ({@link OvpRtl}): W4A4 (and W8A8, flint4) and the weight-only mode. */
public final class OvpRtlProvider implements PeRtlProvider {
    @Override
    public String familyId() {
        return "ovp";
    }

    @Override
    public PeRtl create(PeParams params) {
        return new OvpRtl((OvpParams) params);
    }
}
