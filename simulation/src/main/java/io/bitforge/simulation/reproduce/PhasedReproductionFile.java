package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bitforge.core.engine.StepTiming;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.SpecNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A reproduction of an LLM accelerator study by phases ({@code kind: llm-phases} in {@code reproduction.yaml}):
 * models from BitForge's zoo, each run as prefill of {@code context} tokens and as one decode token at
 * {@code context} cached tokens, on designs with one hardware spec per phase, through the ordinary engine. The
 * file holds the artefact's choices as documented options: the layer-list convention ({@code layers}), the engine
 * options ({@code engine}: step timing, the attention products' input width, the SRAM energy model), each design's
 * weight grouping, and per-model parameter overrides of a design (e.g. an effective weight width that differs per
 * model). Headline ratios are means over models of a prefill ratio and a "prefill + {@code decodeTokens} decode
 * tokens" ratio. Paths are relative to the file's directory.
 */
public record PhasedReproductionFile(Path directory, String paper, String artefact, List<String> requiredFamilies,
                                     LayerConvention layers, long context, long decodeTokens, Engine engine,
                                     List<Design> designs, List<Model> models, List<Ratio> ratios,
                                     TreePatch hardwarePatch) {
    /** The value of {@code kind} that marks this file format. */
    public static final String KIND = "llm-phases";
    static final List<String> PHASES = List.of("prefill", "decode");

    /** How a model's layers are laid out as GEMMs. */
    public enum LayerConvention {
        /** BitMoD's artefact: {@link BitmodArtefactLayers}. */
        BITMOD_ARTEFACT("bitmod-artefact");

        private final String id;

        LayerConvention(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Which A-operand width the attention products are charged (layer-overlap model only). */
    public enum AttentionInput {
        /** The GEMM's own K. */
        K("k"),
        /** The model's K/V width, hidden·kv_heads/heads (BitMoD's artefact). */
        KV_WIDTH("kv-width");

        private final String id;

        AttentionInput(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** SRAM energy model for every design. */
    public enum Sram {
        /** Horowitz ISSCC 2014, BitForge's default. */
        HOROWITZ("horowitz"),
        /** A fit to CACTI 7 at 28 nm (memory-models CactiSramEnergy), the kind of figure the artefacts use. */
        CACTI_28NM("cacti-28nm");

        private final String id;

        Sram(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The engine options the file names. */
    public record Engine(StepTiming stepTiming, AttentionInput attentionInput, Sram sram) {
    }

    /**
     * A design: one hardware spec per phase, the weight group size its linear layers are quantised with (0: per
     * channel or per tensor) and, optionally, a step timing of its own instead of the engine's.
     */
    public record Design(String id, Path prefill, Path decode, int weightGroupSize, Optional<StepTiming> stepTiming) {
        public Path hardware(String phase) {
            return phase.equals("prefill") ? prefill : decode;
        }
    }

    /**
     * A model: its zoo id and, per design and phase, fields that replace those of the design's {@code pe.params}
     * (an object node, possibly empty).
     */
    public record Model(String name, String workload, Map<String, Map<String, ObjectNode>> params) {
        /** The overrides of {@code design}'s params in {@code phase}; empty when none. */
        public Optional<ObjectNode> params(String design, String phase) {
            return Optional.ofNullable(params.getOrDefault(design, Map.of()).get(phase));
        }
    }

    /** A headline ratio between two designs, with the paper's value when it publishes one. */
    public record Ratio(String name, String metric, String numerator, String denominator, OptionalDouble paper,
                        String paperSource) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** True when {@code file} is a YAML file whose {@code kind} is {@link #KIND}. */
    public static boolean describes(Path file) {
        JsonNode tree = tree(file);
        return tree != null && tree.isObject() && KIND.equals(tree.path("kind").asText());
    }

    public static PhasedReproductionFile read(Path file) {
        return read(file, tree(file), TreePatch.NONE);
    }

    /**
     * The file as {@code tree} describes it (the file's own tree, or one with a sensitivity choice's changes),
     * its designs' hardware files loaded with {@code hardwarePatch} applied.
     */
    static PhasedReproductionFile read(Path file, JsonNode tree, TreePatch hardwarePatch) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new BadInputException(file + ": empty file; expected a reproduction");
        }
        Path dir = file.toAbsolutePath().getParent();
        SpecNode root = SpecNode.detached(tree, file.toString(), "reproduction").requireObject();
        root.allowOnly("kind", "paper", "artefact", "requires", "layers", "context", "decodeTokens", "engine",
                "designs", "models", "ratios", "sensitivity");
        if (!root.field("kind").text().equals(KIND)) {
            throw root.field("kind").error("must be " + KIND, root.field("kind").shown());
        }
        List<String> required = new ArrayList<>();
        root.optionalField("requires").ifPresent(n -> list(n).forEach(f -> required.add(f.text())));
        LayerConvention layers = choice(root.field("layers"), LayerConvention.values(), LayerConvention::id);
        long context = root.field("context").longIn(1, 1 << 20);
        long decodeTokens = root.field("decodeTokens").longIn(0, 1 << 20);
        Engine engine = engine(root.optionalField("engine"));
        List<Design> designs = new ArrayList<>();
        for (SpecNode d : list(root.field("designs"))) {
            d.requireObject().allowOnly("id", "prefill", "decode", "weightGroupSize", "stepTiming");
            String id = d.field("id").text();
            if (designs.stream().anyMatch(x -> x.id().equals(id))) {
                throw d.field("id").error("must be unique", d.field("id").shown());
            }
            int group = d.optionalField("weightGroupSize").map(n -> n.intIn(0, 1 << 16)).orElse(0);
            Optional<StepTiming> timing = d.optionalField("stepTiming").map(PhasedReproductionFile::stepTiming);
            designs.add(new Design(id, dir.resolve(d.field("prefill").text()), dir.resolve(d.field("decode").text()),
                    group, timing));
        }
        List<String> ids = designs.stream().map(Design::id).toList();
        List<Model> models = new ArrayList<>();
        for (SpecNode m : list(root.field("models"))) {
            m.requireObject().allowOnly("name", "workload", "params");
            Map<String, Map<String, ObjectNode>> params = new LinkedHashMap<>();
            Optional<SpecNode> overrides = m.optionalField("params");
            if (overrides.isPresent()) {
                SpecNode byDesign = overrides.get().requireObject();
                for (String design : byDesign.fieldNames()) {
                    SpecNode node = byDesign.field(design);
                    if (!ids.contains(design)) {
                        throw node.error("must be keyed by one of the designs " + ids, design);
                    }
                    node.requireObject().allowOnly(PHASES.toArray(String[]::new));
                    Map<String, ObjectNode> byPhase = new LinkedHashMap<>();
                    for (String phase : node.fieldNames()) {
                        byPhase.put(phase, (ObjectNode) node.field(phase).requireObject().json());
                    }
                    params.put(design, Map.copyOf(byPhase));
                }
            }
            models.add(new Model(m.field("name").text(), m.field("workload").text(), Map.copyOf(params)));
        }
        List<Ratio> ratios = new ArrayList<>();
        for (SpecNode r : list(root.field("ratios"))) {
            r.requireObject().allowOnly("name", "metric", "numerator", "denominator", "paper", "paperSource");
            SpecNode metric = r.field("metric");
            if (!metric.text().equals("cycles") && !metric.text().equals("energy")) {
                throw metric.error("must be cycles or energy", metric.shown());
            }
            OptionalDouble paper = r.optionalField("paper").map(n -> OptionalDouble.of(n.positive()))
                    .orElse(OptionalDouble.empty());
            ratios.add(new Ratio(r.field("name").text(), metric.text(), designId(r.field("numerator"), ids),
                    designId(r.field("denominator"), ids), paper,
                    r.optionalField("paperSource").map(SpecNode::text).orElse("")));
        }
        return new PhasedReproductionFile(dir, root.field("paper").text(), root.field("artefact").text(),
                List.copyOf(required), layers, context, decodeTokens, engine, List.copyOf(designs),
                List.copyOf(models), List.copyOf(ratios), hardwarePatch);
    }

    private static Engine engine(Optional<SpecNode> node) {
        if (node.isEmpty()) {
            return new Engine(StepTiming.OPERANDS, AttentionInput.K, Sram.HOROWITZ);
        }
        SpecNode e = node.get().requireObject().allowOnly("stepTiming", "attentionInputWidth", "sram");
        StepTiming timing = e.optionalField("stepTiming").map(PhasedReproductionFile::stepTiming)
                .orElse(StepTiming.OPERANDS);
        AttentionInput input = e.optionalField("attentionInputWidth")
                .map(n -> choice(n, AttentionInput.values(), AttentionInput::id)).orElse(AttentionInput.K);
        Sram sram = e.optionalField("sram").map(n -> choice(n, Sram.values(), Sram::id)).orElse(Sram.HOROWITZ);
        return new Engine(timing, input, sram);
    }

    private static StepTiming stepTiming(SpecNode n) {
        return StepTiming.fromId(n.text()).orElseThrow(() -> n.error("must be one of " + StepTiming.ids(), n.shown()));
    }

    private static <T> T choice(SpecNode node, T[] values, java.util.function.Function<T, String> id) {
        String text = node.text();
        for (T value : values) {
            if (id.apply(value).equals(text)) {
                return value;
            }
        }
        throw node.error("must be one of " + java.util.Arrays.stream(values).map(id).toList(), node.shown());
    }

    static JsonNode tree(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    private static String designId(SpecNode node, List<String> ids) {
        String id = node.text();
        if (!ids.contains(id)) {
            throw node.error("must be one of the designs " + ids, node.shown());
        }
        return id;
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
