package io.bitforge.core.engine;

import io.bitforge.core.cost.CostReport;

/**
 * The result of one GEMM op: its cost (all {@code count} instances) and the array figures of one instance.
 * {@code metrics} is null when the PE family costed the GEMM itself ({@code PeFamily.customGemmCost}) or the
 * spec uses the {@code layer-overlap} cycle model (no folds).
 */
public record GemmEvaluation(CostReport cost, ArrayMetrics metrics) {
}
