package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ANT's per-tensor choice of a 4-bit type (clevercool/ANT-Quantization, ant_quantization/antquant/quant_modules.py,
 * search_adaptive_numeric_type): every candidate type quantises the whole tensor with its clipping search
 * ({@link ScaleRule#CLIP_SEARCH}, ties up), the per-group mean squared errors are summed, and the type with the
 * least sum wins; an equal sum keeps the earlier type in ANT's order int, flint, pot. ANT's 4-bit "float" type
 * (3 exponent bits, no mantissa) has the same values as pot4, so it is not tried separately.
 */
public final class AntTypeSelection {
    /** ANT's 4-bit candidates in the order its mode string is read: -int, -flint, -pot. */
    public static final List<ElementFormat> CANDIDATES = List.of((ElementFormat) NumberFormats.parse("int4"),
            NumberFormats.FLINT4, NumberFormats.POT4);

    /** The chosen type and each candidate's summed per-group mean squared error, by format id. */
    public record Choice(ElementFormat format, Map<String, Double> summedMeanSquaredErrors) {
        public Choice {
            summedMeanSquaredErrors = Map.copyOf(summedMeanSquaredErrors);
        }
    }

    private AntTypeSelection() {
    }

    /** Chooses the type for a [rows, cols] tensor quantised with {@code granularity} (group size if grouped). */
    public static Choice choose(float[] values, int rows, int cols, Granularity granularity, int groupSize) {
        Map<String, Double> sums = new LinkedHashMap<>();
        ElementFormat best = null;
        double bestSum = Double.POSITIVE_INFINITY;
        for (ElementFormat f : CANDIDATES) {
            Quantizer.Builder builder = Quantizer.builder(f).granularity(granularity).scaleRule(ScaleRule.CLIP_SEARCH)
                    .rounding(Rounding.HALF_UP);
            if (granularity == Granularity.GROUP) {
                builder.groupSize(groupSize);
            }
            QuantizedTensor q = builder.build().quantize(values, rows, cols);
            float[] restored = q.dequantize();
            GroupLayout layout = q.layout();
            double sum = 0;
            for (int g = 0; g < layout.groupCount(); g++) {
                double squares = 0;
                for (int i = layout.start(g); i < layout.end(g); i++) {
                    double e = values[i] - restored[i];
                    squares += e * e;
                }
                sum += squares / (layout.end(g) - layout.start(g));
            }
            sums.put(f.id(), sum);
            if (sum < bestSum) {
                bestSum = sum;
                best = f;
            }
        }
        return new Choice(best, sums);
    }
}
