package io.bitforge.memory.scalesim;

/**
 * The two dataflows that hold one operand in the array (systolic_compute_ws.py, systolic_compute_is.py): the
 * reduction on the array's rows (Sr = K), the stationary operand's other dimension on its columns (Sc), the other
 * operand streamed in time (T). Per fold: R cycles load the stationary operand (bottom-up, unskewed), the streamed
 * one follows for T cycles after those R and is skewed, outputs appear after 2R − 1 cycles, skewed. A fold spans
 * 2R + C + T − 2 cycles. Weight and input stationary differ only in which operand is which.
 */
abstract sealed class StationaryDemand extends SystolicDemand permits WsDemand, IsDemand {
    StationaryDemand(OperandAddresses addresses, ScaleSimConfig config) {
        super(addresses, config);
    }

    /** Address of the stationary operand's element at reduction index {@code k}, column {@code j}. */
    abstract long stationaryAddress(int k, int j);

    /** Address of the streamed operand's element at reduction index {@code k}, time {@code t}. */
    abstract long streamedAddress(int k, int t);

    /** Address of the output at time {@code t}, column {@code j}. */
    abstract long outputAddress(int t, int j);

    @Override
    final int spatialRows() {
        return addresses.k();
    }

    @Override
    final int rowsPerFold() {
        return 2 * arrayRows + arrayCols + temporal() - 2;
    }

    /** The stationary operand's load: rows of the fold pushed bottom-up, the top one last. */
    final void stationaryRow(int fold, int r, long[] out) {
        if (r >= arrayRows) {
            none(out);
            return;
        }
        int rowStart = rowFold(fold) * arrayRows;
        int colStart = colFold(fold) * arrayCols;
        int rows = rowsUsed(fold);
        int cols = colsUsed(fold);
        int arrayRow = arrayRows - 1 - r;
        for (int c = 0; c < out.length; c++) {
            out[c] = arrayRow < rows && c < cols ? stationaryAddress(rowStart + arrayRow, colStart + c) : -1;
        }
    }

    /** The streamed operand: T steps after the R load cycles, skewed across the array's rows. */
    final void streamedRow(int fold, int r, long[] out) {
        int rowStart = rowFold(fold) * arrayRows;
        int used = rowsUsed(fold);
        int t = temporal();
        skewed(r, arrayRows + t + arrayCols - 1, out, (row, c) -> {
            int time = row - arrayRows;
            return time >= 0 && time < t && c < used ? streamedAddress(rowStart + c, time) : -1;
        });
    }

    @Override
    final void ofmapRow(int fold, int r, long[] out) {
        int colStart = colFold(fold) * arrayCols;
        int cols = colsUsed(fold);
        int idle = 2 * arrayRows - 1;
        skewed(r, idle + temporal(), out, (row, c) ->
                row >= idle && c < cols ? outputAddress(row - idle, colStart + c) : -1);
    }

    /** The stationary operand's load as counts: the used rows, bottom-up, in the fold's first R rows. */
    final FoldStream stationaryStream(int fold) {
        int rows = rowsUsed(fold);
        return new FoldStream.Load(arrayRows - rows, rows, colsUsed(fold));
    }

    /** The streamed operand as counts: T steps after the R load rows, skewed over the used rows. */
    final FoldStream streamedStream(int fold) {
        return new FoldStream.Skewed(arrayRows, rowsUsed(fold), temporal());
    }

    @Override
    final FoldStream ofmapStream(int fold) {
        return new FoldStream.Skewed(2L * arrayRows - 1, colsUsed(fold), temporal());
    }

    /** The streamed operand's block depends on the row fold only; every stationary block is read once. */
    final int streamedBlock(int fold) {
        return rowFold(fold);
    }

    /** Every stationary element is read once. */
    final long stationaryReads() {
        return (long) spatialRows() * spatialCols();
    }

    /** The streamed operand is read once per column fold. */
    final long streamedReads() {
        return (long) colFolds() * temporal() * spatialRows();
    }

    @Override
    final long ofmapWrites() {
        return (long) rowFolds() * temporal() * spatialCols();
    }

    @Override
    final long utilisationCyclesPerFold() {
        return 2L * arrayRows + 2L * arrayCols + temporal() - 3;
    }
}
