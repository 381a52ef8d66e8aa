package io.bitforge.simulation;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.GemmEvaluation;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.cost.DramFloor;
import io.bitforge.simulation.residency.WeightResidency;
import io.bitforge.simulation.timing.PipelinedTimeline;
import io.bitforge.simulation.timing.RowBufferDram;
import io.bitforge.simulation.timing.TimedOp;
import io.bitforge.simulation.timing.VectorUnitHardware;
import io.bitforge.workloads.llm.OpFootprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs phase graphs on one design: each op through the {@link Engine}, then the {@link DramFloor} over the op's
 * footprint with its weights at the design's stored width: an op cannot finish faster than its bytes cross the DRAM
 * interface. Ops run back to back, unless the spec's {@code mapping.cycleModel} is {@code pipelined}: then the
 * {@link PipelinedTimeline} overlaps each op's DRAM prefetch with the previous op's compute, pays DRAM latency,
 * times each op's DRAM streams on the preset's banks and row buffers ({@link RowBufferDram}) and times the vector
 * unit as hardware ({@link VectorUnitHardware}). For a family whose weights stay in its array
 * ({@link WeightResidency}), resident weights move no DRAM bytes and rewrites of crossbars are charged.
 */
public final class Simulator {
    private final Engine engine;
    private final DramFigures dram;
    private final long dramLatencyCycles;
    private final WeightResidency residency;
    private final RowBufferDram rowBuffer;

    /** A simulator without weight residency and with no DRAM latency (the back-to-back conventions). */
    public Simulator(Engine engine, DramFigures dram) {
        this(engine, dram, 0, null);
    }

    /** A simulator without row-buffer timing: the pipelined model moves bytes at the DRAM's sustained rate. */
    public Simulator(Engine engine, DramFigures dram, long dramLatencyCycles, WeightResidency residency) {
        this(engine, dram, dramLatencyCycles, residency, null);
    }

    /**
     * @param dramLatencyCycles DRAM first-word latency, used by the pipelined timing only
     * @param residency         the model's weights resident in the array, or null when the family is fed from DRAM
     * @param rowBuffer         the DRAM preset's banks and row buffers, timing each op's streams under the pipelined
     *                          model; null: bytes move at the sustained rate
     */
    public Simulator(Engine engine, DramFigures dram, long dramLatencyCycles, WeightResidency residency,
                     RowBufferDram rowBuffer) {
        this.engine = engine;
        this.dram = dram;
        this.dramLatencyCycles = dramLatencyCycles;
        this.residency = residency;
        this.rowBuffer = rowBuffer;
    }

    private boolean pipelined() {
        return engine.mapping().cycleModel() == CycleModel.PIPELINED;
    }

    public Engine engine() {
        return engine;
    }

    public DramFigures dram() {
        return dram;
    }

