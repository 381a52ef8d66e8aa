package io.bitforge.memory.scalesim;

import java.util.Arrays;

/**
 * SCALE-Sim v2's per-cycle SRAM demand for one layer on one dataflow (scalesim/compute/systolic_compute_*.py):
 * row r of each demand matrix lists the addresses the array's edge reads (ifmap, filter) or writes (ofmap)
 * in cycle r, −1 for no request. The layer is cut into folds, column folds outside and row folds inside;
 * every fold of a dataflow spans the same number of cycles, including the fill and drain gaps SCALE-Sim
 * inserts as rows of −1 and the systolic skew (column c delayed by c cycles). Rows are produced on demand so a
 * layer never has to fit in memory as a matrix.
 */
abstract sealed class SystolicDemand permits OsDemand, StationaryDemand {
    protected final OperandAddresses addresses;
    protected final int arrayRows;
    protected final int arrayCols;

    SystolicDemand(OperandAddresses addresses, ScaleSimConfig config) {
        this.addresses = addresses;
        this.arrayRows = config.arrayRows();
        this.arrayCols = config.arrayCols();
    }

    static SystolicDemand of(TopologyLayer layer, ScaleSimConfig config) {
        OperandAddresses addresses = new OperandAddresses(layer, config);
        return switch (config.dataflow()) {
            case OS -> new OsDemand(addresses, config);
            case WS -> new WsDemand(addresses, config);
            case IS -> new IsDemand(addresses, config);
        };
    }

    /** Spatial extent mapped on the array's rows (SCALE-Sim's Sr). */
    abstract int spatialRows();

    /** Spatial extent mapped on the array's columns (Sc). */
    abstract int spatialCols();

    /** Temporal extent (T). */
    abstract int temporal();

    /** Cycles (demand rows) every fold spans. */
    abstract int rowsPerFold();

    /** Columns of the ifmap demand matrix (the array edge the ifmap enters). */
    abstract int ifmapWidth();

    /** Columns of the filter demand matrix. */
    abstract int filterWidth();

    /** Fills {@code out} (length {@link #ifmapWidth()}) with row {@code r} of fold {@code fold}. */
    abstract void ifmapRow(int fold, int r, long[] out);

    abstract void filterRow(int fold, int r, long[] out);

    /** Ofmap demand row; its width is the array's column count. */
    abstract void ofmapRow(int fold, int r, long[] out);

    /** The ifmap demand of fold {@code fold} as counts ({@link FoldStream}): the shape {@link #ifmapRow} fills. */
    abstract FoldStream ifmapStream(int fold);

    abstract FoldStream filterStream(int fold);

    abstract FoldStream ofmapStream(int fold);

    /**
     * Which block of the ifmap operand fold {@code fold} reads: folds with the same block read the same addresses
     * in the same order; −1 when no other fold reads this fold's addresses.
     */
    abstract int ifmapBlock(int fold);

    abstract int filterBlock(int fold);

    /** How the blocks of the ifmap operand recur over the folds ({@link #ifmapBlock}). */
    abstract BlockRecurrence ifmapRecurrence();

    abstract BlockRecurrence filterRecurrence();

    /** SRAM reads the ifmap operand makes, as SCALE-Sim counts them (its get_ifmap_requests). */
    abstract long ifmapReads();

    abstract long filterReads();

    abstract long ofmapWrites();

    /** Cycles SCALE-Sim charges a fold when it computes compute utilisation. */
    abstract long utilisationCyclesPerFold();

    int rowFolds() {
        return ceilDiv(spatialRows(), arrayRows);
    }

    int colFolds() {
        return ceilDiv(spatialCols(), arrayCols);
    }

    int folds() {
        return Math.multiplyExact(rowFolds(), colFolds());
    }

    /** Row fold of fold index {@code fold} (row folds vary fastest). */
    int rowFold(int fold) {
        return fold % rowFolds();
    }

    int colFold(int fold) {
        return fold / rowFolds();
    }

    /** Array rows that carry data in this fold. */
    int rowsUsed(int fold) {
        return Math.min(arrayRows, spatialRows() - rowFold(fold) * arrayRows);
    }

    int colsUsed(int fold) {
        return Math.min(arrayCols, spatialCols() - colFold(fold) * arrayCols);
    }

    /**
     * Mean over folds of used PEs / all PEs, summed left to right as Python's sum() did before 3.12 (SCALE-Sim's
     * CALC regression output was written that way; Python 3.12+ compensates and can differ in the last digit).
     */
    double mappingEfficiency() {
        double sum = 0;
        for (int f = 0; f < folds(); f = runEnd(f)) {
            // every fold of a run adds the same term ({@link RepeatedSum}: as one addition after another); in long:
            // a 65,536 x 65,536 array has 2^32 PEs, past the int range
            sum = RepeatedSum.add(sum, (double) ((long) rowsUsed(f) * colsUsed(f)) / ((long) arrayRows * arrayCols),
                    runEnd(f) - f);
        }
        return sum / folds();
    }

    /** Mean over folds of used PEs × T / (all PEs × fold cycles). */
    double computeUtilisation() {
        double sum = 0;
        for (int f = 0; f < folds(); f = runEnd(f)) {
            long macUsed = (long) rowsUsed(f) * colsUsed(f);
            sum = RepeatedSum.add(sum, (double) (macUsed * temporal())
                    / ((double) arrayRows * arrayCols * utilisationCyclesPerFold()), runEnd(f) - f);
        }
        return sum / folds();
    }

    /**
     * The end (exclusive) of the run of folds from {@code fold} on that all have the same used rows and columns, and
     * so the same demand shapes ({@link FoldStream}s) for every operand; only the last row fold of a column fold and
     * the last column fold can be narrower.
     */
    int runEnd(int fold) {
        int rowFolds = rowFolds();
        boolean rowsVary = rowFolds > 1 && spatialRows() % arrayRows != 0;
        boolean colsVary = colFolds() > 1 && spatialCols() % arrayCols != 0;
        int rowFold = rowFold(fold);
        int colFold = colFold(fold);
        if (rowsVary) {
            return rowFold < rowFolds - 1 ? colFold * rowFolds + rowFolds - 1 : fold + 1;
        }
        return colsVary && colFold < colFolds() - 1 ? (colFolds() - 1) * rowFolds : folds();
    }

    long totalRows() {
        return (long) folds() * rowsPerFold();
    }

    /**
     * Row {@code r} of the skewed form of a matrix with {@code height} rows: column c is delayed by c rows, so
     * out[c] = source row (r − c), column c, or −1 outside the source.
     */
    static void skewed(int r, int height, long[] out, Source source) {
        for (int c = 0; c < out.length; c++) {
            int sourceRow = r - c;
            out[c] = sourceRow >= 0 && sourceRow < height ? source.at(sourceRow, c) : -1;
        }
    }

    static void none(long[] out) {
        Arrays.fill(out, -1);
    }

    static int ceilDiv(int a, int b) {
        // in long: a + b - 1 wraps past the int range when a is near Integer.MAX_VALUE
        return (int) (((long) a + b - 1) / b);
    }

    /** An unskewed demand matrix of one fold. */
    @FunctionalInterface
    interface Source {
        long at(int row, int col);
    }
}
