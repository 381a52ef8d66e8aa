package io.bitforge.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.reports.results.ResultFile;
import io.bitforge.reports.results.ResultsDirectory;
import io.bitforge.core.units.FieldUnits;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The figures a reader wants first from a results directory, as {@link HumanTable}s: for a demo the designs
 * (TTFT, TPOT, tokens/s, energy per token, area), the GPU roofline, the formats and the reproduced ratios; for an
 * explorer run its Pareto front on the space's objectives; for any other kind the scalar figures at the top of
 * its first result. Fields are read by the names the commands write; a missing field leaves its cell empty.
 */
final class Headlines {
    private Headlines() {
    }

    static List<HumanTable> of(ResultsDirectory dir) {
        return switch (dir.manifest().kind()) {
            case "demo" -> demo(dir);
            case "explore" -> explore(dir);
            default -> firstResultScalars(dir);
        };
    }

    private static Optional<JsonNode> result(ResultsDirectory dir, String name) {
        return dir.files(ResultFile.RESULT).stream().filter(f -> f.name().equals(name)).findFirst().map(dir::json);
    }

    private static List<HumanTable> demo(ResultsDirectory dir) {
        List<HumanTable> tables = new ArrayList<>();
        result(dir, "designs.json").ifPresent(designs -> {
            List<JsonNode> ran = new ArrayList<>();
            designs.forEach(d -> {
                if (d.has("summary")) {
                    ran.add(d);
                }
            });
            tables.add(new HumanTable("Designs: the workload on every built-in design (cycle-approximate engine)")
                    .text("design", texts(ran, d -> d.path("design").asText()))
                    .text("family", texts(ran, d -> d.path("family").asText()))
                    .text("formats", texts(ran, d -> d.path("quant").asText()))
                    .quantity("TTFT", "s", numbers(ran, d -> d.path("summary").path("timeToFirstTokenSeconds")))
                    .quantity("TPOT", "s", numbers(ran, d -> d.path("summary").path("timePerOutputTokenSeconds")))
                    .quantity("decode", "tokens/s", numbers(ran, d -> d.path("summary").path("decodeTokensPerSecond")))
                    .quantity("energy per token", "J", scaled(numbers(ran,
                            d -> d.path("summary").path("energyPerOutputTokenPicojoules")), 1e-12))
                    .fixed("area (PE array, SRAM, vector unit)", "mm²", scaled(numbers(ran,
                            d -> sum(d.path("summary").path("areaSquareMicrometres"))), 1e-6))
                    .text("estimates (†)", texts(ran, Headlines::estimates)));
        });
        result(dir, "roofline.json").ifPresent(roofline -> {
            List<String> quants = new ArrayList<>();
            List<JsonNode> runs = new ArrayList<>();
            roofline.fields().forEachRemaining(e -> {
                quants.add(e.getKey());
                runs.add(e.getValue());
            });
            String device = runs.isEmpty() ? "" : runs.get(0).path("device").asText();
            tables.add(new HumanTable("Roofline on " + device + " (analytical bound)")
                    .text("quantisation", quants)
                    .quantity("TTFT", "s", numbers(runs, r -> r.path("generation").path("timeToFirstTokenSeconds")))
                    .quantity("TPOT", "s", numbers(runs, r -> r.path("generation").path("timePerOutputTokenSeconds")))
                    .quantity("decode", "tokens/s", numbers(runs,
                            r -> r.path("generation").path("decodeTokensPerSecond")))
                    .quantity("weights", "B", numbers(runs, r -> r.path("total").path("weightBytes")))
                    .quantity("KV cache", "B", numbers(runs, r -> r.path("total").path("kvCacheBytes"))));
        });
        result(dir, "formats.json").ifPresent(formats -> {
            List<JsonNode> rows = list(formats);
            tables.add(new HumanTable("Weight formats on an LLM-like matrix")
                    .text("format", texts(rows, r -> r.path("format").asText()))
                    .text("granularity", texts(rows, r -> r.path("granularity").asText()))
                    .fixed("bits per element", "", numbers(rows, r -> r.path("bitsPerElement")))
                    .fixed("SQNR", "dB", numbers(rows, r -> r.path("sqnrDecibels")))
                    .fixed("W·X SQNR", "dB", numbers(rows, r -> r.path("matmulSqnrDecibels"))));
        });
        result(dir, "reproductions.json").ifPresent(reproductions -> {
            List<JsonNode> rows = list(reproductions);
            tables.add(new HumanTable("Published simulators reproduced through the same engine")
                    .text("paper", texts(rows, r -> r.path("paper").asText()))
                    .text("headline ratio", texts(rows, r -> r.path("name").asText()))
                    .fixed("artefact's accounting", "×", numbers(rows, r -> r.path("value")))
                    .fixed("BitForge's accounting", "×", numbers(rows, r -> r.path("bitforgeAccounting")))
                    .fixed("published", "×", numbers(rows, r -> r.path("published")))
                    .fixed("difference", "%", scaled(numbers(rows, r -> r.path("relativeDifference")), 100)));
        });
        return tables;
    }

