package io.bitforge.core.cost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What something costs, at any level (fold, op, layer, phase, workload): cycles by cause, action counts, energy
 * in picojoules by {@link EnergyCategory}, area in square micrometres by hardware unit, and the cost sources used
 * (DESIGN.md, "Cost report").
 *
 * <p>{@link #plus} adds cycles, actions and energy (ops run one after another). Area describes the hardware, not
 * the work, so {@code plus} keeps per unit the larger of the two areas (the same design evaluated twice has the
 * same area) and {@link #times} leaves it unchanged.
 *
 * @param areaSquareMicrometres area per unit name (e.g. {@code pe-array}), sorted by name
 */
public record CostReport(CycleBreakdown cycles, ActionCounts actions, EnergyBreakdown energy,
                         Map<String, Double> areaSquareMicrometres, List<CostSource> sources) {
    /** Area units of the design around the PE array: the SRAM buffers and the vector unit. */
    public static final java.util.Set<String> DESIGN_UNITS = java.util.Set.of("sram", "vector");
    public static final CostReport ZERO = new CostReport(CycleBreakdown.ZERO, ActionCounts.ZERO, EnergyBreakdown.ZERO,
            Map.of(), List.of());

    public CostReport {
        Objects.requireNonNull(cycles, "cycles");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(energy, "energy");
        areaSquareMicrometres = Collections.unmodifiableMap(new TreeMap<>(areaSquareMicrometres));
        sources = List.copyOf(sources);
    }

    public long totalCycles() {
        return cycles.total();
    }

    public double totalPicojoules() {
        return energy.totalPicojoules();
    }

    public double totalAreaSquareMicrometres() {
        return areaSquareMicrometres.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * Area of the compute units: every unit except the design's SRAM buffers ({@code sram}) and vector unit
     * ({@code vector}), i.e. the PE array and its edge units.
     */
    public double peAreaSquareMicrometres() {
        return areaSquareMicrometres.entrySet().stream().filter(e -> !DESIGN_UNITS.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    public CostReport plus(CostReport other) {
        Map<String, Double> area = new TreeMap<>(areaSquareMicrometres);
        other.areaSquareMicrometres.forEach((unit, value) -> area.merge(unit, value, Math::max));
        LinkedHashSet<CostSource> merged = new LinkedHashSet<>(sources);
        merged.addAll(other.sources);
        return new CostReport(cycles.plus(other.cycles), actions.plus(other.actions), energy.plus(other.energy),
                area, new ArrayList<>(merged));
    }

    /** {@code count} back-to-back repetitions of this work on the same hardware. */
    public CostReport times(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (count == 1) {
            return this;
        }
        return new CostReport(cycles.times(count), actions.times(count), energy.times(count), areaSquareMicrometres,
                sources);
    }
}
