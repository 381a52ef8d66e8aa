package io.bitforge.simulation;

import java.util.Map;

/**
 * What simulating any workload on a design returns, whatever its kind: the JSON document (a map in a fixed key
 * order), one CSV row per op, and the readable text. {@link SimulationReport} for LLMs, {@link DiffusionReport}
 * for diffusion models.
 */
public sealed interface SimulationOutcome permits SimulationReport, DiffusionReport {
    /** The full result as written by {@code --json}; {@code explain} adds each GEMM's mapping where there is one. */
    Map<String, Object> asMap(boolean explain);

    /** One row per op of every phase. */
    String csv();

    /** The readable summary and per-op tables. */
    String text(boolean explain);
}
