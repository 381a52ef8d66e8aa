package io.bitforge.core.quant;

/** Quantises one group (a contiguous range of a flat array) into the shared output arrays. */
interface GroupQuantizer {
    /** Output arrays of a whole tensor; each group writes its own slots. */
    record Output(short[] codes, double[] scales, double[] zeroPoints, byte[] choices) {
    }

    /** Scales stored per group. */
    int scalesPerGroup();

    /** Whether the group stores a zero point. */
    boolean storesZeroPoint();

    void quantize(float[] x, int from, int to, int group, Output out);
}