    /**
     * The totals of {@link #run} (cycles, energy, the area) computed without building per-op results: each op
     * through the engine (an op that differs from an earlier one in its name alone takes that op's cost,
     * {@link PhaseFootprints#sameWorkAs}) and the {@link DramFloor} arithmetic, summed directly. Folding cost
     * reports with {@code CostReport.plus} also merges action counts and sources, which a sweep does not need and
     * which would dominate its time.
     */
    public PhaseTotals totals(PhaseFootprints phase) {
        if (pipelined() || residency != null) {
            // the op-level timeline and the residency need every op's result
            PhaseResult result = run(phase.graph());
            long repeats = phase.graph().repeats();
            return new PhaseTotals(Math.multiplyExact(result.cycles(), repeats),
                    result.cost().totalPicojoules() * repeats, result.cost().totalAreaSquareMicrometres());
        }
        List<Op> ops = phase.graph().graph().ops();
        long cycles = 0;
        double picojoules = 0;
        double area = 0;
        CostReport[] costs = new CostReport[ops.size()];
        for (int o = 0; o < ops.size(); o++) {
            int same = phase.sameWorkAs()[o];
            CostReport cost = same < o ? costs[same] : engine.evaluate(ops.get(o));
            costs[o] = cost;
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
        List<Op> ops = phase.graph().ops();
        for (Op op : ops) {
            OpResult result = run(phase.name(), op);
            results.add(result);
            total = total.plus(result.cost());
            cycles = Math.addExact(cycles, result.cycles());
            if (result.metrics() != null && weightPeak == 0 && op instanceof GemmOp gemm
                    && gemm.bOperand() == BOperand.WEIGHTS) {
                weightPeak = peakMacsPerCycle(result.metrics(), spec);
            }
        }
        if (pipelined()) {
            results = pipeline(ops, results);
            cycles = results.stream().mapToLong(OpResult::cycles).sum();
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
            if (residency != null) {
                cost = residency.withReplicas(gemm, cost).plus(residency.writes(gemm));
            }
        } else {
            cost = engine.evaluate((VectorOp) op);
        }
        DramFloor floor = residency != null ? DramFloor.ofFootprint(cost, footprint, dram)
                : DramFloor.apply(cost, footprint, dram);
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
     * The phase's ops on the pipelined timeline: each op's cycles become what it adds to the phase's end, its engine
     * cycles its own busy time (array cycles without DRAM stalls, or the vector unit as hardware).
     */
    private List<OpResult> pipeline(List<Op> ops, List<OpResult> backToBack) {
        HardwareSpec spec = engine.spec();
        VectorUnitHardware vector = VectorUnitHardware.of(spec.vectorUnit());
        List<TimedOp> timed = new ArrayList<>(ops.size());
        long[] busy = new long[ops.size()];
        long[] dramCycles = new long[ops.size()];
        long scoreRows = 0;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            OpResult result = backToBack.get(i);
            long bytes = DramFloor.floorBytes(result.cost(), result.footprint(), residency != null);
            dramCycles[i] = result.dramCycles();
            double rate = 0;
            if (rowBuffer != null && bytes > 0) {
                boolean engineCounted = residency == null && DramFloor.engineDramBytes(result.cost()) > 0;
                dramCycles[i] = Math.max(1, rowBuffer.cycles(engine, op, result.cost(), result.footprint(),
                        engineCounted));
                rate = (double) bytes / dramCycles[i];
            }
            if (op instanceof GemmOp gemm) {
                busy[i] = result.cost().totalCycles() - result.cost().cycles().memoryStall();
                timed.add(new TimedOp(TimedOp.Unit.ARRAY, busy[i], bytes, false, 0, rate));
                if (gemm.kind() == OpKind.ATTENTION_SCORE) {
                    scoreRows = Math.addExact(scoreRows, Math.multiplyExact(gemm.m(), gemm.count()));
                }
            } else {
                VectorOp v = (VectorOp) op;
                long rowLength = v.elements();
                if (v.kind() == OpKind.SOFTMAX && scoreRows > 0) {
                    long rowsPerInstance = Math.max(1, scoreRows / v.count());
                    rowLength = -Math.floorDiv(-v.elements(), rowsPerInstance);
                }
                VectorUnitHardware.Timing t = vector.time(v, rowLength);
                busy[i] = t.cycles();
                boolean streams = i > 0 && ops.get(i - 1) instanceof GemmOp previous
                        && previous.kind() == OpKind.ATTENTION_SCORE && v.kind() == OpKind.SOFTMAX;
                if (v.kind() == OpKind.SOFTMAX) {
                    scoreRows = 0;
                }
                timed.add(new TimedOp(TimedOp.Unit.VECTOR, busy[i], bytes, streams, t.lastRowCycles(), rate));
            }
        }
        long[] ends = PipelinedTimeline.ends(timed, dram.bytesPerCycle(), dramLatencyCycles, prefetchBytes(spec));
        List<OpResult> out = new ArrayList<>(ops.size());
        long previous = 0;
        for (int i = 0; i < ops.size(); i++) {
            OpResult r = backToBack.get(i);
            long cycles = ends[i] - previous;
            previous = ends[i];
            String bound = dramCycles[i] > busy[i] ? "memory" : ops.get(i) instanceof GemmOp ? "compute" : "vector";
            double utilization = 0;
            if (r.metrics() != null && cycles > 0) {
                utilization = 100.0 * ((GemmOp) ops.get(i)).totalMacs()
                        / (cycles * peakMacsPerCycle(r.metrics(), spec));
            }
            out.add(new OpResult(r.phase(), r.op(), r.cost(), r.metrics(), r.footprint(), busy[i], dramCycles[i],
                    cycles, bound, utilization));
        }
        return out;
    }

    /** Half of the on-chip buffers: what the next op may fetch while the current one works on the other half. */
    private static long prefetchBytes(HardwareSpec spec) {
        var b = spec.buffers();
        return (b.activations().bytes() + b.weights().bytes() + b.outputs().bytes()) / 2;
    }

    /**
     * The op's operand footprint, its weights at the design's stored width (the PE family's
     * {@code storedWeightBits}: code bits plus per-group metadata, or an effective width such as OliVe's); with
     * resident weights only the uses that rewrite the array read weights from DRAM.
     */
    private OpFootprint footprint(Op op) {
        OpFootprint footprint = OpFootprint.of(op);
        if (op instanceof GemmOp gemm && gemm.bOperand() == BOperand.WEIGHTS) {
            long stored = OpFootprint.storedWeightBytes(gemm, engine.storedWeightBits(gemm));
            if (residency != null) {
                stored = (long) Math.ceil((double) stored * residency.rewrittenUses(gemm) / gemm.count());
            }
            return footprint.withWeightBytes(stored);
        }
        return footprint;
    }

    /** Cells × MACs per cell step / cycles per step. */
    private static double peakMacsPerCycle(ArrayMetrics metrics, HardwareSpec spec) {
        return (double) spec.array().cells() * metrics.timing().macsPerStep() / metrics.timing().cyclesPerStep();
    }
}
