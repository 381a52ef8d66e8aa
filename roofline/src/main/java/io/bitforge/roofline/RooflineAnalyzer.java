package io.bitforge.roofline;

import io.bitforge.core.op.OpGraph;
import io.bitforge.core.workload.PhaseGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lays op graphs against a machine's roofs: ops and bytes per op ({@link OpTraffic}), optional fused attention
 * ({@link AttentionFusion}) and tensor parallelism ({@link TensorParallel}), then time per op under the roof
 * that applies ({@link OpRoofline}). Ops run one after another with no overlap (LLM-Viewer's convention).
 */
public final class RooflineAnalyzer {
    private final RooflineMachine machine;
    private final RooflineOptions options;

    public RooflineAnalyzer(RooflineMachine machine, RooflineOptions options) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.options = Objects.requireNonNull(options, "options");
        if (options.tensorParallel() > 1 && Double.isNaN(link())) {
            throw new IllegalArgumentException(machine.name() + " has no device link; give a link bandwidth for "
                    + "tensor parallelism");
        }
    }

    public RooflineMachine machine() {
        return machine;
    }

    public RooflineOptions options() {
        return options;
    }

    /** One phase; its repeats (e.g. denoising steps) multiply every row's count. */
    public PhaseRoofline analyze(PhaseGraph phase) {
        List<OpRoofline> rows = new ArrayList<>();
        for (OpCost cost : costs(phase.graph())) {
            OpCost repeated = phase.repeats() == 1 ? cost : cost.withCount(cost.count() * phase.repeats(),
                    cost.ops() * phase.repeats(), cost.bytes().times(phase.repeats()));
            rows.add(OpRoofline.of(repeated, machine.memoryBytesPerSecond(), link()));
        }
        return new PhaseRoofline(phase.name(), phase.kind(), phase.outputItems(), rows);
    }

    public List<PhaseRoofline> analyze(List<PhaseGraph> phases) {
        return phases.stream().map(this::analyze).toList();
    }

    /** The per-device costs of one graph run, before timing. */
    public List<OpCost> costs(OpGraph graph) {
        List<OpCost> costs = options.fusedAttention()
                ? AttentionFusion.fuse(graph.ops(), machine, options.queryBlock())
                : graph.ops().stream().map(op -> OpTraffic.of(op, machine)).toList();
        return TensorParallel.split(costs, options.tensorParallel());
    }

    private double link() {
        return options.linkBytesPerSecond().orElse(machine.linkBytesPerSecond().orElse(Double.NaN));
    }
}
