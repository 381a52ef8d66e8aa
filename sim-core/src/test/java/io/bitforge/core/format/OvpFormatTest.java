package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OliVe pairs: grids, every pair code of the 4- and 8-bit formats, both victim rules. */
class OvpFormatTest {
    private static final Rounding LOWER = Rounding.HALF_DOWN_TOWARD_LOWER;

    @Test
    void gridsFollowTheAbfloatRule() {
        // Research notes §4.4 (clevercool/ANT-Quantization quant_modules.py): int4 units {12,16,24,32,48,64,96};
        // flint4 units {24,32,48,64,96,128,192}; normal int4 ±7, flint4 {0,1,2,3,4,6,8,16}.
        assertArrayEquals(new double[] {-96, -64, -48, -32, -24, -16, -12, 12, 16, 24, 32, 48, 64, 96},
                NumberFormats.OVP_INT4.outlierGrid().values());
        assertArrayEquals(new double[] {-192, -128, -96, -64, -48, -32, -24, 24, 32, 48, 64, 96, 128, 192},
                NumberFormats.OVP_FLINT4.outlierGrid().values());
        assertEquals(15, NumberFormats.OVP_INT4.normalGrid().size());
        assertEquals(7.0, NumberFormats.OVP_INT4.normalMax());
        assertEquals(16.0, NumberFormats.OVP_FLINT4.normalMax());
        // 8-bit, derived independently: (1 + j/32)·2^e for e = 5..8, j = 0..31, minus 32, in int8 units (×4).
        List<Double> expected = new ArrayList<>();
        for (int e = 5; e <= 8; e++) {
            for (int j = 0; j < 32; j++) {
                if (e == 5 && j == 0) {
                    continue;
                }
                expected.add((1 + j / 32.0) * Math.pow(2, e) * 4);
            }
        }
        double[] positive = java.util.Arrays.stream(NumberFormats.OVP_INT8.outlierGrid().values())
                .filter(v -> v > 0).toArray();
        assertEquals(127, positive.length);
        for (int i = 0; i < 127; i++) {
            assertEquals(expected.get(i), positive[i], 0.0);
        }
        assertEquals(132.0, positive[0]); // (1 + 1/32)·32·4
        assertEquals(2016.0, positive[126]); // (1 + 31/32)·256·4
        assertEquals(127.0, NumberFormats.OVP_INT8.normalMax());
    }

    @Test
    void everyFourBitPairCodeDecodes() {
        for (OvpFormat f : List.of(NumberFormats.OVP_INT4, NumberFormats.OVP_FLINT4)) {
            checkAllPairs(f, 256, 225, 14);
        }
    }

    @Test
    void everyEightBitPairCodeDecodes() {
        checkAllPairs(NumberFormats.OVP_INT8, 65_536, 255 * 255, 254);
    }

    /**
     * Every pair code: 15 (or 255) non-marker codes per slot give the normal pairs; a marker beside any code
     * except the two magnitude-0 codes gives an outlier pair; the three codes pairing a marker with magnitude 0
     * are reserved. Each non-reserved code round-trips through both victim rules.
     */
    private static void checkAllPairs(OvpFormat f, int codes, int normalPairs, int outlierPairsPerSlot) {
        Map<OvpFormat.PairKind, Integer> counts = new EnumMap<>(OvpFormat.PairKind.class);
        OvpFormat keepLarger = f.withVictimRule(VictimRule.KEEP_LARGER);
        for (int code = 0; code < codes; code++) {
            OvpFormat.PairKind kind = f.classify(code);
            counts.merge(kind, 1, Integer::sum);
            double[] values = f.decodePair(code);
            if (kind == OvpFormat.PairKind.RESERVED) {
                assertTrue(Double.isNaN(values[0]) && Double.isNaN(values[1]));
                continue;
            }
            switch (kind) {
                case BOTH_NORMAL:
                    assertTrue(f.normalGrid().contains(values[0]) && f.normalGrid().contains(values[1]));
                    break;
                case OUTLIER_EVEN:
                    assertTrue(f.outlierGrid().contains(values[0]) && values[1] == 0, f.id() + " " + code);
                    break;
                default:
                    assertTrue(values[0] == 0 && f.outlierGrid().contains(values[1]), f.id() + " " + code);
            }
            assertEquals(code, f.encodePair(values[0], values[1], LOWER), f.id() + " even-first, code " + code);
            assertEquals(code, keepLarger.encodePair(values[0], values[1], LOWER),
                    f.id() + " keep-larger, code " + code);
        }
        assertEquals(normalPairs, counts.get(OvpFormat.PairKind.BOTH_NORMAL));
        assertEquals(outlierPairsPerSlot, counts.get(OvpFormat.PairKind.OUTLIER_EVEN));
        assertEquals(outlierPairsPerSlot, counts.get(OvpFormat.PairKind.OUTLIER_ODD));
        assertEquals(3, counts.get(OvpFormat.PairKind.RESERVED));
    }

    @Test
    void victimRuleBothWays() {
        OvpFormat evenFirst = NumberFormats.OVP_INT4;
        OvpFormat keepLarger = evenFirst.withVictimRule(VictimRule.KEEP_LARGER);
        // Both outliers, the odd one larger: the repository keeps the even one, the paper the larger.
        assertArrayEquals(new double[] {24, 0}, evenFirst.decodePair(evenFirst.encodePair(24, 48, LOWER)));
        assertArrayEquals(new double[] {0, 48}, keepLarger.decodePair(keepLarger.encodePair(24, 48, LOWER)));
        // Even larger: both rules keep the even one.
        assertArrayEquals(new double[] {48, 0}, evenFirst.decodePair(evenFirst.encodePair(48, 24, LOWER)));
        assertArrayEquals(new double[] {48, 0}, keepLarger.decodePair(keepLarger.encodePair(48, 24, LOWER)));
        // Negative magnitudes compare by size: |−64| > |24|.
        assertArrayEquals(new double[] {0, -64}, keepLarger.decodePair(keepLarger.encodePair(24, -64, LOWER)));
        // One outlier in either slot prunes the partner, whatever its value.
        assertArrayEquals(new double[] {0, -16}, evenFirst.decodePair(evenFirst.encodePair(5, -16, LOWER)));
        assertArrayEquals(new double[] {96, 0}, evenFirst.decodePair(evenFirst.encodePair(200, 7, LOWER)));
        assertEquals(0b1000, evenFirst.encodePair(96, 7, LOWER) >>> 4, "the victim slot holds the marker");
    }

    @Test
    void theNormalOutlierBoundaryIsTheGridMidpoint() {
        OvpFormat f = NumberFormats.OVP_INT4;
        // 7 and 12 are neighbours on the element grid: 9.5 is the midpoint, a tie goes to the lower value 7.
        assertEquals(OvpFormat.PairKind.BOTH_NORMAL, f.classify(f.encodePair(9.5, 0, LOWER)));
        assertEquals(OvpFormat.PairKind.OUTLIER_EVEN, f.classify(f.encodePair(9.51, 0, LOWER)));
        assertArrayEquals(new double[] {7, 3}, f.decodePair(f.encodePair(9.5, 2.6, LOWER)));
    }
}
