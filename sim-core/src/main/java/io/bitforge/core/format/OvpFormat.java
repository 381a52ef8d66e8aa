package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;

import java.util.Objects;

/**
 * OliVe's outlier-victim pair encoding (Guo et al., ISCA 2023; bit-exact rules from clevercool/ANT-Quantization,
 * olive_quantization/antquant/quant_modules.py). Values are taken in pairs of neighbours (2i, 2i+1) along the
 * reduction dimension; each element has a {@code b}-bit code (b = 4 or 8):
 * <ul>
 *   <li>normal values: sign-magnitude int (±7 / ±127, no −2^(b−1)) or ANT flint4 magnitudes {0,1,2,3,4,6,8,16};</li>
 *   <li>the victim marker {@code 1 0…0} (the unused negative zero) in one slot says the other slot holds an
 *       outlier and this one is pruned to 0;</li>
 *   <li>outliers ("abfloat"): sign + 2-bit exponent + (b−3)-bit mantissa, magnitude (1 + j/2^(b−3))·2^(5+e) in the
 *       quantiser's normalised units where the normal range ends at 32 (int4 ×4, flint4 ×2, int8 ×¼); magnitude
 *       code 0 (value 32) is excluded so that a negative outlier never aliases the marker. In int4 units the
 *       outliers are {12,16,24,32,48,64,96}; in flint4 units {24,32,48,64,96,128,192}.</li>
 * </ul>
 * A pair code is {@code evenCode | oddCode << b} (the even element in the low bits, as packed nibbles are stored).
 * Three pair codes never come out of the encoder and are reserved: a marker beside magnitude code 0
 * ({@code 0…0} or the marker itself), which would be the excluded abfloat value.
 * Element values are in the normal type's units; the quantiser supplies the scale.
 */
public final class OvpFormat implements NumberFormat {
    /** The normal-value type of the pair format. */
    public enum Normal {
        INT4("ovp-int4", 4), FLINT4("ovp-flint4", 4), INT8("ovp-int8", 8);

        private final String id;
        private final int bits;

        Normal(String id, int bits) {
            this.id = id;
            this.bits = bits;
        }

        public String id() {
            return id;
        }

        public int bits() {
            return bits;
        }
    }

    /** How a pair code decodes. */
    public enum PairKind {
        BOTH_NORMAL, OUTLIER_EVEN, OUTLIER_ODD, RESERVED
    }

    private final Normal normal;
    private final VictimRule victimRule;
    private final double[] normalByMagnitudeCode;
    private final double[] outlierByMagnitudeCode;
    private final ValueGrid normalGrid;
    private final ValueGrid outlierGrid;
    private final ValueGrid elementGrid;
    /** Per element-grid index: the element code of that value (its normal code, or its outlier code). */
    private final int[] elementCodes;
    /** Per element-grid index: whether the value lies beyond the normal range. */
    private final boolean[] elementOutliers;

    public OvpFormat(Normal normal, VictimRule victimRule) {
        this.normal = Objects.requireNonNull(normal, "normal");
        this.victimRule = Objects.requireNonNull(victimRule, "victimRule");
        int half = 1 << (normal.bits() - 1);
        normalByMagnitudeCode = new double[half];
        for (int c = 0; c < half; c++) {
            normalByMagnitudeCode[c] = normal == Normal.FLINT4 ? GridFormats.FLINT_MAGNITUDES[c] : c;
        }
        // Normalised units per normal unit: 2^(b−1) maps to 32, i.e. int4 ×4, int8 ×1/4; flint4's 16 maps to 32.
        double unit = normal == Normal.INT4 ? 4 : normal == Normal.FLINT4 ? 2 : 0.25;
        int mantissaBits = normal.bits() - 3;
        outlierByMagnitudeCode = new double[half];
        outlierByMagnitudeCode[0] = Double.NaN; // excluded: would alias the marker when negative
        for (int c = 1; c < half; c++) {
            int exponent = 5 + (c >>> mantissaBits);
            int mantissa = c & ((1 << mantissaBits) - 1);
            outlierByMagnitudeCode[c] = Math.scalb(1.0 + mantissa / (double) (1 << mantissaBits), exponent) / unit;
        }
        normalGrid = ValueGrid.fromCodeTable(signMagnitudeTable(normalByMagnitudeCode, 0.0));
        outlierGrid = ValueGrid.fromCodeTable(signMagnitudeTable(outlierByMagnitudeCode, Double.NaN));
        double[] all = new double[normalGrid.size() + outlierGrid.size()];
        System.arraycopy(normalGrid.values(), 0, all, 0, normalGrid.size());
        System.arraycopy(outlierGrid.values(), 0, all, normalGrid.size(), outlierGrid.size());
        elementGrid = ValueGrid.ofValues(all);
        elementCodes = new int[elementGrid.size()];
        elementOutliers = new boolean[elementGrid.size()];
        for (int i = 0; i < elementGrid.size(); i++) {
            double v = elementGrid.value(i);
            elementOutliers[i] = Math.abs(v) > normalGrid.max();
            elementCodes[i] = elementOutliers[i] ? outlierGrid.nearestCode(v, Rounding.HALF_DOWN_TOWARD_LOWER)
                    : normalGrid.nearestCode(v, Rounding.HALF_DOWN_TOWARD_LOWER);
        }
    }

