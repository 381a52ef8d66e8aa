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
import io.bitforge.verilog.pe.PeRtlProvider;
import io.bitforge.verilog.pe.PeRtlRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The specs that exercise a PE family's precision modes: every built-in preset of the family, then the family's
 * default parameters (on the first such preset, or on {@code fallbackPreset}) when no preset uses them. Specs
 * with the same parameters and dataflow appear once. Parameters that only presets of a dataflow the family's RTL
 * does not generate use (fp16-baseline and olive-weight-only are ws; mac-fp's and ovp's arrays are output-stationary)
 * are also taken with {@code dataflow: os} (named {@code +os}).
 */
public final class FamilySpecs {
    private FamilySpecs() {
    }

    public static List<HardwareSpec> of(Registry registry, PeFamily family, String fallbackPreset) {
        return of(registry, family, fallbackPreset, spec -> spec.dataflow() == Dataflow.OS);
    }

    /** As above; {@code generated} says whether the RTL builds a spec's dataflow (no {@code +os} copy then). */
    public static List<HardwareSpec> of(Registry registry, PeFamily family, String fallbackPreset,
                                        Predicate<HardwareSpec> generated) {
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        Map<List<Object>, HardwareSpec> byParams = new LinkedHashMap<>();
        for (Catalogued preset : registry.list(CatalogKind.HARDWARE)) {
            HardwareSpec spec = loader.resolve(preset.id(), "hardware");
            if (spec.pe().family().equals(family.id())) {
                byParams.putIfAbsent(List.of(spec.pe().params(), spec.dataflow()), spec);
            }
        }
        PeParams defaults = family.defaultParams();
        if (byParams.keySet().stream().noneMatch(key -> key.get(0).equals(defaults))) {
            HardwareSpec base = byParams.isEmpty() ? loader.resolve(fallbackPreset, "hardware")
                    : byParams.values().iterator().next();
            // the defaults ride on the first preset's spec
            byParams.put(List.of(defaults, base.dataflow()), base.withPe(new PeSpec(family.id(), defaults)).withName(base.name() + "+defaults"));
        }
        List<HardwareSpec> specs = new ArrayList<>(byParams.values());
        for (HardwareSpec spec : List.copyOf(byParams.values())) {
            if (spec.dataflow() != Dataflow.OS && !generated.test(spec)
                    && !byParams.containsKey(List.of(spec.pe().params(), Dataflow.OS))) {
                byParams.put(List.of(spec.pe().params(), Dataflow.OS), spec);
                // first, so that a command that builds one design (verilog, fpga) gets one it can generate
                specs.add(0, spec.withDataflow(Dataflow.OS).withName(spec.name() + "+os"));
            }
        }
        return specs;
    }

    /**
     * {@code specs} and, after each, its RTL variants ({@link PeRtlProvider#variants}, e.g. {@code mixpe-w4a8+edge}),
     * each once, where the variant's RTL builds the spec's dataflow (edge dequantisers: output-stationary only).
     */
    public static List<HardwareSpec> withRtlVariants(List<HardwareSpec> specs, PeRtlRegistry rtl) {
        List<HardwareSpec> out = new ArrayList<>();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (HardwareSpec spec : specs) {
            out.add(spec);
            seen.add(List.of(spec.pe().params(), spec.dataflow()));
            for (PeRtlProvider.Variant v : rtl.find(spec.pe().family()).map(p -> p.variants(spec.pe().params()))
                    .orElse(List.of())) {
                boolean built = rtl.find(spec.pe().family()).map(p -> p.create(v.params()).dataflows()
                        .contains(spec.dataflow())).orElse(false);
                if (built && seen.add(List.of(v.params(), spec.dataflow()))) {
                    out.add(spec.withPe(new PeSpec(spec.pe().family(), v.params())).withName(spec.name()
                            + v.suffix()));
                }
            }
        }
        return out;
    }
}
