package io.bitforge.reports.chart;

import java.util.Map;
import java.util.Objects;

/**
 * One PE family at one set of parameters on a fixed GEMM: its operand precisions, throughput per mm² of PE-array
 * area and energy per op (multiply and add count as two ops, DESIGN.md conventions).
 */
public record PeFigure(String family, Map<String, Object> params, String activations, String weights,
                       double teraOpsPerSecondPerSquareMillimetre, double picojoulesPerOp, long cycles,
                       double areaSquareMillimetres) {
    public PeFigure {
        Objects.requireNonNull(family, "family");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        Objects.requireNonNull(activations, "activations");
        Objects.requireNonNull(weights, "weights");
    }

    /** "bitfusion A4×W2". */
    public String label() {
        return family + " A" + activations + "×W" + weights;
    }
}
