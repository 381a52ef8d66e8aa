package io.bitforge.core.pe;

/**
 * How one array cell of a family works through a GEMM, as the fold model needs it. In one <em>step</em> a cell
 * covers {@code lanesM} rows of A, {@code lanesK} consecutive reduction indices and {@code lanesN} columns of B
 * (so it performs {@code lanesM·lanesK·lanesN} MACs), and a step takes {@code cyclesPerStep} cycles. The engine
 * divides M, K and N by the lanes (rounding up) and runs SCALE-Sim's fold model on the result, with the
 * systolic pipeline advancing one hop per step.
 *
 * <p>Examples: a bit-parallel MAC is {@code (1, 1, 1, 1)}; BitMoD's 4-lane dot-product PE with w-bit weights is
 * {@code (1, 4, 1, ceil(w/2))}; a Bit Fusion unit at 4-bit × 4-bit is {@code (2, 1, 2, 1)} (its
 * {@code (8/b_a)·(8/b_w)} products span two rows of A and two columns of B).
 *
 * <p>{@code edgeStageCycles} are pipeline stages operands pass through at the array edge before the first cell
 * (e.g. OliVe's pair decoder): they lengthen every fold's fill by that many cycles but, being pipelined, do not
 * change the initiation interval. Most families have none.
 */
public record CellTiming(int lanesM, int lanesK, int lanesN, int cyclesPerStep, int edgeStageCycles) {
    /** One MAC per cycle: the baseline systolic cell. */
    public static final CellTiming SINGLE_MAC = new CellTiming(1, 1, 1, 1);

    public CellTiming {
        if (lanesM < 1 || lanesK < 1 || lanesN < 1 || cyclesPerStep < 1) {
            throw new IllegalArgumentException("lanes and cycles per step must be >= 1, got " + lanesM + ", "
                    + lanesK + ", " + lanesN + ", " + cyclesPerStep);
        }
        if (edgeStageCycles < 0) {
            throw new IllegalArgumentException("edge stage cycles must be >= 0, got " + edgeStageCycles);
        }
    }

    /** A cell without stages at the array edge. */
    public CellTiming(int lanesM, int lanesK, int lanesN, int cyclesPerStep) {
        this(lanesM, lanesK, lanesN, cyclesPerStep, 0);
    }

    /** MACs one cell performs per step. */
    public long macsPerStep() {
        return (long) lanesM * lanesK * lanesN;
    }
}