    /**
     * Which of a design's PE figures are estimates rather than published (summary.provenance): "† energy, area",
     * or empty.
     */
    private static String estimates(JsonNode design) {
        JsonNode provenance = design.path("summary").path("provenance");
        List<String> marked = new ArrayList<>();
        if (provenance.path("peEnergy").asText().equals("estimate")) {
            marked.add("energy");
        }
        if (provenance.path("area").path("pe-array").asText().equals("estimate")) {
            marked.add("area");
        }
        return marked.isEmpty() ? "" : "† " + String.join(", ", marked);
    }

    /** Objective ids as the explorer writes them, to the unit of the metric each reads. */
    private static final Map<String, String> OBJECTIVE_UNITS = Map.of("latency", "s", "energy", "J", "edp", "J·s",
            "energy-per-token", "J", "tokens-per-second-per-mm2", "tokens/s/mm²");

    private static List<HumanTable> explore(ResultsDirectory dir) {
        List<HumanTable> tables = new ArrayList<>();
        result(dir, "pareto.json").ifPresent(pareto -> {
            List<JsonNode> designs = list(pareto.path("designs"));
            HumanTable table = new HumanTable("Pareto front: " + designs.size() + " designs")
                    .text("id", texts(designs, d -> d.path("id").asText()))
                    .text("design", texts(designs, Headlines::designLabel));
            for (JsonNode objective : pareto.path("objectives")) {
                String id = objective.asText();
                List<Double> values = numbers(designs, d -> d.path("objectives").path(id));
                if (id.equals("area")) {
                    table.fixed(id, "mm²", values);
                } else {
                    table.quantity(id, OBJECTIVE_UNITS.getOrDefault(id, ""), values);
                }
            }
            tables.add(table);
        });
        return tables;
    }

    static String designLabel(JsonNode design) {
        JsonNode hw = design.path("hardware");
        return hw.path("pe").path("family").asText() + " " + hw.path("array").path("rows").asText() + "×"
                + hw.path("array").path("cols").asText() + " " + hw.path("dataflow").asText();
    }

    /**
     * The first result's top-level numbers (or those of its "summary", "generation" or "total" object), each in
     * the unit its name carries.
     */
    private static List<HumanTable> firstResultScalars(ResultsDirectory dir) {
        List<ResultFile> results = dir.files(ResultFile.RESULT);
        if (results.isEmpty()) {
            return List.of();
        }
        JsonNode json = dir.json(results.get(0));
        JsonNode source = json;
        // simulate writes "summary", roofline "generation" (and "total"): the figures a reader wants first.
        for (String part : List.of("summary", "generation", "total")) {
            if (json.path(part).isObject()) {
                source = json.path(part);
                break;
            }
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber()) {
                names.add(field.getKey());
                values.add(FieldUnits.format(field.getKey(), field.getValue().asDouble()));
            }
        }
        if (names.isEmpty()) {
            return List.of();
        }
        return List.of(new HumanTable("Headline figures of " + results.get(0).name())
                .text("figure", names).text("value", values));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<String> texts(List<JsonNode> rows, Function<JsonNode, String> field) {
        return rows.stream().map(field).toList();
    }

    private static List<Double> numbers(List<JsonNode> rows, Function<JsonNode, JsonNode> field) {
        List<Double> out = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode value = field.apply(row);
            out.add(value.isNumber() ? value.asDouble() : null);
        }
        return out;
    }

    private static List<Double> scaled(List<Double> values, double factor) {
        return values.stream().map(v -> v == null ? null : v * factor).toList();
    }

    private static JsonNode sum(JsonNode object) {
        if (!object.isObject() || object.isEmpty()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        double total = 0;
        for (JsonNode v : object) {
            total += v.asDouble();
        }
        return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(total);
    }
}
