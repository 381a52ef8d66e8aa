package io.bitforge.pe.bitfusion;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FusedMultiplierTest {
    private static final int[] WIDTHS = {2, 4, 8};

    /** Every operand value of every width pair and signedness, on 2-bit and 4-bit narrow multipliers. */
    @Test
    void everyProductOfEveryWidthPairIsExact() {
        for (int narrow : new int[] {2, 4}) {
            for (int aBits : WIDTHS) {
                for (int wBits : WIDTHS) {
                    for (boolean aSigned : new boolean[] {false, true}) {
                        for (boolean wSigned : new boolean[] {false, true}) {
                            long aMin = aSigned ? -(1L << (aBits - 1)) : 0;
                            long aMax = aSigned ? (1L << (aBits - 1)) - 1 : (1L << aBits) - 1;
                            long wMin = wSigned ? -(1L << (wBits - 1)) : 0;
                            long wMax = wSigned ? (1L << (wBits - 1)) - 1 : (1L << wBits) - 1;
                            for (long a = aMin; a <= aMax; a++) {
                                for (long w = wMin; w <= wMax; w++) {
                                    assertEquals(a * w, FusedMultiplier.multiply(a, aBits, aSigned, w, wBits,
                                            wSigned, narrow), a + " x " + w + " on " + narrow + "-bit bricks");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void workedExampleWithBitBricks() {
        // -7 (int4, 1001b) x 6 (uint4, 0110b): digits of -7 are [01b = 1 unsigned, 10b = -2 signed], of 6 are
        // [10b = 2, 01b = 1]; 1*2 + 1*1<<2 + (-2)*2<<2 + (-2)*1<<4 = 2 + 4 - 16 - 32 = -42 = -7 * 6.
        assertEquals(-42, FusedMultiplier.multiply(-7, 4, true, 6, 4, false, 2));
        assertEquals(-2, FusedMultiplier.digits(-7, 4, true, 2)[1]);
        assertEquals(1, FusedMultiplier.digits(-7, 4, true, 2)[0]);
    }

    @Test
    void bricksPerProductTimesProductsPerCycleFillTheUnit() {
        // At power-of-two widths a unit is always fully used: (b_a/p)(b_w/p) bricks x f(b_a) f(b_w) products
        // = (8/p)^2 bricks, e.g. Bit Fusion 4x2: 2*1 bricks x (2*4) products = 16.
        for (BitFusionVariant variant : BitFusionVariant.values()) {
            for (int aBits : WIDTHS) {
                for (int wBits : WIDTHS) {
                    int a = Math.max(aBits, variant.minBits());
                    int w = Math.max(wBits, variant.minBits());
                    assertEquals(variant.multipliersPerUnit(), FusedMultiplier.multipliersPerProduct(a, w,
                            variant.minBits()) * variant.productsPerCycle(aBits, wBits), variant + " " + aBits + "x"
                            + wBits);
                }
            }
        }
        assertEquals(16, BitFusionVariant.BITFUSION.multipliersPerUnit());
        assertEquals(4, BitFusionVariant.ANT.multipliersPerUnit());
    }

    @Test
    void operandsOutsideTheirWidthAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FusedMultiplier.multiply(8, 4, true, 1, 4, true, 2));
        assertThrows(IllegalArgumentException.class, () -> FusedMultiplier.multiply(-1, 4, false, 1, 4, true, 2));
    }
}
