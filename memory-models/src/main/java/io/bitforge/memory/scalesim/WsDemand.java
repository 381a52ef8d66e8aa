package io.bitforge.memory.scalesim;

/**
 * Weight stationary (systolic_compute_ws.py): filters on the array's columns (Sc = N), output pixels streamed in
 * time (T = M); the weights are the stationary operand, the ifmap the streamed one ({@link StationaryDemand}).
 */
final class WsDemand extends StationaryDemand {
    WsDemand(OperandAddresses addresses, ScaleSimConfig config) {
        super(addresses, config);
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
    int ifmapWidth() {
        return arrayRows;
    }

    @Override
    int filterWidth() {
        return arrayCols;
    }

    @Override
    long stationaryAddress(int k, int j) {
        return addresses.filter(k, j);
    }

    @Override
    long streamedAddress(int k, int t) {
        return addresses.ifmap(t, k);
    }

    @Override
    long outputAddress(int t, int j) {
        return addresses.ofmap(t, j);
    }

    @Override
    void ifmapRow(int fold, int r, long[] out) {
        streamedRow(fold, r, out);
    }

    @Override
    void filterRow(int fold, int r, long[] out) {
        stationaryRow(fold, r, out);
    }

    @Override
    FoldStream ifmapStream(int fold) {
        return streamedStream(fold);
    }

    @Override
    FoldStream filterStream(int fold) {
        return stationaryStream(fold);
    }

    @Override
    int ifmapBlock(int fold) {
        return streamedBlock(fold);
    }

    @Override
    int filterBlock(int fold) {
        return -1;
    }

    @Override
    BlockRecurrence ifmapRecurrence() {
        return BlockRecurrence.ROW_FOLD;
    }

    @Override
    BlockRecurrence filterRecurrence() {
        return BlockRecurrence.NONE;
    }

    @Override
    long ifmapReads() {
        return streamedReads();
    }

    @Override
    long filterReads() {
        return stationaryReads();
    }
}
