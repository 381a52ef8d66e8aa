package io.bitforge.simulation.reproduce;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.EngineOptions;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.simulation.engine.EngineAssembly;
import io.bitforge.simulation.engine.EngineSetup;
import io.bitforge.simulation.engine.MemorySetup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Runs a {@link ReproductionFile} through the ordinary {@link Engine}: every model's layer list on every design
 * (with the design's companion GEMMs, {@link CompanionGemm}), with the engine options the file names (fold
 * convention, memory model, SRAM energy, energy convention), and compares the ratios between designs with the
 * artefact's.
 */
public final class Reproduction {
    private Reproduction() {
    }

    /**
     * One model on one design: the summed cost of its layers, the time they take at the design's clock and the
     * design's area (the units the engine reports for it).
     */
    public record Row(String model, String design, String phase, long cycles, double energyPicojoules,
                      double seconds, double areaSquareMillimetres) {
        public Row(String model, String design, String phase, long cycles, double energyPicojoules) {
            this(model, design, phase, cycles, energyPicojoules, 0, 0);
        }

        /** The JSON row: {@code {model, design, phase, cycles, energyPicojoules, seconds, areaSquareMillimetres}}. */
        public Map<String, Object> toMap() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model);
            r.put("design", design);
            r.put("phase", phase);
            r.put("cycles", cycles);
            r.put("energyPicojoules", energyPicojoules);
            r.put("seconds", seconds);
            r.put("areaSquareMillimetres", areaSquareMillimetres);
            return r;
        }

        /** The figure a ratio compares: {@code cycles}, {@code energy}, {@code seconds} or {@code density}. */
        double metric(String metric) {
            return switch (metric) {
                case "cycles" -> cycles;
                case "energy" -> energyPicojoules;
                case "seconds" -> seconds;
                // seconds x area: the inverse of throughput per area, so a ratio num/den is den's density over num's
                case "density" -> seconds * areaSquareMillimetres;
                default -> throw new IllegalArgumentException("metric " + metric);
            };
        }
    }

    /** A model's figure on a design relative to the reference design, measured and as the artefact publishes it. */
    public record Normalised(String model, String design, String metric, double measured, double published) {
        public double relativeDifference() {
            return measured / published - 1;
        }
    }

    /** A headline ratio, measured and published. */
    public record RatioResult(String name, double value, double paper, String paperSource) {
        public double relativeDifference() {
            return value / paper - 1;
        }
    }

    public record Result(ReproductionFile file, List<Row> rows, List<Normalised> normalised,
                         List<RatioResult> ratios) {
    }

    /** Checks that the families the file needs are registered; names the missing ones. */
    public static void requireFamilies(String paper, ReproductionFile file, Registry registry) {
        List<String> missing = file.requiredFamilies().stream()
                .filter(id -> registry.peFamily(id).isEmpty()).toList();
        if (!missing.isEmpty() || !file.runnable()) {
            throw new BadInputException("reproduce " + paper + ": cannot run yet: "
                    + (missing.isEmpty() ? "its designs are not described yet" : "needs PE famil"
                    + (missing.size() == 1 ? "y " : "ies ") + String.join(", ", missing))
                    + " (registered: " + String.join(", ", registry.ids(CatalogKind.PES)) + ")");
        }
    }

    public static Result run(String paper, ReproductionFile file, Registry registry) {
        requireFamilies(paper, file, registry);
        Map<String, Engine> engines = engines(file, registry);
        Map<String, ReproductionFile.Design> designs = new LinkedHashMap<>();
        file.designs().forEach(d -> designs.put(d.id(), d));
        List<Row> rows = new ArrayList<>();
        Map<String, Map<String, Row>> byModel = new LinkedHashMap<>();
        for (ReproductionFile.Model model : file.models()) {
            LayerList layers = LayerList.read(model.layers());
            Map<String, Row> perDesign = new LinkedHashMap<>();
            for (Map.Entry<String, Engine> entry : engines.entrySet()) {
                CostReport total = CostReport.ZERO;
                for (GemmOp op : gemms(layers, designs.get(entry.getKey()), file.batch())) {
                    total = total.plus(entry.getValue().evaluate(op).cost());
                }
                HardwareSpec spec = entry.getValue().spec();
                double seconds = total.totalCycles() / (spec.clockMegahertz() * 1e6);
                java.util.Optional<PublishedChip> chip = designs.get(entry.getKey()).chip();
                double picojoules = chip.map(c -> c.picojoulesAt(spec.node(), seconds))
                        .orElse(java.util.OptionalDouble.empty()).orElse(total.totalPicojoules());
                double area = chip.map(c -> c.areaAt(spec.node())).orElse(java.util.OptionalDouble.empty())
                        .orElse(total.totalAreaSquareMicrometres() * 1e-6);
                Row row = new Row(model.name(), entry.getKey(), "inference", total.totalCycles(), picojoules,
                        seconds, area);
                rows.add(row);
                perDesign.put(entry.getKey(), row);
            }
            byModel.put(model.name(), perDesign);
        }
        List<Normalised> normalised = new ArrayList<>();
        for (ReproductionFile.Model model : file.models()) {
            Map<String, Row> perDesign = byModel.get(model.name());
            Row reference = perDesign.get(file.normaliseTo());
            for (Row row : perDesign.values()) {
                addNormalised(normalised, model, row.design(), "cycles",
                        (double) row.cycles() / reference.cycles(), model.publishedTime(), file.normaliseTo());
                addNormalised(normalised, model, row.design(), "energy",
                        row.energyPicojoules() / reference.energyPicojoules(), model.publishedEnergy(),
                        file.normaliseTo());
            }
        }
        List<RatioResult> ratios = new ArrayList<>();
        for (ReproductionFile.Ratio ratio : file.ratios()) {
            boolean cycles = !ratio.metric().equals("energy");
            double measured = 0;
            double published = 0;
            for (ReproductionFile.Model model : file.models()) {
                Map<String, Row> perDesign = byModel.get(model.name());
                Row num = perDesign.get(ratio.numerator());
                Row den = perDesign.get(ratio.denominator());
                double term = num.metric(ratio.metric()) / den.metric(ratio.metric());
                // a geometric mean sums logarithms
                measured += ratio.geometric() ? Math.log(term) : term;
                if (ratio.paper().isPresent()) {
                    continue; // the paper's figure is the comparison: per-model figures are not needed
                }
                Map<String, Double> figures = cycles ? model.publishedTime() : model.publishedEnergy();
                double publishedTerm = figure(figures, ratio.numerator(), model)
                        / figure(figures, ratio.denominator(), model);
                published += ratio.geometric() ? Math.log(publishedTerm) : publishedTerm;
            }
            int n = file.models().size();
            double value = ratio.geometric() ? Math.exp(measured / n) : measured / n;
            double publishedMean = ratio.geometric() ? Math.exp(published / n) : published / n;
            ratios.add(new RatioResult(ratio.name(), value, ratio.paper().orElse(publishedMean),
                    ratio.paperSource()));
        }
        return new Result(file, List.copyOf(rows), List.copyOf(normalised), List.copyOf(ratios));
    }

    /**
     * One engine per design, built as the file's engine options say (fold convention, memory model, SRAM energy,
     * energy convention), keyed by design id in the file's order.
     */
    public static Map<String, Engine> engines(ReproductionFile file, Registry registry) {
        HardwareSpecLoader loader = new HardwareSpecLoader(registry);
        Map<String, Engine> engines = new LinkedHashMap<>();
        for (ReproductionFile.Design design : file.designs()) {
            HardwareSpec spec = PatchedHardware.load(loader, design.hardware(), file.hardwarePatch());
            EngineSetup setup = EngineSetup.SIMULATE.withMemory(memory(file.memory()))
                    .withSram(design.sram().orElse(file.sram()).model())
                    .withOptions(EngineOptions.DEFAULT.withFoldConvention(file.foldConvention())
                            .withEnergyConvention(file.energy()));
            engines.put(design.id(), EngineAssembly.assemble(registry, spec, setup));
        }
        return engines;
    }

    /** A design's GEMMs for one model: its layer list's, with the design's companion GEMMs when it has them. */
    public static List<GemmOp> gemms(LayerList layers, ReproductionFile.Design design, long batch) {
        List<GemmOp> ops = layers.gemms(design.id(), batch, design.uniformBits());
        return design.companion().map(c -> c.around(ops)).orElse(ops);
    }

    private static MemorySetup memory(ReproductionFile.Memory memory) {
        return switch (memory) {
            case UNLIMITED_BANDWIDTH -> MemorySetup.UNLIMITED_BANDWIDTH;
            case DRAM_TRAFFIC -> MemorySetup.tiled(OptionalDouble.empty());
            case DRAM -> MemorySetup.SPEC_DRAM;
            case BITFUSION_TILING -> new MemorySetup.BitFusionTiling();
        };
    }

    private static void addNormalised(List<Normalised> out, ReproductionFile.Model model, String design,
                                      String metric, double measured, Map<String, Double> published,
                                      String reference) {
        if (published.containsKey(design) && published.containsKey(reference)) {
            out.add(new Normalised(model.name(), design, metric, measured,
                    published.get(design) / published.get(reference)));
        }
    }

    private static double figure(Map<String, Double> figures, String design, ReproductionFile.Model model) {
        Double value = figures.get(design);
        if (value == null) {
            throw new BadInputException("reproduction.models." + model.name() + ".published: no figure for design "
                    + design + ", which a ratio uses");
        }
        return value;
    }
}
