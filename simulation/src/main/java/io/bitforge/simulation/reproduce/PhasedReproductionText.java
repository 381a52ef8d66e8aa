package io.bitforge.simulation.reproduce;

import io.bitforge.core.io.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text and JSON renderings of a phased reproduction: cycles and energy per model, design and phase, each
 * ratio's per-model terms, and the headline ratios beside the paper's.
 */
public final class PhasedReproductionText {
    private PhasedReproductionText() {
    }

    public static String render(PhasedReproduction.Result result) {
        PhasedReproductionFile file = result.file();
        StringBuilder out = new StringBuilder();
        out.append(file.paper()).append('\n').append("artefact: ").append(file.artefact()).append('\n')
                .append("layers ").append(file.layers().id()).append(", prefill of ").append(file.context())
                .append(" tokens, decode per token at context ").append(file.context()).append("; step timing ")
                .append(file.engine().stepTiming().id()).append(", attention input width ")
                .append(file.engine().attentionInput().id()).append(", SRAM ").append(file.engine().sram().id())
                .append("\n\n");
        TextTable rows = new TextTable(List.of("model", "design", "phase", "cycles", "energy")).quantity(4, "J");
        for (Reproduction.Row row : result.rows()) {
            rows.row(List.of(row.model(), row.design(), row.phase(), String.format(Locale.ROOT, "%,d", row.cycles()),
                    row.energyPicojoules() * 1e-12));
        }
        out.append(rows);
        out.append("\nper-model terms (numerator / denominator)\n");
        TextTable terms = new TextTable(List.of("ratio", "model", "prefill", result.combinedPhase()));
        for (PhasedReproduction.RatioResult ratio : result.ratios()) {
            Map<String, String[]> byModel = new LinkedHashMap<>();
            for (PhasedReproduction.Term term : ratio.terms()) {
                String[] cells = byModel.computeIfAbsent(term.model(), m -> new String[2]);
                cells[term.phase().equals("prefill") ? 0 : 1] = String.format(Locale.ROOT, "%.3f", term.value());
            }
            byModel.forEach((model, cells) -> terms.row(List.of(ratio.name(), model, cells[0], cells[1])));
        }
        out.append(terms);
        out.append("\nheadline ratios (mean of ").append(2 * file.models().size()).append(" per-model terms)\n");
        TextTable ratios = new TextTable(List.of("ratio", "measured", "paper", "difference", "paper source"));
        for (PhasedReproduction.RatioResult r : result.ratios()) {
            ratios.row(List.of(r.name(), String.format(Locale.ROOT, "%.3f", r.value()),
                    r.paper().isPresent() ? String.format(Locale.ROOT, "%.3f", r.paper().getAsDouble()) : "-",
                    r.relativeDifference().isPresent()
                            ? String.format(Locale.ROOT, "%+.1f%%", 100 * r.relativeDifference().getAsDouble()) : "-",
                    r.paperSource().isEmpty() ? "-" : r.paperSource()));
        }
        out.append(ratios);
        return out.toString();
    }

    /**
     * {@code {"rows":[{model, design, phase, cycles, energyPicojoules}], "summary":{paper, artefact, ratios:[{name,
     * metric, value, paper, relativeDifference, paperSource, terms:[{model, phase, value}]}]}}}; paper and
     * relativeDifference are null when the paper publishes no value.
     */
    public static Map<String, Object> json(PhasedReproduction.Result result) {
        List<Map<String, Object>> rows = result.rows().stream().map(Reproduction.Row::toMap).toList();
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (PhasedReproduction.RatioResult ratio : result.ratios()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", ratio.name());
            r.put("metric", ratio.metric());
            r.put("value", ratio.value());
            r.put("paper", ratio.paper().isPresent() ? ratio.paper().getAsDouble() : null);
            r.put("relativeDifference", ratio.relativeDifference().isPresent()
                    ? ratio.relativeDifference().getAsDouble() : null);
            r.put("paperSource", ratio.paperSource());
            List<Map<String, Object>> terms = new ArrayList<>();
            for (PhasedReproduction.Term term : ratio.terms()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("model", term.model());
                t.put("phase", term.phase());
                t.put("value", term.value());
                terms.add(t);
            }
            r.put("terms", terms);
            ratios.add(r);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("paper", result.file().paper());
        summary.put("artefact", result.file().artefact());
        summary.put("ratios", ratios);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("summary", summary);
        return out;
    }
}
