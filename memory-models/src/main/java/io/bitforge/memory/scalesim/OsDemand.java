package io.bitforge.memory.scalesim;

/**
 * Output stationary (systolic_compute_os.py): output pixels on the array's rows (Sr = M), filters on its
 * columns (Sc = N), the reduction streamed in time (T = K). Per fold: ifmap and filter stream for T cycles,
 * followed by C − 1 (ifmap) or R − 1 (filter) idle cycles, both skewed; the outputs leave through the bottom
 * edge after T − 1 idle cycles, last array row first, also skewed. A fold spans T + R + C − 2 cycles.
 * SCALE-Sim v2 counts ofmap SRAM writes as M × N plus R + C per fold (its create_ofmap_demand_mat adds the
 * padded fold's height and width a second time); BitForge's compatibility mode reproduces that count.
 */
final class OsDemand extends SystolicDemand {
    OsDemand(OperandAddresses addresses, ScaleSimConfig config) {
        super(addresses, config);
    }

    @Override
    int spatialRows() {
        return addresses.m();
    }

    @Override
    int spatialCols() {
        return addresses.n();
    }

    @Override
    int temporal() {
        return addresses.k();
    }

    @Override
    int rowsPerFold() {
        return temporal() + arrayRows + arrayCols - 2;
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
        skewed(r, t + arrayCols - 1, out, (row, c) -> row < t && c < used ? addresses.ifmap(rowStart + c, row) : -1);
    }

    @Override
    void filterRow(int fold, int r, long[] out) {
        int colStart = colFold(fold) * arrayCols;
        int used = colsUsed(fold);
        int t = temporal();
        skewed(r, t + arrayRows - 1, out, (row, c) -> row < t && c < used ? addresses.filter(row, colStart + c) : -1);
    }

    @Override
    void ofmapRow(int fold, int r, long[] out) {
        int rowStart = rowFold(fold) * arrayRows;
        int colStart = colFold(fold) * arrayCols;
        int rows = rowsUsed(fold);
        int cols = colsUsed(fold);
        int idle = temporal() - 1;
        skewed(r, idle + arrayRows, out, (row, c) -> {
            if (row < idle) {
                return -1;
            }
            int arrayRow = arrayRows - 1 - (row - idle); // outputs leave bottom row first
            return arrayRow < rows && c < cols ? addresses.ofmap(rowStart + arrayRow, colStart + c) : -1;
        });
    }

    @Override
    FoldStream ifmapStream(int fold) {
        return new FoldStream.Skewed(0, rowsUsed(fold), temporal());
    }

    @Override
    FoldStream filterStream(int fold) {
        return new FoldStream.Skewed(0, colsUsed(fold), temporal());
    }

    @Override
    FoldStream ofmapStream(int fold) {
        // source rows T − 1 + R − rows .. T − 1 + R − 1 of the skewed matrix carry the used array rows' outputs
        int rows = rowsUsed(fold);
        return new FoldStream.Skewed(temporal() - 1L + arrayRows - rows, colsUsed(fold), rows);
    }

    @Override
    int ifmapBlock(int fold) {
        return rowFold(fold);
    }

    @Override
    int filterBlock(int fold) {
        return colFold(fold);
    }

    @Override
    BlockRecurrence ifmapRecurrence() {
        return BlockRecurrence.ROW_FOLD;
    }

    @Override
    BlockRecurrence filterRecurrence() {
        return BlockRecurrence.COL_FOLD;
    }

    @Override
    long ifmapReads() {
        return (long) colFolds() * temporal() * spatialRows();
    }

    @Override
    long filterReads() {
        return (long) rowFolds() * temporal() * spatialCols();
    }

    @Override
    long ofmapWrites() {
        return (long) spatialRows() * spatialCols() + (long) folds() * (arrayRows + arrayCols);
    }

    @Override
    long utilisationCyclesPerFold() {
        return temporal() + arrayRows + arrayCols - 2;
    }
}
