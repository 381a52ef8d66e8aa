package io.bitforge.roofline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a roofline run: the machine, each phase analysed, the model's memory footprint and, when
 * decode was analysed, the generation summary. {@link #toJson()} gives the tree {@code bitforge roofline --json}
 * writes; a row's ops, DRAM bytes and seconds are for all of its {@code count} instances together (link
 * bytes of an all-reduce are in {@code bytesByOperand.link} and {@code total.linkBytes}).
 *
 * @param generation null when no decode phase was analysed
 */
public record RooflineReport(String machine, String workload, RooflineOptions options, List<PhaseRoofline> phases,
                             MemoryFootprint footprint, GenerationSummary generation) {
    public RooflineReport {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(footprint, "footprint");
        phases = List.copyOf(phases);
    }

    public Totals total() {
        Totals total = Totals.ZERO;
        for (PhaseRoofline phase : phases) {
            total = total.plus(phase.total());
        }
        return total;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("device", machine);
        root.put("workload", workload);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("fusedAttention", options.fusedAttention());
        opts.put("queryBlock", options.queryBlock());
        opts.put("tensorParallel", options.tensorParallel());
        opts.put("linkBytesPerSecond", options.linkBytesPerSecond().isPresent()
                ? number(options.linkBytesPerSecond().getAsDouble()) : null);
        root.put("options", opts);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (PhaseRoofline phase : phases) {
            for (OpRoofline row : phase.rows()) {
                layers.add(row(phase.name(), row));
            }
        }
        root.put("layers", layers);
        List<Map<String, Object>> phaseList = new ArrayList<>();
        for (PhaseRoofline phase : phases) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", phase.name());
            p.put("kind", phase.kind().name().toLowerCase(java.util.Locale.ROOT));
            p.put("outputItems", phase.outputItems());
            p.putAll(totals(phase.total()));
            Map<String, Object> byKind = new LinkedHashMap<>();
            phase.byKind().forEach((kind, t) -> byKind.put(kind, totals(t)));
            p.put("byKind", byKind);
            phaseList.add(p);
        }
        root.put("phases", phaseList);
        Map<String, Object> total = totals(total());
        total.put("weightBytes", footprint.weightBytes());
        total.put("kvCacheBytes", footprint.kvCacheBytes());
        total.put("activationBytes", footprint.activationBytes());
        root.put("total", total);
        if (generation != null) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("timeToFirstTokenSeconds", number(generation.timeToFirstTokenSeconds()));
            g.put("timePerOutputTokenSeconds", number(generation.timePerOutputTokenSeconds()));
            g.put("decodeTokensPerSecond", number(generation.decodeTokensPerSecond()));
            g.put("endToEndTokensPerSecond", number(generation.endToEndTokensPerSecond()));
            g.put("totalSeconds", generation.totalSeconds());
            root.put("generation", g);
        }
        return root;
    }

    private static Map<String, Object> row(String phase, OpRoofline row) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("phase", phase);
        r.put("name", row.name());
        r.put("kind", row.kind());
        r.put("count", row.count());
        r.put("ops", number(row.ops()));
        r.put("bytes", row.totalBytes());
        Map<String, Object> byOperand = new LinkedHashMap<>(row.bytes().asMap());
        byOperand.put("link", row.linkBytes());
        r.put("bytesByOperand", byOperand);
        r.put("arithmeticIntensity", number(row.peak() == null ? 0 : row.arithmeticIntensity()));
        r.put("peak", row.peak() == null ? null : row.peak().label());
        r.put("peakOpsPerSecond", row.peak() == null ? null : number(row.peak().opsPerSecond()));
        r.put("attainableOpsPerSecond", number(row.attainableOpsPerSecond()));
        r.put("bound", row.bound().label());
        r.put("seconds", row.seconds());
        return r;
    }

    private static Map<String, Object> totals(Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ops", number(t.ops()));
        m.put("bytes", t.bytes().total());
        m.put("bytesByOperand", t.bytes().asMap());
        m.put("linkBytes", t.linkBytes());
        m.put("seconds", t.seconds());
        return m;
    }

    /** Integral values as integers (exact below 2^53), non-finite as null (JSON has no infinity). */
    static Object number(double value) {
        if (!Double.isFinite(value)) {
            return null;
        }
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return (long) value;
        }
        return value;
    }
}
