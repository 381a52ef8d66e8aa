package io.bitforge.core.engine;

import java.util.List;

/**
 * The nesting of a tiled GEMM's three tile loops, outermost first: {@code MKN} runs the M loop outside, the K
 * loop in the middle and the N loop inside. An operand's tile stays on chip across the iterations of loops
 * that do not index it and are nested inside its innermost indexing loop; every other loop change refetches it.
 */
public enum LoopOrder {
    MKN, MNK, KMN, KNM, NMK, NKM;

    /** The loops outermost first. */
    public List<Dim> loops() {
        return name().chars().mapToObj(c -> Dim.valueOf(String.valueOf((char) c))).toList();
    }

    /** Position (0 = outermost) of {@code dim}. */
    public int position(Dim dim) {
        return name().indexOf(dim.name());
    }

    /** The spelling used in a spec's {@code mapping: {loopOrder: ...}}, e.g. {@code mkn}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The three GEMM dimensions: M rows of A and C, K the reduction, N columns of B and C. */
    public enum Dim { M, K, N }
}
