package io.bitforge.core.spec;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.InputText;
import io.bitforge.core.io.SourceLines;
import io.bitforge.core.io.Suggestions;
import io.bitforge.core.pe.PeFamily;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.tech.TechNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reads a {@link HardwareSpec} from YAML or JSON (JSON is YAML, so one parser reads both) and validates every
 * field, reporting the first problem as one line naming the file, the field path, the value, what is allowed and
 * the line: {@code hw.yaml: hardware.buffers.weights.kib: must be > 0, got -4 (line 9)}. Unknown fields are
 * errors listing the allowed names. The PE family is resolved through the {@link Registry} and validates its own
 * {@code pe.params}; DRAM presets are looked up with {@link Registry#memory(String)}.
 */
public final class HardwareSpecLoader {
    private static final String ROOT = "hardware";
    /** A field given twice is an error, not "last one wins". */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Converts maps to trees; building a mapper per call cost more than the validation it serves. */
    private static final ObjectMapper TREES = JsonMapper.builder().build();

    private final Registry registry;
    private final Consumer<String> notes;

    public HardwareSpecLoader(Registry registry) {
        this(registry, note -> { });
    }

    /** {@code notes} hears one line per deprecated construct a spec uses (e.g. tile pins under {@code mapping:}). */
    public HardwareSpecLoader(Registry registry, Consumer<String> notes) {
        this.registry = registry;
        this.notes = notes;
    }

    /** A spec file on disk or a built-in preset name (the registry's {@link CatalogKind#HARDWARE} entries). */
    public HardwareSpec resolve(String fileOrPreset, String option) {
        Path path = Path.of(fileOrPreset);
        if (Files.isRegularFile(path)) {
            return load(path);
        }
        var preset = registry.hardware(fileOrPreset);
        if (preset.isPresent()) {
            return parse(preset.get().yaml(), "preset " + fileOrPreset);
        }
        throw new BadRequestException(option, "'" + fileOrPreset + "' is neither a spec file nor a preset"
                + Suggestions.didYouMean(fileOrPreset, registry.ids(CatalogKind.HARDWARE)) + "; presets: "
                + String.join(", ", registry.ids(CatalogKind.HARDWARE)));
    }

    public HardwareSpec load(Path file) {
        return parse(InputText.read(file, "hardware spec"), file.toString());
    }

    public HardwareSpec load(InputStream in, String fileName) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), fileName);
        } catch (IOException e) {
            throw new BadInputException(fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses spec text; {@code fileName} is used in messages. */
    public HardwareSpec parse(String text, String fileName) {
        JsonNode tree;
        Map<JsonPointer, Integer> lines;
        try {
            tree = YAML.readTree(text);
            lines = SourceLines.index(text);
        } catch (JsonProcessingException e) {
            throw InputText.syntaxError(fileName, e);
        } catch (IOException e) {
            throw new BadInputException(fileName + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new BadInputException(fileName + ": empty file; expected a hardware spec");
        }
        return fromNode(new SpecNode(tree, fileName, ROOT, JsonPointer.empty(), lines));
    }


    /**
     * Validates a spec given as nested maps (e.g. one point of a design space, or {@link HardwareSpec#asMap()});
     * {@code source} names where it came from in messages.
     */
    public HardwareSpec fromMap(java.util.Map<String, ?> spec, String source) {
        JsonNode tree = TREES.valueToTree(spec);
        return fromNode(SpecNode.detached(tree, source, ROOT));
    }

    /** Validates a parsed spec tree rooted at {@code hardware}. */
    public HardwareSpec fromNode(SpecNode root) {
        root.allowOnly("name", "node", "clockMegahertz", "pe", "array", "dataflow", "buffers", "vectorUnit", "dram",
                "mapping");
        String name = root.field("name").text();
        SpecNode nodeField = root.field("node");
        TechNode node = parseNode(nodeField);
        double clock = root.field("clockMegahertz").positiveIn(HardwareSpec.MIN_CLOCK_MEGAHERTZ,
                HardwareSpec.MAX_CLOCK_MEGAHERTZ, HardwareSpec.CLOCK_RANGE);

        SpecNode peNode = root.field("pe").allowOnly("family", "params");
        SpecNode familyNode = peNode.field("family");
        String familyId = familyNode.text();
        PeFamily family = registry.peFamily(familyId).orElseThrow(() -> familyNode.error("must be a registered PE "
                + "family" + Suggestions.didYouMean(familyId, registry.ids(CatalogKind.PES)) + " (" + String.join(", ", registry.ids(CatalogKind.PES)) + ")", familyNode.shown()));
        SpecNode params = peNode.optionalField("params").orElseGet(() -> SpecNode.detached(
                TREES.createObjectNode(), root.file(), peNode.path() + ".params"));
        PeSpec pe = new PeSpec(familyId, family.parseParams(params.requireObject()));

        SpecNode arrayNode = root.field("array").allowOnly("rows", "cols");
        ArraySpec array = new ArraySpec(arrayNode.field("rows").intIn(1, 1 << 16),
                arrayNode.field("cols").intIn(1, 1 << 16));

        SpecNode dataflowNode = root.field("dataflow");
        Dataflow dataflow = Dataflow.fromId(dataflowNode.text()).orElseThrow(() -> dataflowNode.error(
                "must be one of " + Dataflow.ids(), dataflowNode.shown()));
        if (!family.dataflows().contains(dataflow)) {
            throw dataflowNode.error("PE family " + familyId + " supports " + family.dataflows().stream()
                    .map(Dataflow::id).sorted().toList(), dataflowNode.shown());
        }

        SpecNode buffersNode = root.field("buffers").allowOnly("activations", "weights", "outputs");
        BufferSpecs buffers = new BufferSpecs(buffer(buffersNode.field("activations")),
                buffer(buffersNode.field("weights")), buffer(buffersNode.field("outputs")));

        SpecNode vectorNode = root.field("vectorUnit").allowOnly("lanes", "wordBits");
        VectorUnitSpec vector = new VectorUnitSpec(vectorNode.field("lanes").intIn(1, 1 << 20),
                vectorNode.field("wordBits").intIn(1, 64));

        DramSpec dram = dram(root.field("dram"));
        MappingSpec mapping = root.optionalField("mapping").map(HardwareSpecLoader::mapping).orElse(MappingSpec.NONE);
        if (mapping.tileM().isPresent() || mapping.tileK().isPresent() || mapping.tileN().isPresent()
                || !mapping.loopOrder().isEmpty()) {
            // Mapping is a stage of its own now; the pins still apply, as they did.
            notes.accept(root.file() + ": hardware.mapping: tile sizes and loop order in a hardware spec are "
                    + "deprecated; give them as a mapping beside the spec (a mapping file)");
        }
        if (mapping.cycleModel() == CycleModel.LAYER_OVERLAP && dram instanceof DramSpec.Preset preset) {
            throw root.field("dram").error("must be custom {bytesPerCycle, latencyNanoseconds, picojoulesPerBit, "
                    + "capacityGibibytes} when mapping.cycleModel is layer-overlap", "preset '" + preset.id() + "'");
        }
        return new HardwareSpec(name, node, clock, pe, array, dataflow, buffers, vector, dram, mapping);
    }

    private static TechNode parseNode(SpecNode nodeField) {
        try {
            return TechNode.parse(nodeField.text(), null, nodeField.path());
        } catch (BadInputException e) {
            throw nodeField.error("must be one of " + TechNode.ids(), nodeField.shown());
        }
    }

    private static BufferSpec buffer(SpecNode node) {
        node.allowOnly("kib", "banks", "portsPerBank", "wordBits");
        return new BufferSpec(node.field("kib").positiveIn(BufferSpec.MIN_KIB, BufferSpec.MAX_KIB,
                BufferSpec.KIB_RANGE), node.field("banks").intIn(1, 1 << 16),
                node.field("portsPerBank").intIn(1, 64), node.field("wordBits").intIn(1, 4096));
    }

    private DramSpec dram(SpecNode node) {
        node.allowOnly("preset", "custom");
        boolean hasPreset = node.optionalField("preset").isPresent();
        boolean hasCustom = node.optionalField("custom").isPresent();
        if (hasPreset == hasCustom) {
            throw node.error("must give exactly one of preset or custom", node.shown());
        }
        if (hasPreset) {
            SpecNode preset = node.field("preset");
            String id = preset.text();
            if (registry.memory(id).isEmpty()) {
                var known = registry.ids(CatalogKind.MEMORIES);
                throw preset.error("must be a registered DRAM preset (" + (known.isEmpty()
                        ? "none registered; use dram: {custom: {bytesPerCycle, latencyNanoseconds, picojoulesPerBit,"
                        + " capacityGibibytes}}" : String.join(", ", known)) + ")", preset.shown());
            }
            return new DramSpec.Preset(id);
        }
        SpecNode custom = node.field("custom").allowOnly("bytesPerCycle", "latencyNanoseconds", "picojoulesPerBit",
                "capacityGibibytes");
        return new DramSpec.Custom(custom.field("bytesPerCycle").positiveIn(DramSpec.MIN_BYTES_PER_CYCLE,
                Double.MAX_VALUE, DramSpec.BYTES_PER_CYCLE_RANGE),
                custom.field("latencyNanoseconds").nonNegative(), custom.field("picojoulesPerBit").nonNegative(),
                custom.field("capacityGibibytes").positive());
    }

    private static MappingSpec mapping(SpecNode node) {
        node.allowOnly("tileM", "tileK", "tileN", "loopOrder", "cycleModel");
        String loopOrder = node.optionalField("loopOrder").map(n -> {
            String order = n.text();
            char[] sorted = order.toCharArray();
            java.util.Arrays.sort(sorted);
            if (!new String(sorted).equals("kmn")) {
                throw n.error("must be a permutation of mkn (outermost first)", n.shown());
            }
            return order;
        }).orElse("");
        CycleModel cycleModel = node.optionalField("cycleModel").map(n -> CycleModel.fromId(n.text())
                .orElseThrow(() -> n.error("must be one of " + CycleModel.ids(), n.shown()))).orElse(CycleModel.FOLDS);
        return new MappingSpec(tile(node, "tileM"), tile(node, "tileK"), tile(node, "tileN"), loopOrder, cycleModel);
    }

    private static OptionalInt tile(SpecNode node, String name) {
        return node.optionalField(name).map(n -> OptionalInt.of(n.intIn(1, Integer.MAX_VALUE)))
                .orElse(OptionalInt.empty());
    }
}
