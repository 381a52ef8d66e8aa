package io.bitforge.memory.scalesim;

/**
 * Input stationary (systolic_compute_is.py): output pixels on the array's columns (Sc = M), filters streamed in
 * time (T = N); the inputs are the stationary operand, the filters the streamed one ({@link StationaryDemand}).
 */
final class IsDemand extends StationaryDemand {
    IsDemand(OperandAddresses addresses, ScaleSimConfig config) {
        super(addresses, config);
    }

    @Override
    int spatialCols() {
        return addresses.m();
    }

    @Override
    int temporal() {
        return addresses.n();
    }

    @Override
    int ifmapWidth() {
        return arrayCols;
    }

    @Override
    int filterWidth() {
        return arrayRows;
    }

    @Override
    long stationaryAddress(int k, int j) {
        return addresses.ifmap(j, k);
    }

    @Override
    long streamedAddress(int k, int t) {
        return addresses.filter(k, t);
    }

    @Override
    long outputAddress(int t, int j) {
        return addresses.ofmap(j, t);
    }

    @Override
    void ifmapRow(int fold, int r, long[] out) {
        stationaryRow(fold, r, out);
    }

    @Override
    void filterRow(int fold, int r, long[] out) {
        streamedRow(fold, r, out);
    }

    @Override
    FoldStream ifmapStream(int fold) {
        return stationaryStream(fold);
    }

    @Override
    FoldStream filterStream(int fold) {
        return streamedStream(fold);
    }

    @Override
    int ifmapBlock(int fold) {
        return -1;
    }

    @Override
    int filterBlock(int fold) {
        return streamedBlock(fold);
    }

    @Override
    BlockRecurrence ifmapRecurrence() {
        return BlockRecurrence.NONE;
    }

    @Override
    BlockRecurrence filterRecurrence() {
        return BlockRecurrence.ROW_FOLD;
    }

    @Override
    long ifmapReads() {
        return stationaryReads();
    }

    @Override
    long filterReads() {
        return streamedReads();
    }
}
