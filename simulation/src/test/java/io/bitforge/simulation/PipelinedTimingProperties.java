package io.bitforge.simulation;

import io.bitforge.core.op.Op;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.DramSpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.roofline.DesignMachine;
import io.bitforge.roofline.OpRoofline;
import io.bitforge.roofline.OpTraffic;
import io.bitforge.workloads.llm.LlmWorkload;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue acceptance for {@code mapping.cycleModel: pipelined}: a Llama-2-7B decode step on {@code tpu-like-int8}
 * (with every DRAM preset, batch and context) is never slower than the back-to-back model ({@code folds}) and never
 * faster than its roofline: the sum over its ops of max(ops / the design's peak, bytes / the DRAM's peak), as the
 * roofline module computes them.
 */
class PipelinedTimingProperties {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(REGISTRY);
    private static final LlmWorkload LLAMA = LlmWorkload.fromZoo("llama-2-7b");

    @Provide
    Arbitrary<String> drams() {
        return Arbitraries.of("preset's own", "ddr4-3200", "lpddr4x", "lpddr5", "gddr6", "hbm2", "hbm2e", "hbm3");
    }

    @Property(tries = 30)
    void decodeStepBetweenRooflineAndBackToBack(@ForAll("drams") String dram,
                                                @ForAll @IntRange(min = 1, max = 32) int batch,
                                                @ForAll @IntRange(min = 1, max = 4095) int context) {
        HardwareSpec preset = LOADER.resolve("tpu-like-int8", "--hw");
        HardwareSpec folds = dram.startsWith("preset") ? preset : preset.withDram(new DramSpec.Preset(dram));
        HardwareSpec pipelined = folds.withMapping(folds.mapping().withCycleModel(CycleModel.PIPELINED));
        WorkloadSettings step = new WorkloadSettings("decode", batch, 0, context, 1, "", 0, 0, false, Map.of());
        SimulationReport before = SimulationRun.run(REGISTRY, folds, LLAMA, step, null);
        SimulationReport after = SimulationRun.run(REGISTRY, pipelined, LLAMA, step, null);
        long backToBack = before.totalCycles();
        long overlapped = after.totalCycles();
        assertTrue(overlapped <= backToBack, dram + " batch " + batch + " context " + context + ": pipelined "
                + overlapped + " cycles, back-to-back " + backToBack);

        DesignMachine machine = DesignMachine.of(pipelined, REGISTRY);
        double roofSeconds = 0;
        for (PhaseResult phase : after.phases()) {
            for (OpResult op : phase.ops()) {
                Op o = op.op();
                roofSeconds += OpRoofline.of(OpTraffic.of(o, machine), machine.memoryBytesPerSecond(), Double.NaN)
                        .seconds();
            }
        }
        double seconds = overlapped / pipelined.clockHertz();
        assertTrue(seconds >= roofSeconds * (1 - 1e-9), dram + " batch " + batch + " context " + context
                + ": pipelined " + seconds + " s beats the roofline " + roofSeconds + " s");
    }
}
