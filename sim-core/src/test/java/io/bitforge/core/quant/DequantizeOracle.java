package io.bitforge.core.quant;

import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.GridFormat;
import io.bitforge.core.format.OvpFormat;

import java.util.Arrays;

/** {@link QuantizedTensor#dequantize()} as it was before its decode tables: the oracle it must equal bit for bit. */
final class DequantizeOracle {
    private DequantizeOracle() {
    }

    static float[] dequantize(QuantizedTensor t) {
        GroupLayout layout = t.layout();
        float[] out = new float[layout.size()];
        double[] scales = t.scales();
        for (int g = 0; g < layout.groupCount(); g++) {
            int from = layout.start(g);
            int to = layout.end(g);
            if (t.format() instanceof ElementFormat f) {
                double s = scales[g];
                double z = t.zeroPoints().length == 0 ? 0 : t.zeroPoints()[g];
                for (int i = from; i < to; i++) {
                    out[i] = (float) (s * (f.decode(t.code(i)) - z));
                }
            } else if (t.format() instanceof BitmodMixture m) {
                GridFormat f = m.candidates().get(t.choices()[g]);
                for (int i = from; i < to; i++) {
                    out[i] = (float) (scales[g] * f.decode(t.code(i)));
                }
            } else if (t.format() instanceof BcqFormat b) {
                double[] alphas = Arrays.copyOfRange(scales, g * b.planes(), (g + 1) * b.planes());
                for (int i = from; i < to; i++) {
                    out[i] = (float) b.decode(t.code(i), alphas);
                }
            } else if (t.format() instanceof OvpFormat o) {
                double s = scales[g];
                int i = from;
                for (; i + 1 < to; i += 2) {
                    double[] pair = o.decodePair(t.code(i) | t.code(i + 1) << o.bits());
                    out[i] = (float) (s * pair[0]);
                    out[i + 1] = (float) (s * pair[1]);
                }
                if (i < to) {
                    out[i] = (float) (s * o.decodeNormal(t.code(i)));
                }
            }
        }
        return out;
    }
}
