package io.bitforge.cli.hdl;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.ladder.FamilySpecs;
import io.bitforge.verilog.ladder.PeDesign;
import io.bitforge.verilog.pe.PeRtlRegistry;

import java.util.List;

/**
 * Turns {@code --pe FAMILY} / {@code --hw SPEC|PRESET} and {@code --rows/--cols} into the hardware specs whose
 * RTL is generated: {@code --hw} gives one spec (its own array unless resized; {@code cosim} defaults to 4x4);
 * {@code --pe} alone gives every precision mode the family's presets use ({@link FamilySpecs}).
 */
public final class PeSpecOptions {
    /** Spec whose buffers, clock and DRAM a family without presets borrows. */
    private static final String FALLBACK_PRESET = "tpu-like-int8";

    private PeSpecOptions() {
    }

    /** Whether the family's RTL (at the spec's parameters or their stand-in) builds the spec's dataflow. */
    private static boolean generates(HardwareSpec spec, PeRtlRegistry rtl) {
        try {
            PeDesign.forSpec(PeDesign.withRtlParams(spec, rtl, note -> { }), rtl);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    public static List<HardwareSpec> specs(HdlDesignOptions o, Registry registry, PeRtlRegistry rtl,
                                           boolean smallByDefault) {
        List<HardwareSpec> specs;
        if (o.hw() != null) {
            HardwareSpec spec = new HardwareSpecLoader(registry).resolve(o.hw(), "--hw");
            if (o.pe() != null && !o.pe().equals(spec.pe().family())) {
                throw BadInputException.field(null, "--pe", "'" + o.pe() + "'", "must name the spec's family ("
                        + spec.pe().family() + ") or be left out");
            }
            rtl.require("--hw " + o.hw() + ": family", spec.pe().family());
            specs = List.of(spec);
        } else {
            rtl.require("--pe", o.pe());
            PeFamily family = registry.peFamily(o.pe()).orElseThrow(() -> BadInputException.field(null, "--pe",
                    "'" + o.pe() + "'", "must be a registered PE family (" + String.join(", ",
                            registry.ids(CatalogKind.PES)) + ")"));
            specs = FamilySpecs.withRtlVariants(FamilySpecs.of(registry, family, FALLBACK_PRESET,
                    spec -> generates(spec, rtl)), rtl);
        }
        return specs.stream().map(s -> {
            int rows = o.rows(smallByDefault ? 4 : s.array().rows());
            int cols = o.cols(smallByDefault ? 4 : s.array().cols());
            return s.withArray(new ArraySpec(rows, cols));
        }).toList();
    }
}
