package io.bitforge.pe.bitfusion;

import io.bitforge.core.engine.Engine;
import io.bitforge.core.format.ElementFormat;
import io.bitforge.core.format.IntFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fused products and dot products equal plain integer arithmetic at every width pair and signedness. */
class BitFusionProperties {
    private static final Registry REGISTRY = Registry.load();

    @Provide
    Arbitrary<Integer> widths() {
        return Arbitraries.of(2, 4, 8);
    }

    @Provide
    Arbitrary<BitFusionVariant> variants() {
        return Arbitraries.of(BitFusionVariant.values());
    }

    /**
     * A random 1xK by Kx1 (and a small MxKxN) tile of integer operands on a fusible unit equals the plain integer
     * dot product computed here from the operand values (the codes come from the shared IntFormat encoder).
     */
    @Property(tries = 600)
    void tilesEqualPlainIntegerDotProducts(@ForAll("variants") BitFusionVariant variant,
                                           @ForAll("widths") int activationBits, @ForAll("widths") int weightBits,
                                           @ForAll boolean activationSigned, @ForAll boolean weightSigned,
                                           @ForAll @IntRange(min = 1, max = 80) int k, @ForAll long seed) {
        OperandType aType = activationSigned ? OperandType.INT : OperandType.UINT;
        OperandType wType = weightSigned ? OperandType.INT : OperandType.UINT;
        FusionUnit unit = new FusionUnit(new BitFusionParams(variant, weightBits, activationBits, wType, aType));
        IntFormat aFormat = (IntFormat) NumberFormats.parse(aType.formatId(activationBits));
        IntFormat wFormat = (IntFormat) NumberFormats.parse(wType.formatId(weightBits));
        Random random = new Random(seed);
        int m = 1 + random.nextInt(3);
        int n = 1 + random.nextInt(3);
        long[] a = values(aFormat, m * k, random);
        long[] w = values(wFormat, k * n, random);
        long[] c = unit.gemm(codes(aFormat, a), codes(wFormat, w), m, k, n);
        for (int row = 0; row < m; row++) {
            for (int col = 0; col < n; col++) {
                long expected = 0;
                for (int i = 0; i < k; i++) {
                    expected += a[row * k + i] * w[i * n + col];
                }
                assertEquals(expected, c[row * n + col], "row " + row + " col " + col);
            }
        }
    }

    /** ANT: random flint/int operand mixes equal the dot product of the formats' decoded values. */
    @Property(tries = 300)
    void antFlintTilesEqualDecodedDotProducts(@ForAll("antTypes") OperandType activationType,
                                              @ForAll("antTypes") OperandType weightType,
                                              @ForAll @IntRange(min = 1, max = 64) int k, @ForAll long seed) {
        FusionUnit unit = new FusionUnit(new BitFusionParams(BitFusionVariant.ANT, 4, 4, weightType,
                activationType));
        ElementFormat aFormat = (ElementFormat) NumberFormats.parse(activationType.formatId(4));
        ElementFormat wFormat = (ElementFormat) NumberFormats.parse(weightType.formatId(4));
        Random random = new Random(seed);
        int[] a = new int[k];
        int[] w = new int[k];
        double expected = 0;
        for (int i = 0; i < k; i++) {
            a[i] = random.nextInt(16);
            w[i] = random.nextInt(16);
            expected += aFormat.decode(a[i]) * wFormat.decode(w[i]);
        }
        assertEquals((long) expected, unit.gemm(a, w, 1, k, 1)[0]);
    }

    /**
     * On an output-stationary array the streaming cycles of a GEMM equal the artefacts' FC cycle count
     * ceil(M/(rows·f_a))·ceil(N/(cols·f_w))·K (hsharma35/bitfusion bitfusion/src/simulator/accelerator.py),
     * computed here from the formula.
     */
    @Property(tries = 300)
    void streamingCyclesEqualTheArtefactsFcFormula(@ForAll("variants") BitFusionVariant variant,
                                                   @ForAll("widths") int activationBits,
                                                   @ForAll("widths") int weightBits,
                                                   @ForAll @IntRange(min = 1, max = 300) int m,
                                                   @ForAll @IntRange(min = 1, max = 300) int k,
                                                   @ForAll @IntRange(min = 1, max = 300) int n,
                                                   @ForAll @IntRange(min = 1, max = 40) int rows,
                                                   @ForAll @IntRange(min = 1, max = 40) int cols) {
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("bitfusion-45nm", "--hw")
                .withArray(new ArraySpec(rows, cols)).withPe(new PeSpec("bitfusion",
                        new BitFusionParams(variant, 8, 8, OperandType.INT, OperandType.INT)));
        GemmOp op = new GemmOp("g", OpKind.GEMM, m, k, n, 1, new Precision("int" + activationBits, activationBits),
                new Precision("int" + weightBits, weightBits), Precision.INT32, BOperand.WEIGHTS, 0);
        long fa = 8 / Math.max(activationBits, variant.minBits());
        long fw = 8 / Math.max(weightBits, variant.minBits());
        long expected = ceilDiv(m, rows * fa) * ceilDiv(n, cols * fw) * k;
        assertEquals(expected, new Engine(spec, new BitFusionFamily()).evaluate(op).cost().cycles().compute());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    @Provide
    Arbitrary<OperandType> antTypes() {
        return Arbitraries.of(OperandType.values());
    }

    private static long[] values(IntFormat format, int count, Random random) {
        long[] values = new long[count];
        long span = format.maxValue() - format.minValue() + 1;
        for (int i = 0; i < count; i++) {
            values[i] = format.minValue() + (long) (random.nextDouble() * span);
        }
        return values;
    }

    private static int[] codes(IntFormat format, long[] values) {
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = format.codeOf(values[i]);
        }
        return codes;
    }
}
