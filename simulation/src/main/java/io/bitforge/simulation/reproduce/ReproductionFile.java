package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bitforge.core.engine.EnergyConvention;
import io.bitforge.core.engine.FoldConvention;
import io.bitforge.core.engine.HorowitzSram;
import io.bitforge.core.engine.SramEnergyModel;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.SpecNode;
import io.bitforge.memory.sram.BitFusionCacti45Sram;
import io.bitforge.memory.sram.BitFusionCactiSram;
import io.bitforge.memory.sram.CactiSramEnergy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A reproduction's input file ({@code reproduction.yaml} in {@code examples/reproduce/<paper>/}): the PE families
 * it needs, the batch, the engine options that stand for the artefact's simplifying choices, the designs
 * (hardware spec files), the models (layer lists) with the artefact's published per-model figures, and the
 * headline ratios with the paper's values. Paths are relative to the file's directory.
 */
public record ReproductionFile(Path directory, String paper, String artefact, List<String> requiredFamilies,
                               long batch, FoldConvention foldConvention, Memory memory, String normaliseTo,
                               List<Design> designs, List<Model> models, List<Ratio> ratios, Sram sram,
                               EnergyConvention energy, TreePatch hardwarePatch) {

    /**
     * A design: its id (also the layer lists' {@code bits.<id>} column), its hardware spec file, optionally the
     * GEMM the artefact's lists put next to each of its fully connected layers and, optionally, one width for
     * every layer of its lists instead of their {@code bits.<id>} column ({@code uniformBits}; absent layers stay
     * absent), optionally its own SRAM energy model instead of the engine's ({@code sram}: a baseline the
     * artefact priced with another simulator's tables than its own design's) and, optionally, the published chip
     * figures its area and energy are taken from ({@code chip}, {@link PublishedChip}).
     */
    public record Design(String id, Path hardware, Optional<CompanionGemm> companion, OptionalInt uniformBits,
                         Optional<Sram> sram, Optional<PublishedChip> chip) {
        public Design(String id, Path hardware) {
            this(id, hardware, Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * A model: its layer list and the artefact's published figures per design (normalised as the artefact
     * normalises them; only ratios between designs are compared).
     */
    public record Model(String name, Path layers, Map<String, Double> publishedTime,
                        Map<String, Double> publishedEnergy) {
    }

    /**
     * A headline ratio: the mean over models of {@code numerator / denominator} of a metric, arithmetic or, with
     * {@code mean: geometric}, geometric (as Bit Fusion's figures average). Metrics: {@code cycles}, {@code energy},
     * {@code seconds} (cycles at each design's clock, for designs clocked apart) or {@code density} (seconds × the
     * design's area: the ratio is the denominator's throughput per area over the numerator's). {@code paper} is the
     * published value; absent, it is the same mean over the artefact's per-model figures.
     */
    public record Ratio(String name, String metric, String numerator, String denominator, Optional<Double> paper,
                        String paperSource, boolean geometric) {
        public Ratio(String name, String metric, String numerator, String denominator, Optional<Double> paper,
                     String paperSource) {
            this(name, metric, numerator, denominator, paper, paperSource, false);
        }
    }

    /**
     * How DRAM is modelled: {@code unlimited-bandwidth} (no DRAM traffic counted), {@code dram-traffic} (the tiled
     * DRAM model's traffic and energy at unlimited bandwidth: no stalls), {@code dram} (the same at the spec's DRAM
     * bandwidth, with stalls), {@code bitfusion-tiling} (the Bit Fusion simulator's tiling search: its DRAM
     * traffic and stalls, {@link io.bitforge.core.engine.BitFusionTilingModel}).
     */
    public enum Memory {
        UNLIMITED_BANDWIDTH("unlimited-bandwidth"), DRAM_TRAFFIC("dram-traffic"), DRAM("dram"),
        BITFUSION_TILING("bitfusion-tiling");

        private final String id;

        Memory(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * SRAM energy per bit: {@code horowitz} (the engine's default, {@link HorowitzSram}), {@code cacti-fit}
     * ({@link CactiSramEnergy}), {@code bitfusion-cacti} (the ANT and MixPE simulators' three CACTI 28 nm banks,
     * {@link BitFusionCactiSram}) or {@code bitfusion-cacti-45nm} (Bit Fusion's own three CACTI 45 nm banks,
     * {@link BitFusionCacti45Sram}).
     */
    public enum Sram {
        HOROWITZ("horowitz"), CACTI_FIT("cacti-fit"), BITFUSION_CACTI("bitfusion-cacti"),
        BITFUSION_CACTI_45NM("bitfusion-cacti-45nm");

        private final String id;

        Sram(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public SramEnergyModel model() {
            return switch (this) {
                case HOROWITZ -> new HorowitzSram();
                case CACTI_FIT -> new CactiSramEnergy();
                case BITFUSION_CACTI -> new BitFusionCactiSram();
                case BITFUSION_CACTI_45NM -> new BitFusionCacti45Sram();
            };
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static ReproductionFile read(Path file) {
        return read(file, tree(file), TreePatch.NONE);
    }

    /** The parsed YAML tree of a reproduction file. */
    static JsonNode tree(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new BadInputException(file + ": empty file; expected a reproduction");
        }
        return tree;
    }

    /**
     * The file as {@code tree} describes it (the file's own tree, or one with a sensitivity choice's changes),
     * its designs' hardware files loaded with {@code hardwarePatch} applied.
     */
    static ReproductionFile read(Path file, JsonNode tree, TreePatch hardwarePatch) {
        Path dir = file.toAbsolutePath().getParent();
        SpecNode root = SpecNode.detached(tree, file.toString(), "reproduction").requireObject();
        root.allowOnly("paper", "artefact", "requires", "batch", "engine", "normaliseTo", "designs", "models",
                "ratios", "missing", "sensitivity");
        List<String> required = new ArrayList<>();
        root.optionalField("requires").ifPresent(n -> list(n).forEach(f -> required.add(f.text())));
        String paper = root.field("paper").text();
        String artefact = root.field("artefact").text();
        if (root.optionalField("designs").isEmpty()) {
            // a reproduction still waiting for its families: only what it needs is given
            return new ReproductionFile(dir, paper, artefact, List.copyOf(required), 1, FoldConvention.STREAM_ONLY,
                    Memory.UNLIMITED_BANDWIDTH, "", List.of(), List.of(), List.of(), Sram.HOROWITZ,
                    EnergyConvention.DEFAULT, hardwarePatch);
        }
        long batch = root.field("batch").longIn(1, 1 << 20);
        FoldConvention convention = FoldConvention.SCALE_SIM;
        Memory memory = Memory.UNLIMITED_BANDWIDTH;
        Sram sram = Sram.HOROWITZ;
        EnergyConvention energy = ArtefactOptions.ARTEFACT;
        Optional<SpecNode> engine = root.optionalField("engine");
        if (engine.isPresent()) {
            SpecNode e = engine.get().requireObject().allowOnly("foldConvention", "memory", "sram", "peEnergy",
                    "sramAccesses", "energyScaling", "staticMilliwatts", "dequant");
            convention = e.optionalField("foldConvention").map(ReproductionFile::convention).orElse(convention);
            memory = e.optionalField("memory").map(ReproductionFile::memory).orElse(memory);
            sram = e.optionalField("sram").map(ReproductionFile::sram).orElse(sram);
            energy = ArtefactOptions.energy(e);
        }
        List<Design> designs = new ArrayList<>();
        for (SpecNode d : list(root.field("designs"))) {
            d.requireObject().allowOnly("id", "hardware", "companionGemm", "uniformBits", "sram", "chip");
            OptionalInt uniform = d.optionalField("uniformBits").map(n -> OptionalInt.of(n.intIn(1, 64)))
                    .orElse(OptionalInt.empty());
            designs.add(new Design(d.field("id").text(), dir.resolve(d.field("hardware").text()),
                    d.optionalField("companionGemm").map(ArtefactOptions::companion), uniform,
                    d.optionalField("sram").map(ReproductionFile::sram),
                    d.optionalField("chip").map(PublishedChip::read)));
        }
        List<String> ids = designs.stream().map(Design::id).toList();
        SpecNode normalise = root.field("normaliseTo");
        String normaliseTo = designId(normalise, ids);
        List<Model> models = new ArrayList<>();
        for (SpecNode m : list(root.field("models"))) {
            m.requireObject().allowOnly("name", "layers", "published");
            // per-model figures are optional when every ratio states the paper's value (a paper without
            // per-model tables, e.g. ISAAC's averages)
            Optional<SpecNode> published = m.optionalField("published").map(p -> p.requireObject()
                    .allowOnly("time", "energy"));
            models.add(new Model(m.field("name").text(), dir.resolve(m.field("layers").text()),
                    published.map(p -> figures(p.field("time"), ids)).orElse(Map.of()),
                    published.map(p -> figures(p.field("energy"), ids)).orElse(Map.of())));
        }
        List<Ratio> ratios = new ArrayList<>();
        for (SpecNode r : list(root.field("ratios"))) {
            r.requireObject().allowOnly("name", "metric", "numerator", "denominator", "paper", "paperSource",
                    "mean");
            SpecNode metric = r.field("metric");
            if (!List.of("cycles", "energy", "seconds", "density").contains(metric.text())) {
                throw metric.error("must be cycles, energy, seconds or density", metric.shown());
            }
            boolean geometric = r.optionalField("mean").map(n -> switch (n.text()) {
                case "arithmetic" -> false;
                case "geometric" -> true;
                default -> throw n.error("must be arithmetic or geometric", n.shown());
            }).orElse(false);
            Optional<Double> value = r.optionalField("paper").map(SpecNode::positive);
            ratios.add(new Ratio(r.field("name").text(), metric.text(), designId(r.field("numerator"), ids),
                    designId(r.field("denominator"), ids), value,
                    r.optionalField("paperSource").map(SpecNode::text).orElse("the artefact's per-model figures"),
                    geometric));
        }
        return new ReproductionFile(dir, paper, artefact, List.copyOf(required), batch, convention, memory,
                normaliseTo,
                List.copyOf(designs), List.copyOf(models), List.copyOf(ratios), sram, energy, hardwarePatch);
    }

    /** True when the file lists designs to run (a file with only {@code requires} waits for its families). */
    public boolean runnable() {
        return !designs.isEmpty();
    }

    private static FoldConvention convention(SpecNode node) {
        return switch (node.text()) {
            case "stream-only" -> FoldConvention.STREAM_ONLY;
            case "scale-sim" -> FoldConvention.SCALE_SIM;
            default -> throw node.error("must be stream-only or scale-sim", node.shown());
        };
    }

    private static Memory memory(SpecNode node) {
        String id = node.text();
        for (Memory m : Memory.values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw node.error("must be one of unlimited-bandwidth, dram-traffic, dram, bitfusion-tiling", node.shown());
    }

    private static Sram sram(SpecNode node) {
        String id = node.text();
        for (Sram s : Sram.values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw node.error("must be one of horowitz, cacti-fit, bitfusion-cacti, bitfusion-cacti-45nm", node.shown());
    }

    private static String designId(SpecNode node, List<String> ids) {
        String id = node.text();
        if (!ids.contains(id)) {
            throw node.error("must be one of the designs " + ids, node.shown());
        }
        return id;
    }

    private static Map<String, Double> figures(SpecNode node, List<String> ids) {
        node.requireObject();
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String name : node.fieldNames()) {
            if (!ids.contains(name)) {
                throw node.field(name).error("must be keyed by one of the designs " + ids, name);
            }
            figures.put(name, node.field(name).positive());
        }
        return Map.copyOf(figures);
    }

    private static List<SpecNode> list(SpecNode node) {
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
