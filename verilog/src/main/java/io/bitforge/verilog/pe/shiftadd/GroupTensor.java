package io.bitforge.verilog.pe.shiftadd;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.Granularity;
import io.bitforge.core.quant.GroupLayout;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.verilog.pe.GroupScales;

/** A tile's weight codes (K×N, row-major) and group metadata as the functional model's [N × K] quantised tensor. */
final class GroupTensor {
    private GroupTensor() {
    }

    /** {@code floatZeros}: the zero points are FP32 codes (W4A16), else two's-complement integers. */
    static QuantizedTensor of(int weightBits, int groupSize, long[] b, GroupScales scales, int k, int n,
                              boolean floatZeros) {
        int groups = scales.groups();
        short[] codes = new short[n * k];
        double[] scale = new double[n * groups];
        double[] zero = new double[n * groups];
        for (int col = 0; col < n; col++) {
            for (int i = 0; i < k; i++) {
                codes[col * k + i] = (short) b[i * n + col];
            }
            for (int g = 0; g < groups; g++) {
                scale[col * groups + g] = NumberFormats.FP16.decode((int) scales.scale(g, col));
                long z = scales.zero(g, col);
                zero[col * groups + g] = floatZeros ? Float.intBitsToFloat((int) z) : z;
            }
        }
        return new QuantizedTensor(NumberFormats.parse("int" + weightBits),
                new GroupLayout(Granularity.GROUP, n, k, groupSize), codes, scale, zero, new byte[0], 0,
                Rounding.HALF_EVEN);
    }
}
