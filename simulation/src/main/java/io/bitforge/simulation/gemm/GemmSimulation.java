package io.bitforge.simulation.gemm;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.Operand;
import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.engine.OperandBits;
import io.bitforge.core.engine.TiledDramModel;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.simulation.engine.MemorySetup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One GEMM at the array's native formats through the engine with the tiled DRAM model at a given bandwidth
 * (unlimited when empty): cycles, utilisation, folds, SRAM and DRAM traffic, energy, area and their sources; in
 * SCALE-Sim mode the cycle and memory figures are SCALE-Sim v2's (one word = one byte).
 */
public final class GemmSimulation {
    private GemmSimulation() {
    }

    public static GemmReport run(Registry registry, HardwareSpec spec, long m, long k, long n,
                                 OptionalDouble dramBandwidth, boolean scalesim, boolean longRunAllowed) {
        return run(registry, spec, null, m, k, n, dramBandwidth, scalesim, longRunAllowed);
    }

    /** @param mapping the mapping stage given beside the spec, or null for the spec's own */
    public static GemmReport run(Registry registry, HardwareSpec spec, Mapping mapping, long m, long k, long n,
                                 OptionalDouble dramBandwidth, boolean scalesim, boolean longRunAllowed) {
        Engine engine = EngineAssembly.assemble(registry, spec, EngineSetup.SIMULATE.withMapping(mapping)
                .withMemory(MemorySetup.tiled(dramBandwidth)));
        TiledDramModel dram = (TiledDramModel) engine.memory();
        spec = engine.spec();
        HardwareSpec shown = mapping == null ? spec : mapping.describedIn(spec);
        NativePrecisions precisions = engine.family().nativePrecisions(spec.pe().params());
        GemmOp op = new GemmOp("gemm", OpKind.GEMM, m, k, n, 1, precisions.activations(), precisions.weights(),
                precisions.outputs(), BOperand.WEIGHTS, 0);
        GemmEvaluation evaluation = engine.evaluate(op);
        Map<String, Object> result = result(shown, op, evaluation);
        if (scalesim) {
            GemmMemoryFields.scaleSim(result, spec, op, dramBandwidth, longRunAllowed);
        } else if (evaluation.metrics() != null) {
            OperandBits stored = OperandBits.of(op, engine.storedWeightBits(op));
            GemmMemoryFields.general(result, dram.plan(spec, op, stored, evaluation.metrics()), evaluation.metrics(),
                    dramBandwidth);
        }
        return new GemmReport(shown, op, evaluation, result);
    }

    static Map<String, Object> result(HardwareSpec spec, GemmOp op, GemmEvaluation evaluation) {
        CostReport cost = evaluation.cost();
        ArrayMetrics metrics = evaluation.metrics();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("hardware", spec.asMap());
        Map<String, Object> gemm = new LinkedHashMap<>();
        gemm.put("m", op.m());
        gemm.put("k", op.k());
        gemm.put("n", op.n());
        gemm.put("activations", op.activations().format());
        gemm.put("weights", op.weights().format());
        gemm.put("outputs", op.outputs().format());
        result.put("gemm", gemm);
        long totalCycles = metrics == null ? cost.totalCycles() : metrics.totalCycles();
        result.put("computeCycles", metrics == null ? cost.totalCycles() - cost.cycles().stalls()
                : metrics.computeCycles());
        result.put("stallCycles", cost.cycles().stalls());
        result.put("dramStallCycles", cost.cycles().memoryStall());
        result.put("sramStallCycles", cost.cycles().sramStall());
        result.put("totalCycles", totalCycles);
        if (metrics != null) {
            result.put("overallUtilizationPercent", metrics.overallUtilizationPercent());
            result.put("computeUtilizationPercent", metrics.computeUtilizationPercent());
            result.put("mappingEfficiencyPercent", metrics.mappingEfficiencyPercent());
            Map<String, Object> folds = new LinkedHashMap<>();
            folds.put("rows", metrics.rowFolds());
            folds.put("cols", metrics.colFolds());
            folds.put("cyclesEach", metrics.foldCycles());
            result.put("folds", folds);
        }
        result.put("latencyMicroseconds", totalCycles / spec.clockMegahertz());
        result.put("macs", cost.actions().macs());
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put("ifmap", cost.actions().sramReads(Operand.ACTIVATIONS));
        reads.put("filter", cost.actions().sramReads(Operand.WEIGHTS));
        result.put("sramReads", reads);
        result.put("sramWrites", Map.of("ofmap", cost.actions().sramWrites(Operand.OUTPUTS)));
        Map<String, Object> energy = new LinkedHashMap<>(cost.energy().byName());
        energy.put("total", cost.totalPicojoules());
        result.put("energyPicojoules", energy);
        result.put("areaSquareMicrometres", cost.totalAreaSquareMicrometres());
        result.put("areaByUnitSquareMicrometres", cost.areaSquareMicrometres());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (CostSource source : cost.sources()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", source.id());
            s.put("citation", source.citation());
            s.put("node", source.node());
            s.put("estimate", source.estimate());
            s.put("provenance", source.provenance().id());
            sources.add(s);
        }
        result.put("sources", sources);
        return result;
    }
}
