package io.bitforge.core.quant;

import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.format.ValueGrid;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every quantiser must have, whatever the format and the data. */
class QuantizerProperties {
    private static final String[] ALL = {"int2", "int4", "int8", "sm-int4", "uint4", "uint8", "fp4-e2m1", "fp6-e2m3",
            "fp6-e3m2", "fp8-e4m3", "fp8-e5m2", "flint4", "uflint4", "bitmod-fp3-er+", "bitmod-fp4-ea-", "bitmod-mix3",
            "bitmod-mix4", "ovp-int4", "ovp-flint4", "ovp-int8", "bcq1", "bcq3", "bcq2-pot", "ternary"};
    /** Formats whose absmax scale maps onto a symmetric grid, so re-fitting the scale reproduces it. */
    private static final String[] SYMMETRIC_ABSMAX = {"int4", "int8", "sm-int4", "fp4-e2m1", "fp6-e2m3", "fp8-e4m3",
            "flint4", "bitmod-fp4-er+", "bitmod-fp3-er-"};

    /** A matrix: rows 1..4, an even number of columns 2..48, values spread over several magnitudes. */
    record Matrix(int rows, int cols, float[] values) {
    }

    @Provide
    Arbitrary<Matrix> matrices() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 24))
                .flatAs((rows, halfCols) -> Arbitraries.floats().between(-1000f, 1000f)
                        .injectDuplicates(0.1).edgeCases(c -> c.includeOnly(0f))
                        .array(float[].class).ofSize(rows * halfCols * 2)
                        .map(v -> new Matrix(rows, halfCols * 2, v)));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of(ALL);
    }

    @Provide
    Arbitrary<String> symmetricAbsmaxFormats() {
        return Arbitraries.of(SYMMETRIC_ABSMAX);
    }

    @Property(tries = 400)
    void insideTheRangeTheErrorIsAtMostHalfTheLocalGap(@ForAll("formats") String id, @ForAll("matrices") Matrix m) {
        NumberFormat format = NumberFormats.parse(id);
        QuantizedTensor q = Quantizer.builder(format).build().quantize(m.values(), m.rows(), m.cols());
        float[] y = q.dequantize();
        GroupLayout layout = q.layout();
        for (int i = 0; i < m.values().length; i++) {
            int g = layout.groupOf(i);
            double scale;
            double zero = 0;
            ValueGrid grid;
            if (format instanceof OvpFormat o) {
                if (q.code(i) == o.victimMarker()) {
                    continue; // victims are pruned to zero by design
                }
                grid = o.elementGrid();
                scale = q.scales()[g];
            } else if (format instanceof BcqFormat b) {
                grid = b.grid(Arrays.copyOfRange(q.scales(), g * b.planes(), (g + 1) * b.planes()));
                scale = 1;
            } else if (format instanceof BitmodMixture mix) {
                grid = mix.candidates().get(q.choices()[g]).grid();
                scale = q.scales()[g];
            } else {
                grid = ((ElementFormat) format).grid();
                scale = q.scales()[g];
                zero = q.zeroPoints().length == 0 ? 0 : q.zeroPoints()[g];
            }
            double x = m.values()[i];
            double v = x / scale + zero;
            double[] values = grid.values();
            if (v < values[0] || v > values[values.length - 1]) {
                continue; // outside the range: saturation, not rounding
            }
            double below = values[0];
            double above = values[values.length - 1];
            for (double candidate : values) { // independent linear scan for the neighbours
                if (candidate <= v) {
                    below = candidate;
                }
                if (candidate >= v && candidate < above) {
                    above = candidate;
                }
            }
            double halfGap = scale * (above - below) / 2;
            // y is a float: allow its rounding (relative 2^-24) on top of the double arithmetic.
            double slack = 1e-5 * (Math.abs(x) + scale) + 0x1p-23 * Math.abs(y[i]) + 1e-30;
            assertTrue(Math.abs(x - y[i]) <= halfGap + slack,
                    id + ": x=" + x + " y=" + y[i] + " half gap " + halfGap + " at index " + i);
        }
    }

    @Property(tries = 300)
    void aGroupAsLongAsTheRowIsPerChannel(@ForAll("formats") String id, @ForAll("matrices") Matrix m) {
        NumberFormat format = NumberFormats.parse(id);
        QuantizedTensor channel = Quantizer.builder(format).granularity(Granularity.CHANNEL).build()
                .quantize(m.values(), m.rows(), m.cols());
        QuantizedTensor group = Quantizer.builder(format).groupSize(m.cols()).build()
                .quantize(m.values(), m.rows(), m.cols());
        assertArrayEquals(channel.codes(), group.codes());
        assertArrayEquals(channel.scales(), group.scales());
        assertArrayEquals(channel.zeroPoints(), group.zeroPoints());
        assertArrayEquals(channel.choices(), group.choices());
        assertArrayEquals(channel.dequantize(), group.dequantize());
        assertEquals(channel.bitsPerElement(), group.bitsPerElement());
    }

    @Property(tries = 300)
    void quantisingTwiceWithTheSameMetadataChangesNothing(@ForAll("formats") String id,
                                                          @ForAll("matrices") Matrix m) {
        QuantizedTensor once = Quantizer.builder(NumberFormats.parse(id)).groupSize(2 * Math.max(1, m.cols() / 4))
                .build().quantize(m.values(), m.rows(), m.cols());
        float[] y = once.dequantize();
        assertArrayEquals(y, once.requantize(y).dequantize(), id);
    }

    @Property(tries = 300)
    void requantisingWithFreshScalesChangesNothingOnSymmetricGrids(@ForAll("symmetricAbsmaxFormats") String id,
                                                                  @ForAll("matrices") Matrix m) {
        // Absmax scales (BitForge's method for flint4) are what makes this hold; a clipping search may clip anew.
        Quantizer quantizer = Quantizer.builder(NumberFormats.parse(id)).method(QuantMethod.BITFORGE).build();
        float[] once = quantizer.quantize(m.values(), m.rows(), m.cols()).dequantize();
        float[] twice = quantizer.quantize(once, m.rows(), m.cols()).dequantize();
        for (int i = 0; i < once.length; i++) {
            // the refitted scale can differ from the first by a float rounding of the group's absmax
            assertEquals(once[i], twice[i], 1e-5 * Math.abs(once[i]) + 1e-30, id + " index " + i);
        }
    }
}
