package io.bitforge.core.quant;

import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.BitmodMixture;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.NumberFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.format.OvpFormat;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Every quantiser against the code it had before the speed work (the {@code *Oracle} classes beside this test, run
 * group by group): the same codes, scales, zero points and type choices, bit for bit, for every format of
 * {@code quantize --format all} and a few more, both methods, on seeded groups with ties, duplicates, zeros, all-zero
 * rows, outlier channels and extreme (finite) magnitudes, and the dequantised values too, per channel (rows long enough for the radix sort), per
 * group (even, odd and tiny sizes) and per tensor.
 */
class QuantizerOracleTest {
    private static final List<String> FORMATS = List.of("int3", "int4", "int8", "sm-int4", "uint4", "fp16", "bf16",
            "fp8-e4m3", "fp8-e5m2", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1", "flint4", "uflint4", "pot3", "pot4",
            "bitmod-fp3-er+", "bitmod-fp3-er-", "bitmod-fp3-ea+", "bitmod-fp3-ea-", "bitmod-fp4-er+",
            "bitmod-fp4-er-", "bitmod-fp4-ea+", "bitmod-fp4-ea-", "bitmod-mix3", "bitmod-mix4", "ovp-int4",
            "ovp-flint4", "ovp-int8", "bcq1", "bcq2", "bcq3", "bcq4", "bcq3-pot", "bcq2-pot", "ternary");
    private static final int ROUNDS = 3;

    @Test
    void perChannelRowsOfEveryKindMatchTheOracle() {
        for (int kind = 0; kind < Data.values().length; kind++) {
            float[] x = Data.values()[kind].matrix(6, 1100, new SplittableRandom(kind));
            for (String id : FORMATS) {
                for (QuantMethod method : methods(id)) {
                    check(id, method, x, 6, 1100, b -> b.granularity(Granularity.CHANNEL));
                }
            }
        }
    }

    @Test
    void groupsAndTensorsMatchTheOracle() {
        for (int kind = 0; kind < Data.values().length; kind++) {
            float[] x = Data.values()[kind].matrix(4, 260, new SplittableRandom(100 + kind));
            for (String id : FORMATS) {
                for (QuantMethod method : methods(id)) {
                    check(id, method, x, 4, 260, b -> b.groupSize(128));
                    check(id, method, x, 4, 260, b -> b.groupSize(6));
                    check(id, method, x, 4, 260, b -> b.granularity(Granularity.TENSOR));
                    if (!(NumberFormats.parse(id) instanceof OvpFormat)) {
                        check(id, method, x, 4, 260, b -> b.groupSize(7));
                    }
                }
            }
        }
    }

    /** Both methods where they differ (ANT's, OliVe's and ShiftAddLLM's formats), else the default. */
    private static List<QuantMethod> methods(String id) {
        boolean paperFormat = id.startsWith("ovp") || id.startsWith("bcq") || id.equals("flint4")
                || id.startsWith("pot");
        return paperFormat ? List.of(QuantMethod.values()) : List.of(QuantMethod.PAPER);
    }

    private interface Settings {
        Quantizer.Builder apply(Quantizer.Builder b);
    }

    private static void check(String id, QuantMethod method, float[] x, int rows, int cols, Settings settings) {
        NumberFormat format = NumberFormats.parse(id);
        Quantizer q = settings.apply(Quantizer.builder(format).method(method).bcqRounds(ROUNDS)).build();
        QuantizedTensor fast = q.quantize(x, rows, cols);
        GroupLayout layout = q.layout(rows, cols);
        GroupQuantizer oracle = oracle(q);
        int groups = layout.groupCount();
        GroupQuantizer.Output out = new GroupQuantizer.Output(new short[layout.size()],
                new double[groups * oracle.scalesPerGroup()], new double[oracle.storesZeroPoint() ? groups : 0],
                new byte[format instanceof BitmodMixture ? groups : 0]);
        for (int g = 0; g < groups; g++) {
            oracle.quantize(x, layout.start(g), layout.end(g), g, out);
        }
        String what = q + " " + method;
        assertArrayEquals(out.codes(), fast.codes(), what + ": codes");
        assertArrayEquals(bits(out.scales()), bits(fast.scales()), what + ": scales");
        assertArrayEquals(bits(out.zeroPoints()), bits(fast.zeroPoints()), what + ": zero points");
        assertArrayEquals(out.choices(), fast.choices(), what + ": choices");
        assertArrayEquals(floatBits(DequantizeOracle.dequantize(fast)), floatBits(fast.dequantize()),
                what + ": dequantised values");
    }

    private static GroupQuantizer oracle(Quantizer q) {
        NumberFormat f = q.format();
        if (f instanceof ElementFormat e) {
            return new ElementGroupQuantizerOracle(e, q.symmetric(), q.scaleRule(), q.rounding());
        }
        if (f instanceof BitmodMixture m) {
            return new MixtureGroupQuantizerOracle(m, q.rounding());
        }
        if (f instanceof OvpFormat o) {
            return new OvpGroupQuantizerOracle(o, q.scaleRule(), q.rounding());
        }
        return q.method() == QuantMethod.PAPER ? new ShiftAddBcqGroupQuantizerOracle((BcqFormat) f, ROUNDS)
                : new BcqGroupQuantizer((BcqFormat) f, q.rounding());
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static int[] floatBits(float[] v) {
        int[] bits = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = Float.floatToRawIntBits(v[i]);
        }
        return bits;
    }

    /** Kinds of test matrix. */
    private enum Data {
        /** LLM-like weights: N(0, 0.02) with a few input channels ×20. */
        OUTLIER_CHANNELS {
            @Override
            float value(int row, int col, SplittableRandom r) {
                return (float) (r.nextGaussian() * 0.02 * (col % 97 == 5 ? 20 : 1));
            }
        },
        /** Small integers and halves: exact grid values and exact midpoints at power-of-two scales (ties). */
        TIES {
            @Override
            float value(int row, int col, SplittableRandom r) {
                return col % 50 == 0 ? 8 : r.nextInt(-16, 17) / 2f;
            }
        },
        /** Few distinct values, many zeros, and an all-zero row. */
        DUPLICATES_AND_ZEROS {
            @Override
            float value(int row, int col, SplittableRandom r) {
                if (row == 1) {
                    return r.nextBoolean() ? 0f : -0f;
                }
                float[] few = {0f, 0.25f, -0.25f, 1f, -3f, 0f};
                return few[r.nextInt(few.length)];
            }
        },
        /** Magnitudes from 1e-30 to 1e30 in one row, and a lone spike. */
        EXTREMES {
            @Override
            float value(int row, int col, SplittableRandom r) {
                if (col == 17) {
                    return row % 2 == 0 ? 1e30f : -3e-38f;
                }
                return (float) Math.scalb(r.nextDouble() - 0.5, r.nextInt(-100, 100));
            }
        };

        abstract float value(int row, int col, SplittableRandom r);

        float[] matrix(int rows, int cols, SplittableRandom r) {
            float[] x = new float[rows * cols];
            for (int i = 0; i < x.length; i++) {
                x[i] = value(i / cols, i % cols, r);
            }
            return x;
        }
    }
}
