package io.bitforge.pe.reram;

import io.bitforge.core.arith.Bits;
import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Parameters of the {@code reram} family: one crossbar tile (ISAAC / NeuroSim style) and its SAR-ADC readout.
 *
 * @param crossbarRows             word lines of one crossbar (reduction inputs it holds)
 * @param crossbarCols             bit lines of one crossbar
 * @param cellBits                 bits one cell stores (w_c)
 * @param weightBits               weight width; magnitudes are bit-sliced over {@code ceil(bits/cellBits)} columns
 * @param signedWeights            pos/neg arrays or offset with digital correction
 * @param flipEncoding             ISAAC's per-column flip (store max−g when the column sum would pass half scale)
 * @param dacBits                  input bits applied per input cycle (v)
 * @param inputBits                activation width the tile is built for
 * @param parallelRows             word lines activated together (one ADC sample covers this many rows)
 * @param colsPerAdc               bit lines multiplexed onto one ADC
 * @param adcBits                  SAR-ADC resolution N
 * @param adcFullScaleMax          false: one LSB is one unit cell current (codes saturate above 2^N−1); true: the
 *                                 top code is the largest sum a partition can reach (LSB of several units)
 * @param adcScheme                full, skip or two-interval conversion
 * @param intervalBits             two-interval: sums below 2^t are resolved exactly with t bits
 * @param truncatedBits            two-interval: large sums drop this many LSBs
 * @param intervalRounding         two-interval: round (true) or truncate (false) the dropped LSBs
 * @param expectedComparatorCycles mean comparator cycles per conversion measured on the weights (from
 *                                 {@code bitforge adc-study}); empty means full conversion for skip schemes
 * @param readVoltage              read voltage on a word line, volts
 * @param onResistanceOhms         low-resistance state
 * @param offResistanceOhms        high-resistance state
 * @param readPulseNanoseconds     duration the read current flows per input cycle
 * @param conductanceSigma         relative device-to-device conductance spread (0 = ideal), seeded
 * @param noiseSeed                seed of that spread
 * @param programPicojoulesPerCell energy to write one cell when a model does not fit (estimate)
 * @param programCyclesPerRow      cycles to write one crossbar row (rows of a crossbar are written one by one)
 * @param reprogram                a model whose weights do not fit the crossbars runs by rewriting crossbars
 *                                 (true) or is refused (false, the default)
 */
