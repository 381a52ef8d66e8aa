package io.bitforge.simulation.reproduce;

import io.bitforge.core.io.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text and JSON of a reproduction's {@link Sensitivity}. */
final class SensitivityText {
    private SensitivityText() {
    }

    static String render(List<Reproductions.Headline> artefact, Sensitivity sensitivity) {
        StringBuilder out = new StringBuilder("sensitivity: the artefact's choices, each switched to BitForge's own "
                + "modelling\n");
        int i = 1;
        for (Sensitivity.Variant v : sensitivity.choices()) {
            SensitivityChoice c = v.choice().orElseThrow();
            out.append(String.format(Locale.ROOT, "%2d. %s [source: %s]%n      artefact: %s%n      BitForge: %s%n",
                    i++, c.choice(), c.source(), c.artefact(), c.bitforge()));
        }
        out.append("\nheadline ratios under the artefact's accounting and with each choice switched\n");
        TextTable table = new TextTable(List.of("choice", "ratio", "artefact", "switched", "change"));
        List<Sensitivity.Variant> all = new ArrayList<>(sensitivity.choices());
        all.add(sensitivity.bitforge());
        StringBuilder refused = new StringBuilder();
        for (Sensitivity.Variant v : all) {
            String name = v.choice().map(SensitivityChoice::choice).orElse("all (BitForge's accounting)");
            if (v.refused().isPresent()) {
                refused.append(name).append(": refused: ").append(v.refused().get()).append('\n');
                continue;
            }
            for (Reproductions.Headline h : artefact) {
                double switched = v.value(h.name()).orElseThrow();
                table.row(List.of(name, h.name(), String.format(Locale.ROOT, "%.3f", h.value()),
                        String.format(Locale.ROOT, "%.3f", switched),
                        String.format(Locale.ROOT, "%+.1f%%", 100 * (switched / h.value() - 1))));
            }
        }
        out.append(table).append(refused);
        return out.toString();
    }

    /**
     * {@code {"choices":[{"choice","artefact","source","bitforge","combined","refused","ratios":[{"name",
     * "artefact","switched","relativeChange"}]}],"bitforgeAccounting":{"switched":[…],"refused","ratios":[…]}}}.
     */
    static Map<String, Object> json(List<Reproductions.Headline> artefact, Sensitivity sensitivity) {
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Sensitivity.Variant v : sensitivity.choices()) {
            SensitivityChoice c = v.choice().orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("choice", c.choice());
            row.put("artefact", c.artefact());
            row.put("source", c.source());
            row.put("bitforge", c.bitforge());
            row.put("combined", c.combined());
            row.putAll(outcome(artefact, v));
            choices.add(row);
        }
        Map<String, Object> combined = new LinkedHashMap<>();
        combined.put("switched", sensitivity.bitforge().switched());
        combined.putAll(outcome(artefact, sensitivity.bitforge()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("choices", choices);
        out.put("bitforgeAccounting", combined);
        return out;
    }

    private static Map<String, Object> outcome(List<Reproductions.Headline> artefact, Sensitivity.Variant v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("refused", v.refused().orElse(null));
        List<Map<String, Object>> ratios = new ArrayList<>();
        if (v.refused().isEmpty()) {
            for (Reproductions.Headline h : artefact) {
                double switched = v.value(h.name()).orElseThrow();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("name", h.name());
                r.put("artefact", h.value());
                r.put("switched", switched);
                r.put("relativeChange", switched / h.value() - 1);
                ratios.add(r);
            }
        }
        out.put("ratios", ratios);
        return out;
    }
}
