package io.bitforge.pe;

import io.bitforge.core.pe.PeFamily;
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

/**
 * Registers the PE families of this module, each with its built-in hardware specs (YAML resources in
 * {@code presets/}, named after the preset). Add one line per family.
 */
public final class PeContributor implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        family(registry, new MacIntFamily(), "tpu-like-int8");
        family(registry, new MacFpFamily(), "fp16-baseline");
        family(registry, new BitFusionFamily(), "ant-28nm", "bitfusion-45nm");
        family(registry, new OvpFamily(), "olive-w4a4", "olive-weight-only");
        family(registry, new ShiftAddFamily(), "mixpe-w4a8", "mixpe-w4a16");
        family(registry, new LutFamily(), "lut-tc-int2", "lut-tc-int4", "lut-tc-ternary");
        family(registry, new ReramFamily(), "isaac-like", "neurosim-default");
        family(registry, new BitSerialFamily(), "bitmod-prefill", "bitmod-decode");
    }

    private static void family(Registry.Builder registry, PeFamily family, String... presets) {
        registry.pe(family);
        for (String preset : presets) {
            registry.hardware(HardwarePreset.fromResource(PeContributor.class, "presets/" + preset + ".yaml", preset));
        }
    }
}
