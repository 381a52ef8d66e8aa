package io.bitforge.core.quant;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.format.AntTypeChoice;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ANT's per-tensor choice of a 4-bit type (clevercool/ANT-Quantization, ant_quantization/antquant/quant_modules.py,
 * search_adaptive_numeric_type), the quantiser of format {@code ant4} ({@link AntTypeChoice}): every candidate type
 * quantises the whole tensor, the per-group mean squared errors are summed, and the type with the least sum wins;
 * an equal sum keeps the earlier type in ANT's order int, flint, pot. With {@link QuantMethod#PAPER} every candidate
 * uses ANT's clipping search ({@link ScaleRule#CLIP_SEARCH}, ties up), as ANT's code does; with
 * {@link QuantMethod#BITFORGE} each candidate uses BitForge's own defaults (absmax scale, ties down). ANT's 4-bit
 * "float" type (3 exponent bits, no mantissa) has the same values as pot4, so it is not tried separately.
 */
public final class AntTypeSelection {
    /** ANT's 4-bit candidates in the order its mode string is read: -int, -flint, -pot. */
    public static final List<ElementFormat> CANDIDATES = NumberFormats.ANT4.candidates();

    /**
     * The chosen type, its quantised tensor and each candidate's summed per-group mean squared error, by format id.
     */
    public record Choice(ElementFormat format, QuantizedTensor tensor, Map<String, Double> summedMeanSquaredErrors) {
        public Choice {
            summedMeanSquaredErrors = Map.copyOf(summedMeanSquaredErrors);
        }
    }

    private AntTypeSelection() {
    }

    /** Chooses the type for a [rows, cols] tensor quantised with {@code granularity} (group size if grouped). */
    public static Choice choose(float[] values, int rows, int cols, Granularity granularity, int groupSize) {
        Quantizer.Builder settings = Quantizer.builder(NumberFormats.ANT4).granularity(granularity);
        if (granularity == Granularity.GROUP) {
            settings.groupSize(groupSize);
        }
        return choose(settings.build(), values, rows, cols);
    }

    /** Chooses the type for a [rows, cols] tensor with the granularity and method of {@code settings}. */
    public static Choice choose(Quantizer settings, float[] values, int rows, int cols) {
        Map<String, Double> sums = new LinkedHashMap<>();
        ElementFormat best = null;
        QuantizedTensor bestTensor = null;
        double bestSum = Double.POSITIVE_INFINITY;
        for (ElementFormat f : CANDIDATES) {
            QuantizedTensor q = candidate(f, settings).quantize(values, rows, cols);
            double sum = summedGroupMeanSquaredError(values, q);
            sums.put(f.id(), sum);
            // Strictly less: an equal sum keeps the earlier candidate, as ANT's loop does.
            if (sum < bestSum || best == null) {
                bestSum = sum;
                best = f;
                bestTensor = q;
            }
        }
        return new Choice(best, bestTensor, sums);
    }

    /** The quantiser one candidate type uses under {@code settings}' granularity and method. */
    static Quantizer candidate(ElementFormat format, Quantizer settings) {
        Quantizer.Builder builder = Quantizer.builder(format).granularity(settings.granularity())
                .method(settings.method());
        if (settings.granularity() == Granularity.GROUP) {
            builder.groupSize(settings.groupSize());
        }
        if (settings.method() == QuantMethod.PAPER) {
            builder.scaleRule(ScaleRule.CLIP_SEARCH).rounding(Rounding.HALF_UP);
        }
        return builder.build();
    }

    private static double summedGroupMeanSquaredError(float[] values, QuantizedTensor q) {
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
        return sum;
    }
}
