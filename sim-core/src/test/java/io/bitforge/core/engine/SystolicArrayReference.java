package io.bitforge.core.engine;

/**
 * An independent, cycle-by-cycle reference for the fold model: it moves real operand values through the
 * registers of an R×C systolic array, one hop per cycle, multiplies and accumulates them, and counts cycles,
 * MACs, busy cells and buffer accesses. It shares no code with the engine.
 *
 * <p>Conventions (those of SCALE-Sim v2's compute model): folds run back to back and each occupies the whole
 * array (a partly mapped fold still takes the full array's skew; unmapped cells see zero operands); a fold ends in
 * the cycle its last multiply-accumulate happens (os) or its last partial sum leaves the bottom row (ws, is);
 * ws/is first preload the stationary operand, one array row per cycle from the top edge.
 */
final class SystolicArrayReference {
    /** What a run measured. {@code cycles} counts cycles (SCALE-Sim reports {@code cycles - 1}). */
    record Run(long cycles, long folds, long macs, double mappingSum, double busyCellCycles, long[] foldCycles,
               long activationReads, long weightReads, long outputWrites, long[][] product) {
    }

    private SystolicArrayReference() {
    }

    /** Runs C = A·B with A M×K and B K×N on an R×C array with the given dataflow ("os", "ws", "is"). */
    static Run run(String dataflow, int rows, int cols, long[][] a, long[][] b) {
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        long[][] c = new long[m][n];
        Counters counters = new Counters();
        java.util.List<Long> foldCycles = new java.util.ArrayList<>();
        switch (dataflow) {
            case "os" -> {
                for (int n0 = 0; n0 < n; n0 += cols) {
                    for (int m0 = 0; m0 < m; m0 += rows) {
                        foldCycles.add(outputStationaryFold(rows, cols, a, b, m0, n0, c, counters));
                    }
                }
            }
            case "ws" -> {
                // stationary B tile: K along rows, N along columns; A streams (row t of A = one wavefront)
                for (int n0 = 0; n0 < n; n0 += cols) {
                    for (int k0 = 0; k0 < k; k0 += rows) {
                        foldCycles.add(stationaryFold(rows, cols, k0, n0, k, n, m,
                                (row, col) -> b[row][col], (t, row) -> a[t][row],
                                (t, col, value) -> c[t][col] += value, counters, true));
                    }
                }
            }
            case "is" -> {
                // stationary A^T tile: K along rows, M along columns; B streams (column t of B = one wavefront)
                for (int m0 = 0; m0 < m; m0 += cols) {
                    for (int k0 = 0; k0 < k; k0 += rows) {
                        foldCycles.add(stationaryFold(rows, cols, k0, m0, k, m, n,
                                (row, col) -> a[col][row], (t, row) -> b[row][t],
                                (t, col, value) -> c[col][t] += value, counters, false));
                    }
                }
            }
            default -> throw new IllegalArgumentException(dataflow);
        }
        long total = foldCycles.stream().mapToLong(Long::longValue).sum();
        return new Run(total, foldCycles.size(), counters.macs, counters.mappingSum, counters.busy,
                foldCycles.stream().mapToLong(Long::longValue).toArray(), counters.activationReads,
                counters.weightReads, counters.outputWrites, c);
    }

    private static final class Counters {
        long macs;
        double mappingSum;
        double busy;
        long activationReads;
        long weightReads;
        long outputWrites;

        void stationaryRead(boolean weightsStationary) {
            if (weightsStationary) {
                weightReads++;
            } else {
                activationReads++;
            }
        }

        void streamedRead(boolean weightsStationary) {
            if (weightsStationary) {
                activationReads++;
            } else {
                weightReads++;
            }
        }
    }

