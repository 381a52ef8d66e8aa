package io.bitforge.simulation.residency;

import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.simulation.DiffusionReport;
import io.bitforge.simulation.DiffusionSimulation;
import io.bitforge.simulation.OpResult;
import io.bitforge.simulation.PhaseResult;
import io.bitforge.workloads.diffusion.DiffusionQuant;
import io.bitforge.workloads.diffusion.DiffusionWorkload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Diffusion workloads on a ReRAM design keep their weights in the crossbars, as LLMs do. */
class DiffusionResidencyTest {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(REGISTRY);

    private static WorkloadSettings settings(DiffusionWorkload model) {
        return new WorkloadSettings("both", 1, 0, 0, 0, "", 2, 512, true,
                DiffusionSimulation.options(false, false, null));
    }

    /** The crossbars a matrix takes on isaac-like: ceil(K / 128 rows) x ceil(N / 16 weights of 8 columns). */
    private static long crossbars(long k, long n) {
        return ((k + 127) / 128) * ((n + 15) / 16);
    }

    @Test
    void sd15DoesNotFitIsaacLikeAndIsRefusedWithTheCrossbarCount() {
        HardwareSpec isaac = LOADER.resolve("isaac-like", "--hw");
        DiffusionWorkload sd = (DiffusionWorkload) REGISTRY.workload("sd-1.5").orElseThrow();
        WorkloadSettings used = settings(sd).withQuant(DiffusionQuant.uniformText(
                new Precision("int16", 16), new Precision("int16", 16)));
        long weights = 0;
        long scores = 0;
        long contexts = 0;
        for (PhaseGraph phase : sd.build(used)) {
            for (Op op : phase.graph().ops()) {
                if (op instanceof GemmOp g && g.bOperand() == BOperand.WEIGHTS) {
                    weights += crossbars(g.k(), g.n()) * g.count();
                } else if (op instanceof GemmOp g && g.kind() == OpKind.ATTENTION_SCORE) {
                    scores = Math.max(scores, crossbars(g.k(), g.n()) * g.count());
                } else if (op instanceof GemmOp g && g.kind() == OpKind.ATTENTION_CONTEXT) {
                    contexts = Math.max(contexts, crossbars(g.k(), g.n()) * g.count());
                }
            }
        }
        long total = weights + scores + contexts;
        assertTrue(weights > 16128, "weights: " + weights);
        BadInputException e = assertThrows(BadInputException.class, () -> DiffusionSimulation.run(REGISTRY, isaac, sd,
                settings(sd), null));
        assertEquals("hardware.array: the weights of sd-1.5 need " + weights + " crossbars and its keys and values "
                + (scores + contexts) + " more (" + total + " in all), isaac-like has 16128; give the array at least "
                + total + " crossbars or set hardware.pe.params.reprogram: true to rewrite crossbars as the model "
                + "runs", e.getMessage());
    }

    @Test
    void sd15WithReprogrammingReadsItsWeightsFromDramAndRewritesCrossbars() {
        String preset;
        try (var in = getClass().getResourceAsStream("/io/bitforge/pe/presets/isaac-like.yaml")) {
            preset = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HardwareSpec reprogram = LOADER.parse(preset.replace("adcScheme: full}", "adcScheme: full, reprogram: true}"),
                "isaac-reprogram.yaml");
        DiffusionWorkload sd = (DiffusionWorkload) REGISTRY.workload("sd-1.5").orElseThrow();
        DiffusionReport report = DiffusionSimulation.run(REGISTRY, reprogram, sd, settings(sd), null);
        WeightResidency residency = report.residency().orElseThrow();
        assertTrue(!residency.fits() && residency.residentCopies() < residency.totalCopies());
        assertTrue(report.text().contains("weights     reprogramming:"), report.text());
        assertEquals(residency.asMap(), report.asMap().get("weightResidency"));
        int rewritten = 0;
        for (PhaseResult phase : report.phases()) {
            for (OpResult op : phase.ops()) {
                if (op.op() instanceof GemmOp g && g.bOperand() == BOperand.WEIGHTS && residency.rewrittenUses(g) > 0) {
                    // every rewrite reads the 16-bit weights from DRAM and programs K x N x 8 cells at 10 pJ
                    assertEquals(g.k() * g.n() * 2 * g.count(), op.footprint().loadWeightBytes(), g.name());
                    assertTrue(op.cost().energy().picojoules(EnergyCategory.CROSSBAR)
                            >= g.k() * g.n() * 8 * 10.0 * g.count(), g.name());
                    rewritten++;
                }
            }
        }
        assertTrue(rewritten > 0);
    }
}
