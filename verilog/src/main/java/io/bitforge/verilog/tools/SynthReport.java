package io.bitforge.verilog.tools;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Cell counts of a synthesised design (from Yosys {@code stat -json}, whole design). */
public record SynthReport(SynthFlow flow, SortedMap<String, Integer> cellsByType, int totalCells) {
    public SynthReport {
        cellsByType = Collections.unmodifiableSortedMap(new TreeMap<>(cellsByType));
    }

    /** Cells of one type, 0 if none. */
    public int count(String cellType) {
        return cellsByType.getOrDefault(cellType, 0);
    }
}
