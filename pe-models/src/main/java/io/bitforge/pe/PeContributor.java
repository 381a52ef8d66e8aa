package io.bitforge.pe;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;
import io.bitforge.pe.bitfusion.BitFusionFamily;
import io.bitforge.pe.bitserial.BitSerialFamily;
import io.bitforge.pe.lut.LutFamily;
import io.bitforge.pe.mac.MacFpFamily;
import io.bitforge.pe.mac.MacIntFamily;
import io.bitforge.pe.ovp.OvpFamily;
import io.bitforge.pe.shiftadd.ShiftAddFamily;
import io.bitforge.pe.reram.ReramFamily;

/** Registers the PE families of this module. Add one line per family. */
public final class PeContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        registry.pe(new MacIntFamily());
        registry.pe(new MacFpFamily());
        registry.pe(new BitFusionFamily());
        registry.pe(new OvpFamily());
        registry.pe(new ShiftAddFamily());
        registry.pe(new LutFamily());
        registry.pe(new ReramFamily());
        registry.pe(new BitSerialFamily());
    }
}
