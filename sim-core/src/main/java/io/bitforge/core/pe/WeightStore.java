package io.bitforge.core.pe;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.op.GemmOp;

/**
 * The array of a memory-resident PE family (ReRAM crossbars) as a weight store: weights are written into its storage
 * tiles once and stay there, so a model's weights must fit over the whole model, not op by op. Families fed from
 * DRAM have none ({@link PeFamily#weightStore}).
 */
public interface WeightStore {
    /** Storage tiles the design has (e.g. crossbars). */
    long capacityTiles();

    /** Storage tiles one instance of {@code op}'s B matrix (K × N at its weight width) occupies. */
    long tilesFor(GemmOp op);

    /** What one tile is, plural, for messages ("crossbars"). */
    String tileName();

    /** True when the spec asks to run a model that does not fit by rewriting tiles; false: refuse it. */
    boolean reprogramWhenFull();

    /**
     * Cost of writing {@code instances} instances of {@code op}'s B matrix into tiles (cycles and energy from the
     * family's cell parameters, with their sources); {@link CostReport#ZERO} for no instances.
     */
    CostReport write(GemmOp op, long instances);

    /** The spec field that switches reprogramming on, for messages. */
    String reprogramField();
}
