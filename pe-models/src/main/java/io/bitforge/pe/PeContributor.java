package io.bitforge.pe;

import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;
import io.bitforge.core.spec.HardwarePreset;
import io.bitforge.pe.bitfusion.BitFusionFamily;
import io.bitforge.pe.bitserial.BitSerialFamily;
import io.bitforge.pe.lut.LutFamily;
import io.bitforge.pe.mac.MacFpFamily;
import io.bitforge.pe.mac.MacIntFamily;
import io.bitforge.pe.ovp.OvpFamily;
import io.bitforge.pe.shiftadd.ShiftAddFamily;
import io.bitforge.pe.reram.ReramFamily;

import java.util.function.Supplier;

/**
 * Registers the PE families of this module, each with its built-in hardware specs (YAML resources in
 * {@code presets/}, named after the preset). Add one line per family. Each family and preset is built on first
 * use, so a command pays only for the ones it names.
 */
public final class PeContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        family(registry, "mac-int", MacIntFamily::new, "tpu-like-int8");
        family(registry, "mac-fp", MacFpFamily::new, "fp16-baseline");
        family(registry, "bitfusion", BitFusionFamily::new, "ant-28nm", "bitfusion-45nm");
        family(registry, "ovp", OvpFamily::new, "olive-w4a4", "olive-weight-only");
        family(registry, "shift-add", ShiftAddFamily::new, "mixpe-w4a8", "mixpe-w4a16");
        family(registry, "lut", LutFamily::new, "lut-tc-int2", "lut-tc-int4", "lut-tc-ternary");
        family(registry, "reram", ReramFamily::new, "isaac-like", "neurosim-default");
        family(registry, "bit-serial", BitSerialFamily::new, "bitmod-prefill", "bitmod-decode");
    }

    private static void family(Registry.Builder registry, String id, Supplier<PeFamily> family, String... presets) {
        registry.lazy(CatalogKind.PES, id, family);
        for (String preset : presets) {
            registry.lazy(CatalogKind.HARDWARE, preset,
                    () -> HardwarePreset.fromResource(PeContributor.class, "presets/" + preset + ".yaml", preset));
        }
    }
}
