package io.bitforge.reports.chart;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The two breakdown charts of {@link CostReport}s, one bar per design or op kind: energy by
 * {@link EnergyCategory} and cycles by cause (compute, memory stall, SRAM stall, fill/drain, vector), as the cost
 * report splits them.
 */
public final class CostBreakdowns {
    /** One bar's label and the cost it draws. */
    public record Labelled(String label, CostReport cost) {
        public Labelled {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(cost, "cost");
        }
    }

    private CostBreakdowns() {
    }

    /** Energy in picojoules per category, in {@link EnergyCategory} order. */
    public static StackedBarChart energy(String title, String categoryLabel, List<Labelled> costs) {
        List<StackedBar> bars = new ArrayList<>();
        for (Labelled c : costs) {
            Map<String, Double> parts = new LinkedHashMap<>();
            for (EnergyCategory category : EnergyCategory.values()) {
                parts.put(name(category), c.cost().energy().picojoules(category));
            }
            bars.add(new StackedBar(c.label(), parts));
        }
        return new StackedBarChart(title, categoryLabel, "energy", Unit.ENERGY_FROM_PICOJOULES, bars);
    }

    /**
     * Energy per category on a log axis, side by side ({@link EnergyBreakdownChart}): the readable form when DRAM
     * dominates, as it does for LLM decoding.
     */
    public static EnergyBreakdownChart energyByCategory(String title, String categoryLabel, List<Labelled> costs) {
        return new EnergyBreakdownChart(title, categoryLabel, energy(title, categoryLabel, costs).bars());
    }

    /** Cycles by cause. */
    public static StackedBarChart cycles(String title, String categoryLabel, List<Labelled> costs) {
        List<StackedBar> bars = new ArrayList<>();
        for (Labelled c : costs) {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("compute", (double) c.cost().cycles().compute());
            parts.put("memory stall", (double) c.cost().cycles().memoryStall());
            parts.put("SRAM stall", (double) c.cost().cycles().sramStall());
            parts.put("fill/drain", (double) c.cost().cycles().fillDrain());
            parts.put("vector", (double) c.cost().cycles().vector());
            bars.add(new StackedBar(c.label(), parts));
        }
        return new StackedBarChart(title, categoryLabel, "cycles", Unit.CYCLES, bars);
    }

    /** "SRAM_READ" as "SRAM read", "TABLE_PRECOMPUTE" as "table precompute". */
    static String name(EnergyCategory category) {
        String lower = category.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return switch (category) {
            case MAC, ADC, DAC, DRAM -> category.name();
            case SRAM_READ, SRAM_WRITE -> "SRAM" + lower.substring(4);
            default -> lower;
        };
    }
}