    private static double[] signMagnitudeTable(double[] magnitudes, double negativeZero) {
        double[] table = GridFormats.signMagnitude(magnitudes, negativeZero);
        if (Double.isNaN(magnitudes[0])) {
            table[0] = Double.NaN;
        }
        return table;
    }

    public Normal normal() {
        return normal;
    }

    public VictimRule victimRule() {
        return victimRule;
    }

    /** The same format with the other pair rule. */
    public OvpFormat withVictimRule(VictimRule rule) {
        return new OvpFormat(normal, rule);
    }

    @Override
    public String id() {
        return normal.id();
    }

    /** Bits per element; a pair takes twice this. */
    @Override
    public int bits() {
        return normal.bits();
    }

    @Override
    public String description() {
        return "OliVe outlier-victim pair, " + bits() + " bits per value: normal "
                + (normal == Normal.FLINT4 ? "flint4" : "sign-magnitude int" + bits()) + ", abfloat outliers up to "
                + stripZero(outlierGrid.max()) + ", victim marker 1" + "0".repeat(bits() - 1) + ", "
                + (victimRule == VictimRule.EVEN_FIRST ? "even-first" : "keep-the-larger") + " pair rule";
    }

    private static String stripZero(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public String source() {
        return "OliVe (Guo et al., ISCA 2023); clevercool/ANT-Quantization "
                + "olive_quantization/antquant/quant_modules.py (abfloat grid, marker, even-first pair rule)";
    }

    /** The victim marker code, 1 followed by b−1 zeros. */
    public int victimMarker() {
        return 1 << (bits() - 1);
    }

    /** Normal values (sign-magnitude, zero once), sorted. */
    public ValueGrid normalGrid() {
        return normalGrid;
    }

    /** Outlier values (both signs), sorted. */
    public ValueGrid outlierGrid() {
        return outlierGrid;
    }

    /** Every value an element can take: normal ∪ outlier, sorted. */
    public ValueGrid elementGrid() {
        return elementGrid;
    }

    /** The largest normal magnitude (7, 16 or 127). */
    public double normalMax() {
        return normalGrid.max();
    }

    /** The value of a normal element code (the marker code reads as 0). */
    public double decodeNormal(int code) {
        checkElementCode(code);
        double magnitude = normalByMagnitudeCode[code & (victimMarker() - 1)];
        return (code & victimMarker()) != 0 ? -magnitude + 0.0 : magnitude;
    }

    /** The value of an outlier element code; magnitude code 0 is not an outlier and throws. */
    public double decodeOutlier(int code) {
        checkElementCode(code);
        int magnitudeCode = code & (victimMarker() - 1);
        if (magnitudeCode == 0) {
            throw new IllegalArgumentException(id() + ": outlier magnitude code 0 is excluded, got code " + code);
        }
        double magnitude = outlierByMagnitudeCode[magnitudeCode];
        return (code & victimMarker()) != 0 ? -magnitude : magnitude;
    }

    /** How a pair code decodes. */
    public PairKind classify(int pairCode) {
        checkPairCode(pairCode);
        int even = pairCode & elementMask();
        int odd = pairCode >>> bits();
        boolean evenMarker = even == victimMarker();
        boolean oddMarker = odd == victimMarker();
        int magnitudeMask = victimMarker() - 1;
        // Beside a marker, magnitude code 0 would be the excluded abfloat value (and ±0 aliases the marker).
        if (evenMarker && (odd & magnitudeMask) == 0 || oddMarker && (even & magnitudeMask) == 0) {
            return PairKind.RESERVED;
        }
        if (evenMarker) {
            return PairKind.OUTLIER_ODD;
        }
        if (oddMarker) {
            return PairKind.OUTLIER_EVEN;
        }
        return PairKind.BOTH_NORMAL;
    }

    /** {even, odd} values of a pair code; a reserved pair decodes to {NaN, NaN}. */
    public double[] decodePair(int pairCode) {
        int even = pairCode & elementMask();
        int odd = pairCode >>> bits();
        switch (classify(pairCode)) {
            case OUTLIER_EVEN:
                return new double[] {decodeOutlier(even), 0.0};
            case OUTLIER_ODD:
                return new double[] {0.0, decodeOutlier(odd)};
            case RESERVED:
                return new double[] {Double.NaN, Double.NaN};
            default:
                return new double[] {decodeNormal(even), decodeNormal(odd)};
        }
    }

    /**
     * Encodes two neighbours (already divided by the scale). Each is first rounded to the element grid
     * (normal ∪ outlier, ties by {@code rounding}); one that lands beyond the normal range is an outlier. With one
     * outlier, its partner becomes the victim (marker, value 0); with two, {@link #victimRule()} picks the survivor.
     */
    public int encodePair(double even, double odd, Rounding rounding) {
        return encodePair(even, odd, rounding, new double[2]);
    }

    /**
     * As {@link #encodePair(double, double, Rounding)}, also writing the pair's values {even, odd} (what
     * {@link #decodePair} gives for the code) into {@code decoded}, without allocating: the scale searches call this
     * for every pair of every candidate scale.
     */
    public int encodePair(double even, double odd, Rounding rounding, double[] decoded) {
        int evenIndex = elementIndex(even, rounding);
        int oddIndex = elementIndex(odd, rounding);
        boolean evenOutlier = elementOutliers[evenIndex];
        boolean oddOutlier = elementOutliers[oddIndex];
        if (evenOutlier && oddOutlier && victimRule == VictimRule.KEEP_LARGER
                && Math.abs(odd) > Math.abs(even)) {
            evenOutlier = false;
        }
        if (evenOutlier) {
            decoded[0] = elementGrid.value(evenIndex);
            decoded[1] = 0.0;
            return elementCodes[evenIndex] | victimMarker() << bits();
        }
        if (oddOutlier) {
            decoded[0] = 0.0;
            decoded[1] = elementGrid.value(oddIndex);
            return victimMarker() | elementCodes[oddIndex] << bits();
        }
        // Both normal: the nearest of normal ∪ outlier values is a normal value, hence the nearest normal value.
        decoded[0] = elementGrid.value(evenIndex);
        decoded[1] = elementGrid.value(oddIndex);
        return elementCodes[evenIndex] | elementCodes[oddIndex] << bits();
    }

    /**
     * The index of the nearest element value. With {@link Rounding#HALF_UP}, OliVe's tie rule: its kernel scans the
     * normal values and then the outliers keeping the last of equal distance, so a tie goes to the upper value
     * except between the largest negative normal and the smallest negative outlier, where the outlier (listed
     * later, and the lower of the two) wins.
     */
    private int elementIndex(double value, Rounding rounding) {
        int i = elementGrid.nearestIndex(value, rounding);
        if (rounding == Rounding.HALF_UP && i > 0 && elementGrid.value(i) == -normalMax()
                && value == (elementGrid.value(i) + elementGrid.value(i - 1)) / 2) {
            return i - 1;
        }
        return i;
    }

    /** Encodes an element without a partner (a trailing odd element): normal values only. */
    public int encodeLone(double value, Rounding rounding) {
        return normalCode(value, rounding);
    }

    private int normalCode(double value, Rounding rounding) {
        // The grids were built from sign-magnitude code tables, so their codes are the element codes (0 is +0).
        return normalGrid.nearestCode(value, rounding);
    }

    private int elementMask() {
        return (1 << bits()) - 1;
    }

    private void checkElementCode(int code) {
        if (code < 0 || code > elementMask()) {
            throw new IllegalArgumentException(id() + ": element code must be 0.." + elementMask() + ", got " + code);
        }
    }

    private void checkPairCode(int pairCode) {
        if (pairCode < 0 || pairCode >= 1 << (2 * bits())) {
            throw new IllegalArgumentException(id() + ": pair code must be 0.." + ((1 << (2 * bits())) - 1)
                    + ", got " + pairCode);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OvpFormat f && f.normal == normal && f.victimRule == victimRule;
    }

    @Override
    public int hashCode() {
        return normal.hashCode() * 31 + victimRule.hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
