package io.bitforge.verilog.area;

import io.bitforge.core.cost.CostSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PE at one precision mode: its modelled cell area (the family's cost model, at the figures' node and scaled to
 * the table's common node; its sources, and whether any is an estimate) beside the gate count of its RTL cell, each
 * as a ratio to the {@code mac-int} INT8 cell. {@code note} says when the RTL stood in for the preset's parameters.
 */
public record AreaRow(String family, String mode, String precision, String spec, double modelledSquareMicrometres,
                      String modelledNode, double commonNodeSquareMicrometres, List<CostSource> sources,
                      GateCount gates, double modelledRatio, double gateRatio, String note) {
    public AreaRow {
        sources = List.copyOf(sources);
    }

    /** Whether any figure behind the modelled area is an estimate or stand-in rather than a published number. */
    public boolean modelledIsEstimate() {
        return sources.stream().anyMatch(CostSource::estimate);
    }

    /** How far the two ratios disagree: synthesised ratio / modelled ratio. */
    public double agreement() {
        return modelledRatio == 0 ? Double.NaN : gateRatio / modelledRatio;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", family);
        m.put("mode", mode);
        m.put("precision", precision);
        m.put("spec", spec);
        Map<String, Object> modelled = new LinkedHashMap<>();
        modelled.put("squareMicrometres", round4(modelledSquareMicrometres));
        modelled.put("node", modelledNode);
        modelled.put("commonNodeSquareMicrometres", round4(commonNodeSquareMicrometres));
        modelled.put("estimate", modelledIsEstimate());
        modelled.put("sources", sources.stream().map(s -> {
            Map<String, Object> src = new LinkedHashMap<>();
            src.put("id", s.id());
            src.put("citation", s.citation());
            src.put("node", s.node());
            src.put("estimate", s.estimate());
            return src;
        }).toList());
        modelled.put("ratioToMacIntInt8", round4(modelledRatio));
        m.put("modelled", modelled);
        Map<String, Object> synthesised = new LinkedHashMap<>(gates.toMap());
        synthesised.put("ratioToMacIntInt8", round4(gateRatio));
        m.put("synthesised", synthesised);
        m.put("synthesisedOverModelled", round4(agreement()));
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }

    static double round4(double v) {
        return Double.isFinite(v) ? Math.round(v * 10000.0) / 10000.0 : v;
    }
}
