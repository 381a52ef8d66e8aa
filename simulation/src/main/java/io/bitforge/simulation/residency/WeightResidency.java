package io.bitforge.simulation.residency;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.pe.WeightStore;
import io.bitforge.core.workload.PhaseGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Weights resident in a memory-like array ({@link WeightStore}, e.g. ReRAM crossbars) over a whole model: every
 * distinct weight matrix (a GEMM's B operand of kind {@code WEIGHTS}, once per copy: per decoder layer) is written
 * into the store once and stays there, so a run moves no weights from DRAM. A model whose matrices need more tiles
 * than the store has is refused, unless the spec allows reprogramming: then whole matrices are pinned in graph
 * order into the tiles left after reserving room for the largest one, and every use of an unpinned copy rewrites
 * it (write cost from the store) after reading its weights from DRAM. Attention's B operands (keys, values, and
 * in prefill the prompt's own K and V) change with every use, so each use writes them into crossbars; the tiles the
 * largest of them needs while alive (an LLM's KV cache at its longest context, over every layer, KV head and
 * sequence) are reserved beside the weights.
 */
public final class WeightResidency {
    private final WeightStore store;
    private final Map<String, Long> copies = new LinkedHashMap<>();
    private final Map<String, Long> pinned = new LinkedHashMap<>();
    private final long tilesNeeded;
    private final long kvTiles;

    private WeightResidency(WeightStore store, Map<String, GemmOp> weightOps, ToLongFunction<String> copiesOf,
                            long kvTiles) {
        this.store = store;
        this.kvTiles = kvTiles;
        long needed = 0;
        long largest = 0;
        for (Map.Entry<String, GemmOp> entry : weightOps.entrySet()) {
            long tiles = store.tilesFor(entry.getValue());
            long n = copiesOf.applyAsLong(entry.getKey());
            copies.put(entry.getKey(), n);
            needed = Math.addExact(needed, Math.multiplyExact(tiles, n));
            largest = Math.max(largest, tiles);
        }
        tilesNeeded = needed;
        long budget = Math.addExact(needed, kvTiles) <= store.capacityTiles() ? Long.MAX_VALUE
                : store.capacityTiles() - largest - kvTiles;
        for (Map.Entry<String, GemmOp> entry : weightOps.entrySet()) {
            long tiles = store.tilesFor(entry.getValue());
            long n = copies.get(entry.getKey());
            long fit = budget == Long.MAX_VALUE ? n : Math.max(0, Math.min(n, Math.max(0, budget) / tiles));
            pinned.put(entry.getKey(), fit);
            if (budget != Long.MAX_VALUE) {
                budget -= fit * tiles;
            }
        }
    }

    /**
     * The residency of a model's weights on a store, refusing the model when it does not fit and the store does not
     * allow reprogramming.
     *
     * @param phases   the workload's phase graphs (the same weights in every phase)
     * @param copiesOf distinct copies of the weight matrix used by the GEMM of that name (decoder layers, 1 for
     *                 lm_head)
     * @param kvAlive  instances of an attention GEMM's B operand alive at once (an LLM's KV cache: sequences × KV
     *                 heads × layers; a diffusion model's per-layer K and V: the op's own instances)
     * @param model    the model's name, for the message
     * @param design   the design's name, for the message
     */
    public static WeightResidency plan(WeightStore store, List<PhaseGraph> phases, ToLongFunction<String> copiesOf,
                                       ToLongFunction<GemmOp> kvAlive, String model, String design) {
        WeightResidency residency = of(store, phases, copiesOf, kvAlive);
        if (!residency.fits() && !store.reprogramWhenFull()) {
            throw new BadInputException("hardware.array: " + residency.need(model) + ", " + design + " has "
                    + store.capacityTiles() + "; give the array at least " + residency.totalTilesNeeded() + " "
                    + store.tileName() + " or set " + store.reprogramField() + ": true to rewrite " + store.tileName()
                    + " as the model runs");
        }
        return residency;
    }

    /** The same without refusing: a model that does not fit is planned with reprogramming (the explorer's view). */
    public static WeightResidency of(WeightStore store, List<PhaseGraph> phases, ToLongFunction<String> copiesOf,
                                     ToLongFunction<GemmOp> kvAlive) {
        Map<String, GemmOp> weightOps = new LinkedHashMap<>();
        long scoreTiles = 0;
        long contextTiles = 0;
        for (PhaseGraph phase : phases) {
            for (Op op : phase.graph().ops()) {
                if (!(op instanceof GemmOp gemm)) {
                    continue;
                }
                if (gemm.bOperand() == BOperand.WEIGHTS) {
                    weightOps.putIfAbsent(gemm.name(), gemm);
                } else if (gemm.kind() == OpKind.ATTENTION_SCORE) {
                    scoreTiles = Math.max(scoreTiles, Math.multiplyExact(store.tilesFor(gemm),
                            kvAlive.applyAsLong(gemm)));
                } else if (gemm.kind() == OpKind.ATTENTION_CONTEXT) {
                    contextTiles = Math.max(contextTiles, Math.multiplyExact(store.tilesFor(gemm),
                            kvAlive.applyAsLong(gemm)));
                }
            }
        }
        return new WeightResidency(store, weightOps, copiesOf, Math.addExact(scoreTiles, contextTiles));
    }

    private String need(String model) {
        if (kvTiles == 0) {
            return "the weights of " + model + " need " + tilesNeeded + " " + store.tileName();
        }
        return "the weights of " + model + " need " + tilesNeeded + " " + store.tileName() + " and its keys and "
                + "values " + kvTiles + " more (" + totalTilesNeeded() + " in all)";
    }

    /** Tiles the model's weights need, every copy counted. */
    public long tilesNeeded() {
        return tilesNeeded;
    }

    /** Tiles reserved for attention's keys and values while they are alive (the KV cache over the context). */
    public long kvTiles() {
        return kvTiles;
    }

    /** Weights and reserved keys and values together. */
    public long totalTilesNeeded() {
        return Math.addExact(tilesNeeded, kvTiles);
    }

    public long capacityTiles() {
        return store.capacityTiles();
    }

    public boolean fits() {
        return totalTilesNeeded() <= store.capacityTiles();
    }

    /** Tiles missing for the model to stay resident (0 when it fits): the explorer's violation. */
    public long tilesShort() {
        return Math.max(0, totalTilesNeeded() - store.capacityTiles());
    }

    /** True when the model does not fit and the store refuses to reprogram: such a design cannot run the model. */
    public boolean refused() {
        return !fits() && !store.reprogramWhenFull();
    }

    /** Weight matrices of the model, every copy counted. */
    public long totalCopies() {
        return copies.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Weight matrices that stay resident, every copy counted. */
    public long residentCopies() {
        return pinned.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The figures reports write: tile name, tiles needed and available, whether it fits, copies kept resident. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tiles", store.tileName());
        map.put("tilesNeeded", tilesNeeded);
        map.put("kvTilesReserved", kvTiles);
        map.put("tilesAvailable", store.capacityTiles());
        map.put("fits", fits());
        map.put("weightMatrices", totalCopies());
        map.put("residentMatrices", residentCopies());
        map.put("reprogramming", !fits());
        return map;
    }

    /** One line for the text report. */
    public String summary() {
        if (fits()) {
            return "resident in the array: " + tilesNeeded + " of " + store.capacityTiles() + " " + store.tileName()
                    + (kvTiles > 0 ? " (+" + kvTiles + " reserved for keys and values)" : "")
                    + "; DRAM moves activations and the KV cache only";
        }
        return "reprogramming: the weights need " + tilesNeeded + " " + store.tileName()
                + (kvTiles > 0 ? " (+" + kvTiles + " for keys and values)" : "") + ", " + store.capacityTiles()
                + " available; " + residentCopies() + " of " + totalCopies() + " weight matrices stay resident, the "
                + "others are read from DRAM and rewritten at every use";
    }

    /** Copies of the named weight matrix that stay resident. */
    public long pinnedCopies(String opName) {
        return pinned.getOrDefault(opName, 0L);
    }

    /**
     * Uses of {@code op}'s weights that find them absent (each reads them from DRAM and rewrites tiles): none when
     * every copy is pinned, else the share of the op's instances that use unpinned copies.
     */
    public long rewrittenUses(GemmOp op) {
        if (op.bOperand() != BOperand.WEIGHTS) {
            return op.count();
        }
        long n = copies.getOrDefault(op.name(), 1L);
        long resident = Math.min(n, pinnedCopies(op.name()));
        if (resident == n) {
            return 0;
        }
        return op.count() - (long) Math.floor((double) op.count() * resident / n);
    }

    /**
     * The cost with a weight GEMM's compute re-timed for the crossbars it may use: when the model fits, every matrix
     * is replicated the same number of times in the tiles the model leaves free (capacity / tiles needed, at least
     * once); when it does not, a matrix has only its own tiles. The family's own cost replicates over the whole
     * array, which resident weights of other layers occupy.
     */
    public CostReport withReplicas(GemmOp op, CostReport cost) {
        if (op.bOperand() != BOperand.WEIGHTS || store.tilesFor(op) > store.capacityTiles()) {
            return cost;
        }
        long copies = fits() ? Math.max(1, (store.capacityTiles() - kvTiles) / Math.max(1, tilesNeeded)) : 1;
        long compute = Math.multiplyExact(store.computeCycles(op, Math.multiplyExact(store.tilesFor(op), copies)),
                op.count());
        CycleBreakdown c = cost.cycles();
        CycleBreakdown cycles = new CycleBreakdown(compute, c.memoryStall(), c.fillDrain(), c.vector(), c.sramStall());
        return new CostReport(cycles, cost.actions(), cost.energy(), cost.areaSquareMicrometres(), cost.sources());
    }

    /**
     * Cost of the writes {@code op} causes: rewriting unpinned weight copies, or writing attention's keys and values
     * into tiles for every use. A matrix larger than the whole store is already rewritten inside the family's own
     * cost (rounds), so it adds nothing here.
     */
    public CostReport writes(GemmOp op) {
        if (store.tilesFor(op) > store.capacityTiles() && op.bOperand() == BOperand.WEIGHTS) {
            return CostReport.ZERO;
        }
        return store.write(op, rewrittenUses(op));
    }
}