public record ReramParams(int crossbarRows, int crossbarCols, int cellBits, int weightBits,
                          SignedWeights signedWeights, boolean flipEncoding, int dacBits, int inputBits,
                          int parallelRows, int colsPerAdc, int adcBits, boolean adcFullScaleMax, AdcScheme adcScheme,
                          int intervalBits, int truncatedBits, boolean intervalRounding,
                          OptionalDouble expectedComparatorCycles, double readVoltage, double onResistanceOhms,
                          double offResistanceOhms, double readPulseNanoseconds, double conductanceSigma,
                          long noiseSeed, double programPicojoulesPerCell, int programCyclesPerRow,
                          boolean reprogram)
        implements PeParams {
    public ReramParams {
        Objects.requireNonNull(signedWeights, "signedWeights");
        Objects.requireNonNull(adcScheme, "adcScheme");
        Objects.requireNonNull(expectedComparatorCycles, "expectedComparatorCycles");
        if (crossbarRows < 1 || crossbarCols < 1 || cellBits < 1 || cellBits > 8 || weightBits < 2 || weightBits > 16
                || dacBits < 1 || dacBits > 8 || inputBits < 1 || inputBits > 16 || parallelRows < 1
                || parallelRows > crossbarRows || colsPerAdc < 1 || colsPerAdc > crossbarCols || adcBits < 1
                || adcBits > 16 || intervalBits < 0 || intervalBits > adcBits || truncatedBits < 0
                || truncatedBits >= adcBits) {
            throw new IllegalArgumentException("reram parameters out of range");
        }
        // fields are not assigned yet inside a compact constructor: compute from the parameters
        boolean posNeg = signedWeights == SignedWeights.POS_NEG;
        int columns = ((posNeg ? weightBits - 1 : weightBits) + cellBits - 1) / cellBits * (posNeg ? 2 : 1);
        if (crossbarCols < columns) {
            throw new IllegalArgumentException("a crossbar of " + crossbarCols + " columns cannot hold one weight of "
                    + columns + " columns");
        }
        if (!(readVoltage > 0) || !(onResistanceOhms > 0) || !(offResistanceOhms >= onResistanceOhms)
                || !(readPulseNanoseconds > 0) || !(conductanceSigma >= 0) || !(programPicojoulesPerCell >= 0)
                || programCyclesPerRow < 0) {
            throw new IllegalArgumentException("reram electrical parameters out of range");
        }
    }

    /** Parameters that refuse a model whose weights do not fit the crossbars. */
    public ReramParams(int crossbarRows, int crossbarCols, int cellBits, int weightBits, SignedWeights signedWeights,
                       boolean flipEncoding, int dacBits, int inputBits, int parallelRows, int colsPerAdc, int adcBits,
                       boolean adcFullScaleMax, AdcScheme adcScheme, int intervalBits, int truncatedBits,
                       boolean intervalRounding, OptionalDouble expectedComparatorCycles, double readVoltage,
                       double onResistanceOhms, double offResistanceOhms, double readPulseNanoseconds,
                       double conductanceSigma, long noiseSeed, double programPicojoulesPerCell,
                       int programCyclesPerRow) {
        this(crossbarRows, crossbarCols, cellBits, weightBits, signedWeights, flipEncoding, dacBits, inputBits,
                parallelRows, colsPerAdc, adcBits, adcFullScaleMax, adcScheme, intervalBits, truncatedBits,
                intervalRounding, expectedComparatorCycles, readVoltage, onResistanceOhms, offResistanceOhms,
                readPulseNanoseconds, conductanceSigma, noiseSeed, programPicojoulesPerCell, programCyclesPerRow,
                false);
    }

    /** Bits a weight magnitude (pos-neg) or biased weight (offset) takes in cells. */
    public int storedBits(int bits) {
        return signedWeights == SignedWeights.POS_NEG ? bits - 1 : bits;
    }

    /** Cell columns one weight slice set takes: {@code ceil(storedBits/cellBits)}. */
    public int slices(int bits) {
        return (storedBits(bits) + cellBits - 1) / cellBits;
    }

    /** Bit lines one weight occupies (slices, doubled for pos/neg arrays). */
    public int columnsPerWeight() {
        return columnsPerWeight(weightBits);
    }

    public int columnsPerWeight(int bits) {
        return slices(bits) * (signedWeights == SignedWeights.POS_NEG ? 2 : 1);
    }

    /** Input cycles for {@code bits}-bit activations: {@code ceil(bits/dacBits)}. */
    public int inputCycles(int bits) {
        return (bits + dacBits - 1) / dacBits;
    }

    public long maxCellLevel() {
        return (1L << cellBits) - 1;
    }

    public long maxInputDigit() {
        return (1L << dacBits) - 1;
    }

    /**
     * The largest sum one ADC sample can see: {@code R·(2^v−1)·(2^wc−1)} for R parallel rows, or with flip encoding
     * {@code (2^v−1)·floor(R·(2^wc−1)/2)} since a flipped column's cell sum never passes half scale.
     */
    public long maxColumnSum() {
        long cellSum = flipEncoding ? parallelRows * maxCellLevel() / 2 : parallelRows * maxCellLevel();
        return maxInputDigit() * cellSum;
    }

    /** ADC bits for lossless readout: {@code ceil(log2(maxColumnSum + 1))} (research notes §5.2). */
    public int requiredAdcBits() {
        return Math.max(1, Bits.ceilLog2(maxColumnSum() + 1));
    }

    /** Comparator cycles of a full N-bit SAR conversion: N bit decisions plus one sampling cycle (NeuroSim). */
    public int fullConversionCycles() {
        return adcBits + 1;
    }

    public int maxCode() {
        return (1 << adcBits) - 1;
    }

    /** Column current units per ADC LSB. */
    public double lsbUnits() {
        return adcFullScaleMax ? Math.max(1.0, (double) maxColumnSum() / maxCode()) : 1.0;
    }

    public ReramParams withAdcScheme(AdcScheme scheme) {
        return new ReramParams(crossbarRows, crossbarCols, cellBits, weightBits, signedWeights, flipEncoding, dacBits,
                inputBits, parallelRows, colsPerAdc, adcBits, adcFullScaleMax, scheme, intervalBits, truncatedBits,
                intervalRounding, expectedComparatorCycles, readVoltage, onResistanceOhms, offResistanceOhms,
                readPulseNanoseconds, conductanceSigma, noiseSeed, programPicojoulesPerCell, programCyclesPerRow,
                reprogram);
    }

    public ReramParams withExpectedComparatorCycles(OptionalDouble cycles) {
        return new ReramParams(crossbarRows, crossbarCols, cellBits, weightBits, signedWeights, flipEncoding, dacBits,
                inputBits, parallelRows, colsPerAdc, adcBits, adcFullScaleMax, adcScheme, intervalBits, truncatedBits,
                intervalRounding, cycles, readVoltage, onResistanceOhms, offResistanceOhms, readPulseNanoseconds,
                conductanceSigma, noiseSeed, programPicojoulesPerCell, programCyclesPerRow, reprogram);
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("crossbarRows", crossbarRows);
        map.put("crossbarCols", crossbarCols);
        map.put("cellBits", cellBits);
        map.put("weightBits", weightBits);
        map.put("signedWeights", signedWeights.id());
        map.put("flipEncoding", flipEncoding);
        map.put("dacBits", dacBits);
        map.put("inputBits", inputBits);
        map.put("parallelRows", parallelRows);
        map.put("colsPerAdc", colsPerAdc);
        map.put("adcBits", adcBits);
        map.put("adcFullScale", adcFullScaleMax ? "max" : "unit");
        map.put("adcScheme", adcScheme.id());
        map.put("intervalBits", intervalBits);
        map.put("truncatedBits", truncatedBits);
        map.put("intervalRounding", intervalRounding);
        expectedComparatorCycles.ifPresent(v -> map.put("expectedComparatorCycles", v));
        map.put("readVoltage", readVoltage);
        map.put("onResistanceOhms", onResistanceOhms);
        map.put("offResistanceOhms", offResistanceOhms);
        map.put("readPulseNanoseconds", readPulseNanoseconds);
        map.put("conductanceSigma", conductanceSigma);
        map.put("noiseSeed", noiseSeed);
        map.put("programPicojoulesPerCell", programPicojoulesPerCell);
        map.put("programCyclesPerRow", programCyclesPerRow);
        if (reprogram) {
            map.put("reprogram", true); // absent when false, so existing designs keep their ids
        }
        return map;
    }
}