    /** One os fold: A rows enter from the left, B columns from the top, each cell accumulates its own output. */
    private static long outputStationaryFold(int rows, int cols, long[][] a, long[][] b, int m0, int n0, long[][] c,
                                             Counters counters) {
        int k = b.length;
        int rowsUsed = Math.min(rows, a.length - m0);
        int colsUsed = Math.min(cols, b[0].length - n0);
        counters.mappingSum += (double) rowsUsed * colsUsed / ((double) rows * cols);
        // registers: value and the reduction index it belongs to (-1 = empty)
        long[][] aValue = new long[rows][cols];
        int[][] aIndex = filled(rows, cols);
        long[][] bValue = new long[rows][cols];
        int[][] bIndex = filled(rows, cols);
        long[][] acc = new long[rows][cols];
        long cycle = 0;
        long lastMacCycle = -1;
        int remaining = rows * cols * k;  // every cell, mapped or padded, sees k operand pairs
        while (remaining > 0) {
            long[][] nextAValue = new long[rows][cols];
            int[][] nextAIndex = filled(rows, cols);
            long[][] nextBValue = new long[rows][cols];
            int[][] nextBIndex = filled(rows, cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (j == 0) {
                        int t = (int) (cycle - i);
                        if (t >= 0 && t < k) {
                            boolean mapped = i < rowsUsed;
                            nextAValue[i][0] = mapped ? a[m0 + i][t] : 0;
                            nextAIndex[i][0] = t;
                            if (mapped) {
                                counters.activationReads++;
                            }
                        }
                    } else {
                        nextAValue[i][j] = aValue[i][j - 1];
                        nextAIndex[i][j] = aIndex[i][j - 1];
                    }
                    if (i == 0) {
                        int t = (int) (cycle - j);
                        if (t >= 0 && t < k) {
                            boolean mapped = j < colsUsed;
                            nextBValue[0][j] = mapped ? b[t][n0 + j] : 0;
                            nextBIndex[0][j] = t;
                            if (mapped) {
                                counters.weightReads++;
                            }
                        }
                    } else {
                        nextBValue[i][j] = bValue[i - 1][j];
                        nextBIndex[i][j] = bIndex[i - 1][j];
                    }
                }
            }
            aValue = nextAValue;
            aIndex = nextAIndex;
            bValue = nextBValue;
            bIndex = nextBIndex;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (aIndex[i][j] >= 0 && bIndex[i][j] >= 0) {
                        if (aIndex[i][j] != bIndex[i][j]) {
                            throw new IllegalStateException("operands out of step at " + i + "," + j);
                        }
                        acc[i][j] += aValue[i][j] * bValue[i][j];
                        remaining--;
                        lastMacCycle = cycle;
                        if (i < rowsUsed && j < colsUsed) {
                            counters.macs++;
                            counters.busy++;
                        }
                    }
                }
            }
            cycle++;
        }
        for (int i = 0; i < rowsUsed; i++) {
            for (int j = 0; j < colsUsed; j++) {
                c[m0 + i][n0 + j] += acc[i][j];
                counters.outputWrites++;
            }
        }
        return lastMacCycle + 1;
    }

    interface Stationary {
        long at(int row, int col);
    }

    interface Streamed {
        long at(int t, int row);
    }

    interface Sink {
        void add(int t, int col, long value);
    }

    /**
     * One ws/is fold: the stationary tile (rows = reduction index, columns = output column) is preloaded one row
     * per cycle; then wavefront t enters row r at the left edge in cycle preload + t + r, moves right one cell per
     * cycle, and partial sums move down one cell per cycle, leaving the bottom row into the output buffer.
     */
    private static long stationaryFold(int rows, int cols, int r0, int c0, int reduction, int width, int stream,
                                       Stationary stationary, Streamed streamed, Sink sink, Counters counters,
                                       boolean weightsStationary) {
        int rowsUsed = Math.min(rows, reduction - r0);
        int colsUsed = Math.min(cols, width - c0);
        counters.mappingSum += (double) rowsUsed * colsUsed / ((double) rows * cols);
        long[][] held = new long[rows][cols];
        long cycle = 0;
        // preload: in cycle p the row entering at the top shifts everything down one row; after `rows` cycles
        // row i holds stationary row i (the bottom row is pushed first)
        long[][] shifting = new long[rows][cols];
        for (int p = 0; p < rows; p++) {
            for (int i = rows - 1; i > 0; i--) {
                shifting[i] = shifting[i - 1].clone();
            }
            int entering = rows - 1 - p;
            long[] top = new long[cols];
            for (int j = 0; j < cols; j++) {
                if (entering < rowsUsed && j < colsUsed) {
                    top[j] = stationary.at(r0 + entering, c0 + j);
                    counters.stationaryRead(weightsStationary);
                }
            }
            shifting[0] = top;
            cycle++;
        }
        for (int i = 0; i < rows; i++) {
            held[i] = shifting[i].clone();
        }
        long[][] inValue = new long[rows][cols];
        int[][] inIndex = filled(rows, cols);
        long[][] sumValue = new long[rows][cols];
        int[][] sumIndex = filled(rows, cols);
        int outputsLeft = stream * cols;  // every column of the padded array drains every wavefront
        long streamStart = cycle;
        while (outputsLeft > 0) {
            long[][] nextIn = new long[rows][cols];
            int[][] nextInIndex = filled(rows, cols);
            long[][] nextSum = new long[rows][cols];
            int[][] nextSumIndex = filled(rows, cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (j == 0) {
                        int t = (int) (cycle - streamStart - i);
                        if (t >= 0 && t < stream) {
                            boolean mapped = i < rowsUsed;
                            nextIn[i][0] = mapped ? streamed.at(t, r0 + i) : 0;
                            nextInIndex[i][0] = t;
                            if (mapped) {
                                counters.streamedRead(weightsStationary);
                            }
                        }
                    } else {
                        nextIn[i][j] = inValue[i][j - 1];
                        nextInIndex[i][j] = inIndex[i][j - 1];
                    }
                }
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    if (nextInIndex[i][j] < 0) {
                        continue;
                    }
                    long above = 0;
                    if (i > 0) {
                        if (sumIndex[i - 1][j] != nextInIndex[i][j]) {
                            throw new IllegalStateException("partial sum out of step at " + i + "," + j);
                        }
                        above = sumValue[i - 1][j];
                    }
                    nextSum[i][j] = above + nextIn[i][j] * held[i][j];
                    nextSumIndex[i][j] = nextInIndex[i][j];
                    if (i < rowsUsed && j < colsUsed) {
                        counters.macs++;
                        counters.busy++;
                    }
                }
            }
            inValue = nextIn;
            inIndex = nextInIndex;
            sumValue = nextSum;
            sumIndex = nextSumIndex;
            for (int j = 0; j < cols; j++) {
                if (sumIndex[rows - 1][j] >= 0) {
                    outputsLeft--;
                    if (j < colsUsed) {
                        sink.add(sumIndex[rows - 1][j], c0 + j, sumValue[rows - 1][j]);
                        counters.outputWrites++;
                    }
                }
            }
            cycle++;
        }
        return cycle;
    }

    private static int[][] filled(int rows, int cols) {
        int[][] index = new int[rows][cols];
        for (int[] row : index) {
            java.util.Arrays.fill(row, -1);
        }
        return index;
    }
}
