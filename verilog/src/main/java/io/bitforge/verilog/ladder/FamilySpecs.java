package io.bitforge.verilog.ladder;

import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Catalogued;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.PeSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The specs that exercise a PE family's precision modes: every built-in preset of the family, then the family's
 * default parameters (on the first such preset, or on {@code fallbackPreset}) when no preset uses them. Specs
 * with the same parameters appear once. The arrays are generated output-stationary, so a preset with another
 * dataflow (fp16-baseline, isaac-like, olive-weight-only are ws) is taken with {@code dataflow: os}.
 */
public final class FamilySpecs {
    private FamilySpecs() {
    }

    public static List<HardwareSpec> of(Registry registry, PeFamily family, String fallbackPreset) {
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        Map<PeParams, HardwareSpec> byParams = new LinkedHashMap<>();
        for (Catalogued preset : registry.list(CatalogKind.HARDWARE)) {
            HardwareSpec spec = loader.resolve(preset.id(), "--hw");
            if (spec.pe().family().equals(family.id())) {
                byParams.putIfAbsent(spec.pe().params(), spec);
            }
        }
        PeParams defaults = family.defaultParams();
        if (!byParams.containsKey(defaults)) {
            HardwareSpec base = byParams.isEmpty() ? loader.resolve(fallbackPreset, "--hw")
                    : byParams.values().iterator().next();
            byParams.put(defaults, base.withPe(new PeSpec(family.id(), defaults)).withName(base.name() + "+defaults"));
        }
        List<HardwareSpec> specs = new ArrayList<>();
        byParams.values().forEach(s -> specs.add(s.withDataflow(Dataflow.OS)));
        return specs;
    }
}
