package io.bitforge.simulation;

/**
 * A phase's figures without per-op reports, every repeat included: cycles and energy as {@link Simulator#run}
 * sums them, and the largest area any op reported (the design's area).
 */
public record PhaseTotals(long cycles, double picojoules, double areaSquareMicrometres) {
}
