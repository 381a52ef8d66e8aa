package io.bitforge.simulation;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.cost.DramFloor;
import io.bitforge.workloads.llm.OpFootprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs phase graphs on one design: each op through the {@link Engine}, then the {@link DramFloor} over the op's
 * footprint with its weights at the design's stored width: an op cannot finish faster than its bytes cross the DRAM
 * interface.
 */
public final class Simulator {
    private final Engine engine;
    private final DramFigures dram;

    public Simulator(Engine engine, DramFigures dram) {
        this.engine = engine;
        this.dram = dram;
    }

    public Engine engine() {
        return engine;
    }

    public DramFigures dram() {
        return dram;
    }

    /**
     * The totals of {@link #run} (cycles, energy, the area) computed without building per-op results: each op
     * through the engine and the {@link DramFloor} arithmetic, summed directly. Folding cost reports with
     * {@code CostReport.plus} also merges action counts and sources, which a sweep does not need and which would
     * dominate its time.
     */
    public PhaseTotals totals(PhaseFootprints phase) {
        List<Op> ops = phase.graph().graph().ops();
        long cycles = 0;
        double picojoules = 0;
        double area = 0;
        for (int o = 0; o < ops.size(); o++) {
            CostReport cost = engine.evaluate(ops.get(o));
            long engineDramBytes = DramFloor.engineDramBytes(cost);
            long footprintBytes = engineDramBytes > 0 ? 0 : phase.footprintBytes(o, engine::storedWeightBits);
            long dramBytes = engineDramBytes > 0 ? engineDramBytes : footprintBytes;
            cycles = Math.addExact(cycles, Math.max(cost.totalCycles(), DramFloor.dramCycles(dramBytes, dram)));
            picojoules += cost.totalPicojoules();
            if (engineDramBytes == 0) {
                picojoules += DramFloor.footprintPicojoules(footprintBytes, dram);
            }
            area = Math.max(area, cost.totalAreaSquareMicrometres());
        }
        long repeats = phase.graph().repeats();
        return new PhaseTotals(Math.multiplyExact(cycles, repeats), picojoules * repeats, area);
    }

    public PhaseResult run(PhaseGraph phase) {
        HardwareSpec spec = engine.spec();
        List<OpResult> results = new ArrayList<>();
        CostReport total = CostReport.ZERO;
        long cycles = 0;
        double weightPeak = 0;
        for (Op op : phase.graph().ops()) {
            OpResult result = run(phase.name(), op);
            results.add(result);
            total = total.plus(result.cost());
            cycles = Math.addExact(cycles, result.cycles());
            if (result.metrics() != null && weightPeak == 0 && op instanceof GemmOp gemm
                    && gemm.bOperand() == BOperand.WEIGHTS) {
                weightPeak = peakMacsPerCycle(result.metrics(), spec);
            }
        }
        double peakMacCycles = weightPeak * cycles;
        double utilization = peakMacCycles == 0 ? 0 : 100.0 * phase.graph().totalMacs() / peakMacCycles;
        return new PhaseResult(phase, results, total, cycles, cycles / spec.clockHertz(), utilization);
    }

    private OpResult run(String phase, Op op) {
        OpFootprint footprint = footprint(op);
        CostReport cost;
        ArrayMetrics metrics = null;
        if (op instanceof GemmOp gemm) {
            GemmEvaluation evaluation = engine.evaluate(gemm);
            cost = evaluation.cost();
            metrics = evaluation.metrics();
        } else {
            cost = engine.evaluate((VectorOp) op);
        }
        DramFloor floor = DramFloor.apply(cost, footprint, dram);
        cost = floor.cost();
        long engineCycles = floor.engineCycles();
        long dramCycles = floor.dramCycles();
        long cycles = floor.cycles();
        String bound = floor.memoryBound() ? "memory" : (op instanceof GemmOp ? "compute" : "vector");
        double utilization = 0;
        if (metrics != null && cycles > 0) {
            utilization = 100.0 * ((GemmOp) op).totalMacs() / (cycles * peakMacsPerCycle(metrics, engine.spec()));
        }
        return new OpResult(phase, op, cost, metrics, footprint, engineCycles, dramCycles, cycles, bound,
                utilization);
    }

    /**
     * The op's operand footprint, its weights at the design's stored width (the PE family's
     * {@code storedWeightBits}: code bits plus per-group metadata, or an effective width such as OliVe's).
     */
    private OpFootprint footprint(Op op) {
        OpFootprint footprint = OpFootprint.of(op);
        if (op instanceof GemmOp gemm && gemm.bOperand() == BOperand.WEIGHTS) {
            return footprint.withWeightBytes(OpFootprint.storedWeightBytes(gemm, engine.storedWeightBits(gemm)));
        }
        return footprint;
    }

    /** Cells × MACs per cell step / cycles per step. */
    private static double peakMacsPerCycle(ArrayMetrics metrics, HardwareSpec spec) {
        return (double) spec.array().cells() * metrics.timing().macsPerStep() / metrics.timing().cyclesPerStep();
    }
}
