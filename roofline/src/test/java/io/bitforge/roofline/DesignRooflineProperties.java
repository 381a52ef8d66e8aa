package io.bitforge.roofline;

import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.Op;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's achieved time for a GEMM never beats the design's own roofline. The engine on this branch runs
 * with unlimited DRAM bandwidth (its default memory model), so the bound checked is the compute roof:
 * cycles / clock >= ops / peak, where the peak comes from the PE family's cell timing at the GEMM's precisions.
 */
class DesignRooflineProperties {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(REGISTRY);

    @Provide
    Arbitrary<String> presets() {
        return Arbitraries.of("tpu-like-int8", "fp16-baseline");
    }

    @Provide
    Arbitrary<Dataflow> dataflows() {
        return Arbitraries.of(Dataflow.values());
    }

    @Property(tries = 300)
    void engineTimeNeverBeatsTheComputeRoof(@ForAll("presets") String preset, @ForAll("dataflows") Dataflow dataflow,
                                            @ForAll @IntRange(min = 1, max = 64) int rows,
                                            @ForAll @IntRange(min = 1, max = 64) int cols,
                                            @ForAll @IntRange(min = 1, max = 700) int m,
                                            @ForAll @IntRange(min = 1, max = 700) int k,
                                            @ForAll @IntRange(min = 1, max = 700) int n,
                                            @ForAll @IntRange(min = 1, max = 4) int count) {
        HardwareSpec base = LOADER.resolve(preset, "--hw");
        HardwareSpec spec = base.withArray(new ArraySpec(rows, cols)).withDataflow(dataflow);
        Assume.that(REGISTRY.peFamily(spec.pe().family()).orElseThrow().dataflows().contains(dataflow));
        Engine engine = Engine.of(spec, REGISTRY);
        DesignMachine machine = DesignMachine.of(spec, REGISTRY);
        NativePrecisions natives = engine.family().nativePrecisions(spec.pe().params());
        GemmOp op = new GemmOp("g", OpKind.GEMM, m, k, n, count, natives.activations(), natives.weights(),
                natives.outputs(), BOperand.WEIGHTS, 0);
        double engineSeconds = engine.evaluate(op).cost().totalCycles() / spec.clockHertz();
        OpRoofline roof = OpRoofline.of(OpTraffic.of(op, machine), machine.memoryBytesPerSecond(), Double.NaN);
        double computeRoofSeconds = op.totalOps() / roof.peak().opsPerSecond();
        assertTrue(engineSeconds >= computeRoofSeconds * (1 - 1e-12),
                "engine " + engineSeconds + " s beats the compute roof " + computeRoofSeconds + " s on " + rows + "x"
                        + cols + " " + dataflow + " for " + m + "x" + k + "x" + n);
    }

    /** Every op of a whole LLM decode graph (OPT-1.3B, W8A8) on the INT8 design: GEMMs and vector ops. */
    @Property(tries = 5)
    void noOpOfAnLlmGraphBeatsItsRoof(@ForAll("dataflows") Dataflow dataflow,
                                      @ForAll @IntRange(min = 4, max = 64) int side) {
        HardwareSpec spec = LOADER.resolve("tpu-like-int8", "--hw").withArray(new ArraySpec(side, side))
                .withDataflow(dataflow);
        Engine engine = Engine.of(spec, REGISTRY);
        DesignMachine machine = DesignMachine.of(spec, REGISTRY);
        WorkloadSettings settings = new WorkloadSettings("decode", 2, 64, 64, 2, "W8A8KV8", 1, 512, false,
                java.util.Map.of());
        for (PhaseGraph phase : REGISTRY.workload("opt-1.3b").orElseThrow().build(settings)) {
            for (Op op : phase.graph().ops()) {
                if (op instanceof GemmOp gemm && gemm.activations().isFloat()) {
                    continue; // lm_head and score outputs stay FP16, which an INT8 MAC array does not run.
                }
                double engineSeconds = engine.evaluate(op).totalCycles() / spec.clockHertz();
                OpRoofline roof = OpRoofline.of(OpTraffic.of(op, machine), machine.memoryBytesPerSecond(),
                        Double.NaN);
                double computeRoofSeconds = op.totalOps() / roof.peak().opsPerSecond();
                assertTrue(engineSeconds >= computeRoofSeconds * (1 - 1e-12), op.name() + ": engine "
                        + engineSeconds + " s < roof " + computeRoofSeconds + " s");
            }
        }
    }
}
