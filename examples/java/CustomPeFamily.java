import io.bitforge.api.BitForge;
import io.bitforge.api.HardwareChoice;
import io.bitforge.api.SimulateRequest;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Precision;
import io.bitforge.core.pe.CellCost;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.PeParams;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.core.tech.TechNode;
import io.bitforge.simulation.SimulationReport;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plugs a PE family defined outside BitForge into the registry and simulates on it: an INT8 MAC whose energy and
 * area are Horowitz's 45 nm figures (an 8-bit multiply plus a 32-bit accumulate), set beside the built-in mac-int
 * (Bit Fusion's synthesis of the same cell) on the same array, buffers and DRAM.
 */
public final class CustomPeFamily {
    /** INT8 x INT8 products accumulated in 32 bits, one MAC per cell per cycle. */
    static final class HorowitzMac8 implements PeFamily {
        // M. Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014, 45 nm:
        // 8-bit multiply 0.2 pJ and 282 um2; 32-bit add 0.1 pJ and 137 um2.
        static final double MULTIPLY_PICOJOULES = 0.2;
        static final double ACCUMULATE_PICOJOULES = 0.1;
        static final double MULTIPLY_SQUARE_MICROMETRES = 282;
        static final double ACCUMULATE_SQUARE_MICROMETRES = 137;
        static final PeParams PARAMS = Map::of;

        @Override
        public String id() {
            return "horowitz-mac8";
        }

        @Override
        public String description() {
            return "INT8 MAC from Horowitz's ISSCC 2014 energy and area table";
        }

        @Override
        public String source() {
            return "M. Horowitz, ISSCC 2014, 45 nm";
        }

        @Override
        public Map<String, Object> facts() {
            return Map.of("cell", "one INT8 MAC, 32-bit accumulator");
        }

        @Override
        public PeParams parseParams(SpecNode params) {
            params.allowOnly();
            return PARAMS;
        }

        @Override
        public PeParams defaultParams() {
            return PARAMS;
        }

        @Override
        public Set<Dataflow> dataflows() {
            return EnumSet.allOf(Dataflow.class);
        }

        @Override
        public NativePrecisions nativePrecisions(PeParams params) {
            return new NativePrecisions(Precision.INT8, Precision.INT8, Precision.INT32);
        }

        @Override
        public CellTiming timing(PeParams params, GemmOp op) {
            return CellTiming.SINGLE_MAC;
        }

        @Override
        public CellCost cellCost(PeParams params, GemmOp op) {
            CostSource source = new CostSource("horowitz-isscc2014", "M. Horowitz, ISSCC 2014: 8b mult 0.2 pJ "
                    + "282 um2, 32b add 0.1 pJ 137 um2", "45nm", false);
            return new CellCost(TechNode.N45, Map.of(EnergyCategory.MAC, MULTIPLY_PICOJOULES + ACCUMULATE_PICOJOULES),
                    MULTIPLY_SQUARE_MICROMETRES + ACCUMULATE_SQUARE_MICROMETRES, List.of(source));
        }
    }

    public static void main(String[] args) {
        BitForge bitforge = BitForge.withExtensions(registry -> registry.pe(new HorowitzMac8()));
        HardwareSpec builtIn = bitforge.hardware(HardwareChoice.named("tpu-like-int8"));
        HardwareSpec custom = builtIn.withPe(new PeSpec("horowitz-mac8", HorowitzMac8.PARAMS))
                .withName("tpu-like-int8 with horowitz-mac8");
        System.out.println("design                              family         decode cycles  MAC energy uJ");
        for (HardwareSpec spec : List.of(builtIn, custom)) {
            SimulationReport report = bitforge.simulate(SimulateRequest.builder()
                    .hardware(spec).workload("llama-2-7b")
                    .phase("decode").context(512).generate(8).quant("W8A8,lm_head:same")
                    .build());
            System.out.printf(Locale.ROOT, "%-35s %-14s %-14d %.3f%n", spec.name(), spec.pe().family(),
                    report.totalCycles(), report.totalCost().energy().picojoules(EnergyCategory.MAC) * 1e-6);
        }
    }
}
