package io.bitforge.verilog.pe;

/**
 * The quantisation metadata of a tile's weights for an array with group dequantisers: per group g (along K) and
 * output column n, the upper field's code (MixPE: the zero point, two's complement or an FP32 code; BitMoD: the group
 * type's unit shift) and the FP16 scale code, row-major [g·N + n].
 */
public record GroupScales(int groups, int n, long[] zeroCodes, long[] scaleCodes) {
    public GroupScales {
        if (groups < 1 || n < 1 || zeroCodes.length != groups * n || scaleCodes.length != groups * n) {
            throw new IllegalArgumentException("group scales need " + groups + " x " + n + " zero and scale codes, got "
                    + zeroCodes.length + " and " + scaleCodes.length);
        }
        zeroCodes = zeroCodes.clone();
        scaleCodes = scaleCodes.clone();
    }

    public long zero(int group, int column) {
        return zeroCodes[group * n + column];
    }

    public long scale(int group, int column) {
        return scaleCodes[group * n + column];
    }
}
