package io.bitforge.simulation.residency;

import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.pe.WeightStore;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.workloads.llm.LlmWorkload;
import io.bitforge.workloads.llm.WeightTensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The one place a workload's weights are planned into a memory-resident array ({@link WeightResidency}), for
 * {@code simulate} (LLM and diffusion) and the explorer alike. What a plan needs from the workload:
 *
 * <ul>
 *   <li>copies of each weight matrix: an LLM's tensors (decoder layers × experts, lm_head once), by the GEMM's
 *       name; a diffusion model's GEMMs are one matrix per op instance (each layer is its own op);</li>
 *   <li>keys and values alive at once: an LLM keeps its KV cache for every sequence, KV head and layer over the
 *       whole context; a diffusion model's attention operands live for one layer (the op's instances).</li>
 * </ul>
 */
public final class ResidencyPlanner {
    private ResidencyPlanner() {
    }

    /** The store of {@code spec}'s family, empty for families fed from DRAM. */
    public static Optional<WeightStore> store(Engine engine, HardwareSpec spec) {
        return engine.family().weightStore(spec.pe().params(), spec);
    }

    /** A plan that refuses a model that does not fit (unless the store reprograms); null without a store. */
    public static WeightResidency plan(Engine engine, HardwareSpec spec, WorkloadFactory workload,
                                       WorkloadSettings settings, List<PhaseGraph> graphs) {
        return store(engine, spec).map(store -> WeightResidency.plan(store, graphs, copies(workload, graphs),
                kvAlive(workload, settings), workload.id(), spec.name())).orElse(null);
    }

    /** The same plan without refusing (a design that does not fit is planned with reprogramming). */
    public static WeightResidency planAllowingReprogramming(Engine engine, HardwareSpec spec,
                                                           WorkloadFactory workload, WorkloadSettings settings,
                                                           List<PhaseGraph> graphs) {
        return store(engine, spec).map(store -> WeightResidency.of(store, graphs, copies(workload, graphs),
                kvAlive(workload, settings))).orElse(null);
    }

    private static ToLongFunction<String> copies(WorkloadFactory workload, List<PhaseGraph> graphs) {
        Map<String, Long> copies = new HashMap<>();
        if (workload instanceof LlmWorkload llm) {
            var structure = llm.structure();
            List<WeightTensor> tensors = new ArrayList<>(structure.quantisedWeights());
            tensors.addAll(structure.router());
            tensors.add(structure.lmHead());
            for (WeightTensor tensor : tensors) {
                copies.merge(tensor.name(), tensor.copies(), Math::max);
            }
            long layers = structure.model().layers();
            return name -> copies.getOrDefault(name, layers);
        }
        for (PhaseGraph phase : graphs) {
            for (Op op : phase.graph().ops()) {
                if (op instanceof GemmOp gemm && gemm.bOperand() == BOperand.WEIGHTS) {
                    copies.merge(gemm.name(), gemm.count(), Math::max);
                }
            }
        }
        return name -> copies.getOrDefault(name, 1L);
    }

    private static ToLongFunction<GemmOp> kvAlive(WorkloadFactory workload, WorkloadSettings settings) {
        if (workload instanceof LlmWorkload llm) {
            var model = llm.structure().model();
            long alive = Math.multiplyExact(Math.multiplyExact((long) Math.max(1, settings.batch()),
                    model.attention().kvHeads()), model.layers());
            return op -> alive;
        }
        return GemmOp::count;
    }
}
