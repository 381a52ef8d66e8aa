package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.TextTable;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.roofline.lut.CpuCluster;
import io.bitforge.roofline.lut.LutDecodeRoof;
import io.bitforge.roofline.lut.LutKernel;
import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.llm.ModelZoo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A CPU LUT-kernel study (T-MAC's): decode tokens per second of zoo models on the roofline's CPU devices, bounded
 * by the kernel's table lookups and by DRAM bandwidth ({@link LutDecodeRoof}), next to the published measurements.
 * File kind {@code cpu-lut-roofline}: {@code kernel} (the {@link LutKernel} budget), {@code groupSize},
 * {@code lmHeadBits}, {@code runs} (name, workload, device, cores, weightBits, optional published tokens/s and its
 * source: each published run is a headline) and {@code sweep} (workloads × devices × cores × weight widths printed
 * as a table).
 */
public final class LutRooflineReproduction {
    public static final String KIND = "cpu-lut-roofline";

    private LutRooflineReproduction() {
    }

    /** One model on one CPU at one width and core count. */
    public record Run(String name, String workload, String device, int cores, int weightBits, LutDecodeRoof roof,
                      OptionalDouble published, String source) {
    }

    public record Result(String paper, String artefact, LutKernel kernel, List<Run> runs, List<Run> sweep) {
    }

    public static Result run(Path file, JsonNode tree) {
        SpecNode root = SpecNode.detached(tree, file.toString(), "reproduction").requireObject();
        root.allowOnly("kind", "paper", "artefact", "kernel", "groupSize", "lmHeadBits", "runs", "sweep",
                "sensitivity");
        SpecNode k = root.field("kernel").requireObject().allowOnly("weightsPerLookup", "lookupsPerInstruction",
                "simdInstructionsPerLookupVector");
        LutKernel kernel = new LutKernel(k.field("weightsPerLookup").intIn(1, 16),
                k.field("lookupsPerInstruction").intIn(1, 256), atLeastOne(k.field("simdInstructionsPerLookupVector")));
        int groupSize = root.field("groupSize").intIn(1, 1 << 20);
        int lmHeadBits = root.field("lmHeadBits").intIn(1, 32);
        List<Run> runs = new ArrayList<>();
        for (SpecNode r : items(root.field("runs"))) {
            r.requireObject().allowOnly("name", "workload", "device", "cores", "weightBits", "published", "source");
            String workload = r.field("workload").text();
            CpuCluster cpu = cpu(r.field("device"));
            int cores = r.field("cores").intIn(1, cpu.cores());
            int bits = r.field("weightBits").intIn(1, 8);
            OptionalDouble published = r.optionalField("published").map(n -> OptionalDouble.of(n.positive()))
                    .orElse(OptionalDouble.empty());
            runs.add(new Run(r.field("name").text(), workload, cpu.deviceId(), cores, bits,
                    LutDecodeRoof.of(model(r.field("workload")), bits, groupSize, lmHeadBits, cpu, cores, kernel),
                    published, r.optionalField("source").map(SpecNode::text).orElse("")));
        }
        List<Run> sweep = new ArrayList<>();
        root.optionalField("sweep").ifPresent(s -> {
            s.requireObject().allowOnly("workloads", "devices", "weightBits");
            for (SpecNode w : items(s.field("workloads"))) {
                ModelConfig model = model(w);
                for (SpecNode d : items(s.field("devices"))) {
                    CpuCluster cpu = cpu(d);
                    for (int cores : new int[] {1, cpu.cores()}) {
                        for (SpecNode b : items(s.field("weightBits"))) {
                            int bits = b.intIn(1, 8);
                            sweep.add(new Run(w.text() + " W" + bits + ", " + cores + " core" + (cores > 1 ? "s" : ""),
                                    w.text(), cpu.deviceId(), cores, bits, LutDecodeRoof.of(model, bits, groupSize,
                                    lmHeadBits, cpu, cores, kernel), OptionalDouble.empty(), ""));
                        }
                    }
                }
            }
        });
        return new Result(root.field("paper").text(), root.field("artefact").text(), kernel, List.copyOf(runs),
                List.copyOf(sweep));
    }

    /** The headlines: every run with a published figure, the roof's tokens/s against it. */
    public static List<Reproductions.Headline> headlines(Result result) {
        return result.runs().stream().filter(r -> r.published().isPresent())
                .map(r -> new Reproductions.Headline(r.name() + " (tokens/s)", r.roof().tokensPerSecond(),
                        r.published(), r.source())).toList();
    }

    public static String render(Result result) {
        StringBuilder out = new StringBuilder();
        out.append(result.paper()).append('\n').append("artefact: ").append(result.artefact()).append('\n')
                .append(String.format(Locale.ROOT, "kernel: %d weights per lookup, %d lookups per TBL, %.2f SIMD "
                                + "instructions per TBL's lookups%n%n", result.kernel().weightsPerLookup(),
                        result.kernel().lookupsPerInstruction(), result.kernel().simdInstructionsPerLookupVector()));
        out.append(table(result.runs(), true));
        if (!result.sweep().isEmpty()) {
            out.append("\nLUT-kernel roofline, W1-W4 (decode tokens/s)\n").append(table(result.sweep(), false));
        }
        return out.toString();
    }

    private static TextTable table(List<Run> runs, boolean published) {
        List<String> headers = new ArrayList<>(List.of("run", "device", "cores", "bits", "LUT roof", "memory roof",
                "bound", "tokens/s"));
        if (published) {
            headers.addAll(List.of("published", "difference"));
        }
        TextTable table = new TextTable(headers);
        for (Run r : runs) {
            List<Object> row = new ArrayList<>(List.of(r.name(), r.device(), r.cores(), r.weightBits(),
                    fmt(r.roof().lutTokensPerSecond()), fmt(r.roof().memoryTokensPerSecond()), r.roof().bound(),
                    fmt(r.roof().tokensPerSecond())));
            if (published) {
                row.add(r.published().isPresent() ? fmt(r.published().getAsDouble()) : "-");
                row.add(r.published().isPresent() ? String.format(Locale.ROOT, "%+.1f%%",
                        100 * (r.roof().tokensPerSecond() / r.published().getAsDouble() - 1)) : "-");
            }
            table.row(row);
        }
        return table;
    }

    public static Map<String, Object> json(Result result) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("paper", result.paper());
        summary.put("artefact", result.artefact());
        summary.put("ratios", headlines(result).stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", h.name());
            m.put("value", h.value());
            m.put("paper", h.paper().getAsDouble());
            m.put("relativeDifference", h.value() / h.paper().getAsDouble() - 1);
            m.put("paperSource", h.paperSource());
            return (Object) m;
        }).toList());
        out.put("rows", result.runs().stream().map(LutRooflineReproduction::row).toList());
        out.put("sweep", result.sweep().stream().map(LutRooflineReproduction::row).toList());
        out.put("summary", summary);
        return out;
    }

    private static Map<String, Object> row(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("workload", r.workload());
        m.put("device", r.device());
        m.put("cores", r.cores());
        m.put("weightBits", r.weightBits());
        m.put("lookupsPerToken", r.roof().lookupsPerToken());
        m.put("bytesPerToken", r.roof().bytesPerToken());
        m.put("lutTokensPerSecond", r.roof().lutTokensPerSecond());
        m.put("memoryTokensPerSecond", r.roof().memoryTokensPerSecond());
        m.put("bound", r.roof().bound());
        m.put("tokensPerSecond", r.roof().tokensPerSecond());
        r.published().ifPresent(p -> m.put("publishedTokensPerSecond", p));
        return m;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double atLeastOne(SpecNode node) {
        double v = node.positive();
        if (v < 1) {
            throw node.error("must be at least 1", node.shown());
        }
        return v;
    }

    private static CpuCluster cpu(SpecNode node) {
        return CpuCluster.find(node.text()).orElseThrow(() -> node.error("must be one of " + CpuCluster.ids(),
                node.shown()));
    }

    private static ModelConfig model(SpecNode node) {
        return ModelZoo.find(node.text()).orElseThrow(() -> node.error("must be a zoo model (bitforge list "
                + "workloads)", node.shown()));
    }

    private static List<SpecNode> items(SpecNode node) {
        if (!node.json().isArray() || node.json().isEmpty()) {
            throw node.error("must be a non-empty list", node.shown());
        }
        List<SpecNode> items = new ArrayList<>();
        for (int i = 0; i < node.json().size(); i++) {
            items.add(SpecNode.detached(node.json().get(i), node.file(), node.path() + "[" + i + "]"));
        }
        return items;
    }
}
