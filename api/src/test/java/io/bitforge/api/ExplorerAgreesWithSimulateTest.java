package io.bitforge.api;

import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.explore.DesignEvaluator;
import io.bitforge.explore.DesignMetrics;
import io.bitforge.explore.SpaceMemory;
import io.bitforge.explore.WorkloadTerm;
import io.bitforge.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The explorer scores a design with its own fast loop; with tiled memory it must give the cycles and energy that
 * {@code simulate} gives for the same design and workload (the same engine, the same DRAM floor).
 */
class ExplorerAgreesWithSimulateTest {
    @Test
    void aTiledSpaceScoresADesignAsSimulateDoes() {
        BitForge bitforge = BitForge.create();
        String quant = "W8:int8,A8:int8,KV8:int8,lm_head:same";
        for (String preset : List.of("tpu-like-int8", "bitmod-decode")) {
            HardwareSpec spec = bitforge.hardware(HardwareChoice.named(preset));
            SimulationReport simulated = bitforge.simulate(SimulateRequest.builder().hardware(spec)
                    .workload("llama-2-7b").phase("decode").context(512).generate(8).quant(quant).build());
            WorkloadTerm term = new WorkloadTerm("decode", "llama-2-7b", new WorkloadSettings("decode", 1, 1024, 512,
                    8, quant, 0, 0, false, Map.of()), 1.0, Map.of());
            DesignMetrics explored = new DesignEvaluator(bitforge.registry(), List.of(term), SpaceMemory.TILED)
                    .evaluate(spec);
            assertEquals(simulated.totalCycles(), ((Number) explored.workloads().get("decode").get("cycles"))
                    .longValue(), preset);
            double simulatedJoules = simulated.totalCost().totalPicojoules() * 1e-12;
            assertEquals(simulatedJoules, explored.energyJoules(), simulatedJoules * 1e-9, preset);
        }
    }
}
