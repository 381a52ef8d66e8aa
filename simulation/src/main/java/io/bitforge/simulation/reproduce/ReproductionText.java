package io.bitforge.simulation.reproduce;

import io.bitforge.core.io.TextTable;
import io.bitforge.core.engine.EnergyConvention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text rendering of a reproduction: per-model figures, normalised tables beside the artefact's, ratios. */
public final class ReproductionText {
    private ReproductionText() {
    }

    public static String render(Reproduction.Result result) {
        StringBuilder out = new StringBuilder();
        out.append(result.file().paper()).append('\n').append("artefact: ").append(result.file().artefact())
                .append('\n').append("batch ").append(result.file().batch()).append(", fold convention ")
                .append(result.file().foldConvention().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(", memory ").append(result.file().memory().id()).append(", sram ")
                .append(result.file().sram().id()).append(energy(result.file().energy())).append("\n\n");
        TextTable rows = new TextTable(List.of("model", "design", "phase", "cycles", "energy")).quantity(4, "J");
        for (Reproduction.Row row : result.rows()) {
            rows.row(List.of(row.model(), row.design(), row.phase(), String.format(Locale.ROOT, "%,d", row.cycles()),
                    row.energyPicojoules() * 1e-12));
        }
        out.append(rows);
        if (!result.normalised().isEmpty()) { // a paper without per-model figures (ISAAC) has none to compare
            out.append("\nnormalised to ").append(result.file().normaliseTo()).append(" (measured vs published)\n");
            TextTable norm = new TextTable(List.of("model", "design", "metric", "measured", "published",
                    "difference"));
            for (Reproduction.Normalised n : result.normalised()) {
                norm.row(List.of(n.model(), n.design(), n.metric(), String.format(Locale.ROOT, "%.3f", n.measured()),
                        String.format(Locale.ROOT, "%.3f", n.published()), percent(n.relativeDifference())));
            }
            out.append(norm);
        }
        out.append("\nheadline ratios (mean of per-model ratios)\n");
        TextTable ratios = new TextTable(List.of("ratio", "measured", "paper", "difference", "paper source"));
        for (Reproduction.RatioResult r : result.ratios()) {
            ratios.row(List.of(r.name(), String.format(Locale.ROOT, "%.3f", r.value()),
                    String.format(Locale.ROOT, "%.3f", r.paper()), percent(r.relativeDifference()), r.paperSource()));
        }
        out.append(ratios);
        return out.toString();
    }

    /** The energy convention where it differs from the engine's default. */
    private static String energy(EnergyConvention e) {
        StringBuilder out = new StringBuilder();
        if (e.peEnergy() != EnergyConvention.DEFAULT.peEnergy()) {
            out.append(", PE energy per cell-cycle");
        }
        if (e.sramAccesses() != EnergyConvention.DEFAULT.sramAccesses()) {
            out.append(", SRAM reads per MAC");
        }
        if (!e.scaleToNode()) {
            out.append(", no node scaling");
        }
        if (e.staticMilliwatts() > 0) {
            out.append(String.format(Locale.ROOT, ", static %.3f mW", e.staticMilliwatts()));
        }
        return out.toString();
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }

    /** {@code {"rows":[…], "summary":{"ratios":[…], "normalised":[…]}}}. */
    public static Map<String, Object> json(Reproduction.Result result) {
        List<Map<String, Object>> rows = result.rows().stream().map(Reproduction.Row::toMap).toList();
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (Reproduction.RatioResult ratio : result.ratios()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", ratio.name());
            r.put("value", ratio.value());
            r.put("paper", ratio.paper());
            r.put("relativeDifference", ratio.relativeDifference());
            r.put("paperSource", ratio.paperSource());
            ratios.add(r);
        }
        List<Map<String, Object>> normalised = new ArrayList<>();
        for (Reproduction.Normalised n : result.normalised()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", n.model());
            r.put("design", n.design());
            r.put("metric", n.metric());
            r.put("measured", n.measured());
            r.put("published", n.published());
            r.put("relativeDifference", n.relativeDifference());
            normalised.add(r);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("paper", result.file().paper());
        summary.put("artefact", result.file().artefact());
        summary.put("normalisedTo", result.file().normaliseTo());
        summary.put("ratios", ratios);
        summary.put("normalised", normalised);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("summary", summary);
        return out;
    }
}
