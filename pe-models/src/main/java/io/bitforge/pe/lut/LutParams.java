package io.bitforge.pe.lut;

import io.bitforge.core.spec.PeParams;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code lut} parameters: one LUT unit is an elongated tile of {@code tileM × tileN} outputs over {@code tileK}
 * activations (one table group, g = tileK), bit-serial over the weight planes.
 *
 * @param weightBits  weight planes of integer weights (1..8); ternary weights use 2 (two passes) or 1 (3^g table)
 * @param ternary     weights are ternary {−1, 0, +1} (BitNet b1.58)
 * @param base3Table  ternary through a 3^g-entry table, one pass (instead of two bit-serial passes)
 * @param int8Tables  T-MAC's INT8 tables with per-group scales instead of FP16 tables
 * @param tableOnArray build the tables on the array (one extra cycle per step) instead of upstream on the vector
 *                    unit
 * @param symmetric   store half the table and flip the sign for the other half (LUT Tensor Core's table
 *                    symmetrisation by weight reinterpretation); false stores every entry (a conventional LUT layout
 *                    without weight reinterpretation)
 */
public record LutParams(int weightBits, boolean ternary, boolean base3Table, boolean int8Tables, int tileM, int tileN,
                        int tileK, boolean tableOnArray, boolean symmetric) implements PeParams {
    public LutParams {
        if (weightBits < 1 || weightBits > 8) {
            throw new IllegalArgumentException("lut weightBits must be 1..8, got " + weightBits);
        }
        if (tileM < 1 || tileN < 1 || (tileK != 2 && tileK != 4)) {
            throw new IllegalArgumentException("lut tile must be >= 1 x >= 1 x (2 or 4), got " + tileM + "x" + tileN
                    + "x" + tileK);
        }
        if (base3Table && !ternary) {
            throw new IllegalArgumentException("a 3^g table is for ternary weights only");
        }
    }

    /** Symmetrised tables (LUT Tensor Core's layout). */
    public LutParams(int weightBits, boolean ternary, boolean base3Table, boolean int8Tables, int tileM, int tileN,
                     int tileK, boolean tableOnArray) {
        this(weightBits, ternary, base3Table, int8Tables, tileM, tileN, tileK, tableOnArray, true);
    }

    /** Cycles per tile step: one per weight plane (a 3^g table needs one pass). */
    public int passes() {
        if (ternary) {
            return base3Table ? 1 : 2;
        }
        return weightBits;
    }

    /**
     * Entries stored per table: 2^(g−1) with symmetrisation, (3^g + 1)/2 for a ternary 3^g table; without
     * symmetrisation every pattern, 2^g (3^g).
     */
    public int tableEntries() {
        if (base3Table) {
            int patterns = 1;
            for (int j = 0; j < tileK; j++) {
                patterns *= 3;
            }
            return symmetric ? (patterns + 1) / 2 : patterns;
        }
        return symmetric ? 1 << (tileK - 1) : 1 << tileK;
    }

    /** Bits of one stored table entry. */
    public int entryBits() {
        return int8Tables ? 8 : 16;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("weightBits", weightBits);
        map.put("weights", ternary ? "ternary" : "int");
        map.put("ternaryTable", base3Table ? "base3" : "bit-serial");
        map.put("table", int8Tables ? "int8" : "fp16");
        map.put("tileM", tileM);
        map.put("tileN", tileN);
        map.put("tileK", tileK);
        map.put("precompute", tableOnArray ? "array" : "upstream");
        if (!symmetric) {
            // only when set, so that designs without it keep their ids
            map.put("symmetry", "none");
        }
        return map;
    }
}
