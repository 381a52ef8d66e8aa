package io.bitforge.memory.scalesim;

/**
 * Weight stationary (systolic_compute_ws.py): the reduction on the array's rows (Sr = K), filters on its
 * columns (Sc = N), output pixels streamed in time (T = M). Per fold: R cycles load the weights (filter rows
 * bottom-up, unskewed), the ifmap streams for T cycles after those R and is skewed, outputs appear after
 * 2R − 1 cycles, skewed. A fold spans 2R + C + T − 2 cycles.
 */
final class WsDemand extends SystolicDemand {
    WsDemand(OperandAddresses addresses, ScaleSimConfig config) {
        super(addresses, config);
    }

    @Override
    int spatialRows() {
        return addresses.k();
    }

    @Override
    int spatialCols() {
        return addresses.n();
    }

    @Override
    int temporal() {
        return addresses.m();
    }

    @Override
    int rowsPerFold() {
        return 2 * arrayRows + arrayCols + temporal() - 2;
    }

    @Override
    int ifmapWidth() {
        return arrayRows;
    }

    @Override
    int filterWidth() {
        return arrayCols;
    }

    @Override
    void ifmapRow(int fold, int r, long[] out) {
        int rowStart = rowFold(fold) * arrayRows;
        int used = rowsUsed(fold);
        int t = temporal();
        skewed(r, arrayRows + t + arrayCols - 1, out, (row, c) -> {
            int time = row - arrayRows;
            return time >= 0 && time < t && c < used ? addresses.ifmap(time, rowStart + c) : -1;
        });
    }

    @Override
    void filterRow(int fold, int r, long[] out) {
        if (r >= arrayRows) {
            none(out);
            return;
        }
        int rowStart = rowFold(fold) * arrayRows;
        int colStart = colFold(fold) * arrayCols;
        int rows = rowsUsed(fold);
        int cols = colsUsed(fold);
        int arrayRow = arrayRows - 1 - r; // the top weight is pushed last
        for (int c = 0; c < out.length; c++) {
            out[c] = arrayRow < rows && c < cols ? addresses.filter(rowStart + arrayRow, colStart + c) : -1;
        }
    }

    @Override
    void ofmapRow(int fold, int r, long[] out) {
        int colStart = colFold(fold) * arrayCols;
        int cols = colsUsed(fold);
        int idle = 2 * arrayRows - 1;
        skewed(r, idle + temporal(), out, (row, c) ->
                row >= idle && c < cols ? addresses.ofmap(row - idle, colStart + c) : -1);
    }

    @Override
    long ifmapReads() {
        return (long) colFolds() * temporal() * spatialRows();
    }

    @Override
    long filterReads() {
        return (long) spatialRows() * spatialCols();
    }

    @Override
    long ofmapWrites() {
        return (long) rowFolds() * temporal() * spatialCols();
    }

    @Override
    long utilisationCyclesPerFold() {
        return 2L * arrayRows + 2L * arrayCols + temporal() - 3;
    }
}
