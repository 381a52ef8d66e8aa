package io.bitforge.simulation;

import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.roofline.DesignMachine;
import io.bitforge.roofline.OpRoofline;
import io.bitforge.roofline.OpTraffic;
import io.bitforge.simulation.cost.DramFigures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code simulate} reports for an op never beats the design's own roofline, max(ops / peak, bytes / DRAM
 * peak): the engine runs GEMMs with the tiled DRAM model at the spec's sustained bandwidth, and the simulator
 * keeps each op's whole DRAM footprint as a floor (the engine's tiled timeline, like SCALE-Sim, leaves the first
 * prefetch and the last drain out of its count, so the floor is what makes the whole op respect the memory roof).
 */
class SimulatorRooflineProperties {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(REGISTRY);

    @Provide
    Arbitrary<String> presets() {
        return Arbitraries.of("tpu-like-int8", "fp16-baseline", "ant-28nm", "bitmod-prefill", "mixpe-w4a8");
    }

    @Provide
    Arbitrary<Dataflow> dataflows() {
        return Arbitraries.of(Dataflow.values());
    }

    @Property(tries = 200)
    void simulatedOpsNeverBeatTheWholeRoof(@ForAll("presets") String preset, @ForAll("dataflows") Dataflow dataflow,
                                           @ForAll @IntRange(min = 1, max = 64) int rows,
                                           @ForAll @IntRange(min = 1, max = 64) int cols,
                                           @ForAll @IntRange(min = 1, max = 2048) int m,
                                           @ForAll @IntRange(min = 1, max = 2048) int k,
                                           @ForAll @IntRange(min = 1, max = 2048) int n) {
        HardwareSpec spec = LOADER.resolve(preset, "--hw").withArray(new ArraySpec(rows, cols))
                .withDataflow(dataflow);
        Assume.that(REGISTRY.peFamily(spec.pe().family()).orElseThrow().dataflows().contains(dataflow));
        Engine engine = SimulationRun.engine(REGISTRY, spec);
        NativePrecisions natives = engine.family().nativePrecisions(spec.pe().params());
        GemmOp op = new GemmOp("g", OpKind.GEMM, m, k, n, 1, natives.activations(), natives.weights(),
                natives.outputs(), BOperand.WEIGHTS, 0);
        PhaseGraph phase = new PhaseGraph("p", PhaseKind.PREFILL, new OpGraph("g", List.of(op)), 1, 1);
        PhaseResult result = new Simulator(engine, DramFigures.of(spec, REGISTRY)).run(phase);
        DesignMachine machine = DesignMachine.of(spec, REGISTRY);
        OpRoofline roof = OpRoofline.of(OpTraffic.of(op, machine), machine.memoryBytesPerSecond(), Double.NaN);
        double simulatedSeconds = result.latencySeconds();
        assertTrue(simulatedSeconds >= roof.seconds() * (1 - 1e-9), "simulated " + simulatedSeconds
                + " s beats the roof " + roof.seconds() + " s (" + roof.bound() + ") of " + preset + " " + rows + "x"
                + cols + " " + dataflow + " for " + m + "x" + k + "x" + n);
    }
}
