package io.bitforge.simulation;

import io.bitforge.core.engine.Engine;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.simulation.engine.MemorySetup;
import io.bitforge.workloads.quant.QuantConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Simulator#totals} costs an op that differs from an earlier one in its name alone by that op's cost: the
 * totals equal those of evaluating every op (the same cycles, and the same picojoules and area to the last bit),
 * on Llama-2-7B prefill and decode at each family's native formats (whose q, k, v and o projections share a shape), for several families,
 * dataflows, arrays and both memory setups the explorer uses.
 */
class SharedOpTotalsProperties {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(REGISTRY);

    @Provide
    Arbitrary<String> presets() {
        return Arbitraries.of("tpu-like-int8", "fp16-baseline", "ant-28nm", "bitmod-prefill", "mixpe-w4a8");
    }

    @Property(tries = 40)
    void sharedOpsGiveTheTotalsOfEveryOp(@ForAll("presets") String preset, @ForAll Dataflow dataflow,
                                         @ForAll @IntRange(min = 1, max = 256) int rows,
                                         @ForAll @IntRange(min = 1, max = 256) int cols, @ForAll boolean tiled) {
        HardwareSpec base = LOADER.resolve(preset, "--hw");
        Assume.that(REGISTRY.peFamily(base.pe().family()).orElseThrow().dataflows().contains(dataflow));
        HardwareSpec spec = base.withArray(new ArraySpec(rows, cols)).withDataflow(dataflow);
        Engine engine = EngineAssembly.assemble(REGISTRY, spec, EngineSetup.SIMULATE.withMemory(tiled
                ? MemorySetup.SPEC_DRAM : MemorySetup.UNLIMITED_BANDWIDTH));
        Simulator simulator = new Simulator(engine, DramFigures.of(spec, REGISTRY));
        NativePrecisions natives = engine.family().nativePrecisions(spec.pe().params());
        List<PhaseGraph> llama = REGISTRY.workload("llama-2-7b").orElseThrow().build(WorkloadSettings.defaults()
                .withPhase("both").withQuant(QuantConfig.nativeWithKvAtWeightsText(natives.weights(),
                        natives.activations())));
        for (PhaseGraph phase : llama) {
            PhaseFootprints shared = PhaseFootprints.of(phase);
            int[] own = IntStream.range(0, shared.sameWorkAs().length).toArray();
            assertTrue(!java.util.Arrays.equals(own, shared.sameWorkAs()), "the graph repeats an op's work");
            PhaseFootprints each = new PhaseFootprints(phase, shared.otherBytes(), shared.weightGemms(), own);
            assertEquals(simulator.totals(each), simulator.totals(shared), phase.name());
        }
    }
}
