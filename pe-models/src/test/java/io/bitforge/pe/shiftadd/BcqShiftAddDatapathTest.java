package io.bitforge.pe.shiftadd;

import io.bitforge.core.format.BcqFormat;
import io.bitforge.core.format.NumberFormats;
import io.bitforge.core.quant.PowerOfTwo;
import io.bitforge.core.quant.QuantizedTensor;
import io.bitforge.core.quant.Quantizer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BcqShiftAddDatapathTest {

    @Test
    void symmetricTableHoldsEverySignedSum() {
        Random random = new Random(1);
        float[] x = new float[8];
        for (int j = 0; j < 8; j++) {
            x[j] = random.nextInt(201) - 100;
        }
        float[] table = BcqShiftAddDatapath.table(x, 0);
        assertEquals(128, table.length, "2^8 sums, half stored");
        for (int m = 0; m < 256; m++) {
            double sum = 0;
            for (int j = 0; j < 8; j++) {
                sum += ((m >>> j) & 1) == 1 ? x[j] : -x[j];
            }
            assertEquals(sum, BcqShiftAddDatapath.lookup(table, m), 0.0, "entry " + m); // ±0 alike
        }
    }

    @Test
    void powerOfTwoTermsReconstructTheScaleWithinTheFormatsTermCount() {
        Random random = new Random(2);
        for (int i = 0; i < 2000; i++) {
            double alpha = PowerOfTwo.roundToSum(random.nextDouble() * Math.scalb(1.0, random.nextInt(12) - 8), 3);
            double sum = 0;
            for (int[] term : BcqShiftAddDatapath.powerOfTwoTerms(alpha)) {
                sum += term[1] * Math.scalb(1.0, term[0]);
            }
            assertEquals(alpha, sum);
            assertTrue(BcqShiftAddDatapath.powerOfTwoTerms(alpha).size() <= 3, "alpha " + alpha);
        }
        // 0.875 = 2^0 - 2^-3: two terms, largest first
        assertEquals("[[0, 1], [-3, -1]]", Arrays.deepToString(BcqShiftAddDatapath.powerOfTwoTerms(0.875).toArray()));
    }

    @Test
    void bcqPotProductsEqualTheDequantisedDotProduct() {
        Random random = new Random(4);
        int n = 6;
        int k = 128;
        for (String id : new String[] {"bcq2-pot", "bcq3-pot", "bcq4-pot"}) {
            float[] values = new float[n * k];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            QuantizedTensor w = Quantizer.builder(NumberFormats.parse(id)).groupSize(32).build()
                    .quantize(values, n, k);
            BcqFormat format = (BcqFormat) w.format();
            float[] x = new float[k];
            for (int i = 0; i < k; i++) {
                x[i] = random.nextInt(17) - 8;
            }
            float[] y = BcqShiftAddDatapath.multiply(x, w);
            for (int row = 0; row < n; row++) {
                double reference = 0;
                double magnitude = 0;
                for (int col = 0; col < k; col++) {
                    int group = row * (k / 32) + col / 32;
                    double weight = format.decode(w.code(row * k + col), Arrays.copyOfRange(w.scales(),
                            group * format.planes(), (group + 1) * format.planes()));
                    reference += weight * x[col];
                    magnitude += Math.abs(weight * x[col]);
                }
                // Tables and plane sums of integer activations are exact; only the FP32 accumulation of the
                // shifted plane sums rounds: at most one half-ulp per add, < 64 adds here.
                assertEquals(reference, y[row], 64 * Math.ulp((float) magnitude), id + " row " + row);
            }
        }
    }

    @Test
    void refusesScalesThatAreNotPowersOfTwo() {
        QuantizedTensor plain = Quantizer.builder(NumberFormats.parse("bcq2")).groupSize(8).build()
                .quantize(new float[] {1, -2, 3, -4, 5, -6, 7, -8}, 1, 8);
        assertThrows(IllegalArgumentException.class, () -> BcqShiftAddDatapath.multiply(new float[8], plain));
    }
}
