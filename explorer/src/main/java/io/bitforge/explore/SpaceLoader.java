package io.bitforge.explore;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.InputText;
import io.bitforge.core.io.SourceLines;
import io.bitforge.core.io.Suggestions;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.workloads.quant.QuantConfig;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a design-space file (YAML or JSON) and validates it, reporting the first problem as one line naming the
 * file, the field path, the value, what is allowed and the line, e.g.
 * {@code space.yaml: space.parameters[1].values[2]: array.rows = 0: hardware.array.rows: must be in [1, 65536],
 * got 0 (line 12)}. Every parameter value is checked by applying it alone to the base spec (or, when that fails,
 * together with one other listed value, e.g. a family with the one dataflow it supports) and validating the
 * result with {@link HardwareSpecLoader}, so PE-family parameters are validated by their family, with no list of
 * families here. Workloads are checked by building their op graphs once.
 */
public final class SpaceLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> SPEC_FIELDS = Set.of("name", "node", "clockMegahertz", "pe", "array",
            "dataflow", "buffers", "vectorUnit", "dram", "mapping");
    /**
     * Grids larger than this per parameter are almost surely a typo in a range; and every value is validated
     * against the base spec (about 0.4 ms each: 131,072 values took 53 s), so the bound keeps loading to seconds.
     */
    private static final int MAX_VALUES = 4_096;

    private final Registry registry;
    private final HardwareSpecLoader specLoader;

    public SpaceLoader(Registry registry) {
        this.registry = registry;
        this.specLoader = new HardwareSpecLoader(registry);
    }

    public DesignSpace load(Path file) {
        String text = InputText.read(file, "design space");
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /** Parses space text; {@code fileName} names it in messages, {@code dir} resolves a relative base file. */
    public DesignSpace parse(String text, String fileName, Path dir) {
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
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            throw new BadInputException(fileName + ": expected a design space (an object with name, base, "
                    + "parameters, workloads, objectives)");
        }
        Node root = new Node(tree, "space", JsonPointer.empty(), fileName, lines);
        root.allowOnly("name", "base", "parameters", "workloads", "objectives", "constraints", "memory");
        String name = root.field("name").text();

        Map<String, Object> base = base(root.field("base"), dir);
        List<SpaceParameter> parameters = new ArrayList<>();
        Node params = root.field("parameters").array();
        Set<String> paths = new LinkedHashSet<>();
        List<Map.Entry<String, Object>> listedValues = listedValues(params);
        for (int i = 0; i < params.size(); i++) {
            SpaceParameter p = parameter(params.at(i), base, listedValues);
            if (!paths.add(p.path())) {
                throw params.at(i).field("path").error("each path may appear once", "'" + p.path() + "'");
            }
            parameters.add(p);
        }

        List<WorkloadTerm> workloads = new ArrayList<>();
        Node wl = root.field("workloads").array();
        if (wl.size() == 0) {
            throw wl.error("must list at least one workload", "[]");
        }
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < wl.size(); i++) {
            WorkloadTerm term = workload(wl.at(i));
            if (!labels.add(term.label())) {
                throw wl.at(i).error("labels must be unique (set 'label')", "'" + term.label() + "'");
            }
            workloads.add(term);
        }

        List<Objective> objectives = new ArrayList<>();
        Node obj = root.field("objectives").array();
        if (obj.size() == 0) {
            throw obj.error("must list at least one objective (" + String.join(", ", Objective.ids()) + ")", "[]");
        }
        for (int i = 0; i < obj.size(); i++) {
            Node o = obj.at(i);
            Objective objective = Objective.fromId(o.text()).orElseThrow(() -> o.error("must be one of "
                    + String.join(", ", Objective.ids()), o.shown()));
            if (objectives.contains(objective)) {
                throw o.error("each objective may appear once", o.shown());
            }
            objectives.add(objective);
        }
        Constraints constraints = root.optional("constraints").map(SpaceLoader::constraints).orElse(Constraints.NONE);
        SpaceMemory memory = root.optional("memory").map(m -> SpaceMemory.fromId(m.text()).orElseThrow(() -> m.error(
                "must be one of " + String.join(", ", SpaceMemory.ids()), m.shown()))).orElse(SpaceMemory.FLOOR);
        @SuppressWarnings("unchecked")
        Map<String, Object> asWritten = YAML.convertValue(tree, Map.class);
        asWritten.put("base", base);
        return new DesignSpace(name, base, parameters, workloads, objectives, constraints, memory, asWritten);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> base(Node node, Path dir) {
        HardwareSpec spec;
        if (node.json.isTextual()) {
            String ref = node.json.asText();
            Path file = dir == null ? Path.of(ref) : dir.resolve(ref);
            try {
                spec = Files.isRegularFile(file) ? specLoader.load(file) : specLoader.resolve(ref, node.path);
            } catch (BadInputException e) {
                throw new BadInputException(node.file + ": " + node.path + " (line " + node.line() + "): "
                        + e.getMessage(), e);
            }
        } else if (node.json.isObject()) {
            spec = checked(node, YAML.convertValue(node.json, Map.class), "");
        } else {
            throw node.error("must be a preset name, a spec file or an inline spec", node.shown());
        }
        return spec.asMap();
    }

    private HardwareSpec checked(Node node, Map<String, Object> spec, String what) {
        try {
            return specLoader.fromMap(spec, "point");
        } catch (BadInputException e) {
            String message = e.getMessage().startsWith("point: ") ? e.getMessage().substring(7) : e.getMessage();
            throw node.error(what + message + "; allowed", node.shown());
        }
    }

    /**
     * Every (path, value) the space lists with {@code values:}, read leniently (validation comes later): a value
     * may be valid only together with another parameter's value (a family that runs only weight-stationary
     * needs {@code dataflow: ws}), so a value that fails alone is tried with each of these.
     */
    private static List<Map.Entry<String, Object>> listedValues(Node params) {
        List<Map.Entry<String, Object>> listed = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            JsonNode param = params.at(i).json;
            JsonNode path = param.get("path");
            JsonNode values = param.get("values");
            if (path != null && path.isTextual() && values != null && values.isArray()) {
                for (JsonNode value : values) {
                    listed.add(Map.entry(path.asText(), YAML.convertValue(value, Object.class)));
                }
            }
        }
        return listed;
    }

    /** Whether {@code spec} validates, alone or with one other listed parameter value applied. */
    private boolean validSomewhere(Map<String, Object> base, String path, Object value,
                                   List<Map.Entry<String, Object>> listedValues) {
        for (Map.Entry<String, Object> other : listedValues) {
            if (other.getKey().equals(path)) {
                continue;
            }
            try {
                specLoader.fromMap(SpecPaths.with(SpecPaths.with(base, other.getKey(), other.getValue()), path,
                        value), "point");
                return true;
            } catch (BadInputException | IllegalArgumentException ignored) {
                // not valid with this companion value either; try the next
            }
        }
        return false;
    }

    private SpaceParameter parameter(Node node, Map<String, Object> base,
                                     List<Map.Entry<String, Object>> listedValues) {
        node.allowOnly("path", "values", "range");
        Node pathNode = node.field("path");
        String path = pathNode.text();
        String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        if (!SPEC_FIELDS.contains(head) || head.equals("name") || path.endsWith(".") || path.contains("..")) {
            throw pathNode.error("must be a dotted hardware-spec path such as array.rows, pe.params.weightBits or "
                    + "pe (fields: " + String.join(", ", new java.util.TreeSet<>(SPEC_FIELDS)) + "; not name)",
                    pathNode.shown());
        }
        boolean hasValues = node.optional("values").isPresent();
        if (hasValues == node.optional("range").isPresent()) {
            throw node.error("give exactly one of values or range", node.shown());
        }
        List<Object> values = new ArrayList<>();
        Node list = hasValues ? node.field("values").array() : node.field("range");
        if (hasValues) {
            if (list.size() == 0) {
                throw list.error("must list at least one value", "[]");
            }
            for (int i = 0; i < list.size(); i++) {
                values.add(YAML.convertValue(list.at(i).json, Object.class));
            }
        } else {
            values.addAll(range(list));
        }
        Set<Object> seen = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Node at = hasValues ? list.at(i) : list;
            if (!seen.add(values.get(i))) {
                throw at.error("values must be distinct", values.get(i));
            }
            Map<String, Object> spec = SpecPaths.with(base, path, values.get(i));
            try {
                specLoader.fromMap(spec, "point");
            } catch (BadInputException e) {
                if (validSomewhere(base, path, values.get(i), listedValues)) {
                    continue;
                }
                String message = e.getMessage().startsWith("point: ") ? e.getMessage().substring(7) : e.getMessage();
                throw new BadInputException(node.file + ": " + at.path + ": " + path + " = " + values.get(i)
                        + " is not valid with the base spec: " + message + at.lineText());
            }
        }
        return new SpaceParameter(path, values);
    }

    /** {@code {from, to, step}} (arithmetic) or {@code {from, to, factor}} (geometric), both ends included. */
    private static List<Object> range(Node node) {
        node.allowOnly("from", "to", "step", "factor");
        BigDecimal from = node.field("from").decimal();
        BigDecimal to = node.field("to").decimal();
        boolean step = node.optional("step").isPresent();
        if (step == node.optional("factor").isPresent()) {
            throw node.error("give exactly one of step or factor", node.shown());
        }
        if (to.compareTo(from) < 0) {
            throw node.field("to").error("must be >= from (" + from.toPlainString() + ")", to.toPlainString());
        }
        boolean integral = from.stripTrailingZeros().scale() <= 0 && to.stripTrailingZeros().scale() <= 0;
        List<Object> values = new ArrayList<>();
        if (step) {
            Node s = node.field("step");
            BigDecimal by = s.decimal();
            if (by.signum() <= 0) {
                throw s.error("must be > 0", by.toPlainString());
            }
            integral &= by.stripTrailingZeros().scale() <= 0;
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(by)) {
                values.add(number(v, integral));
                if (values.size() > MAX_VALUES) {
                    throw s.error("range yields more than " + MAX_VALUES + " values", by.toPlainString());
                }
            }
        } else {
            Node f = node.field("factor");
            BigDecimal by = f.decimal();
            if (by.compareTo(BigDecimal.ONE) <= 0 || from.signum() <= 0) {
                throw f.error("must be > 1 with from > 0", by.toPlainString());
            }
            integral &= by.stripTrailingZeros().scale() <= 0;
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.multiply(by)) {
                values.add(number(v, integral));
                if (values.size() > MAX_VALUES) {
                    throw f.error("range yields more than " + MAX_VALUES + " values", by.toPlainString());
                }
            }
        }
        return values;
    }

    private static Object number(BigDecimal v, boolean integral) {
        return integral ? (Object) v.longValueExact() : (Object) v.doubleValue();
    }

    private WorkloadTerm workload(Node node) {
        node.allowOnly("workload", "label", "weight", "phase", "batch", "prompt", "context", "generate", "quant",
                "steps", "resolution", "guidance", "options");
        Node idNode = node.field("workload");
        String id = idNode.text();
        WorkloadFactory factory = registry.workload(id).orElseThrow(() -> idNode.error("must be one of "
                + String.join(", ", registry.ids(CatalogKind.WORKLOADS)), idNode.shown()));
        WorkloadSettings d = WorkloadSettings.defaults();
        String phase = node.optional("phase").map(Node::text).orElse("decode");
        Map<String, String> options = new LinkedHashMap<>();
        node.optional("options").ifPresent(o -> {
            o.requireObject();
            o.json.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        });
        WorkloadSettings settings = new WorkloadSettings(phase,
                node.optional("batch").map(n -> n.intIn(1, 1 << 20)).orElse(d.batch()),
                node.optional("prompt").map(n -> n.intIn(1, 1 << 24)).orElse(d.prompt()),
                node.optional("context").map(n -> n.intIn(0, 1 << 24)).orElse(d.context()),
                node.optional("generate").map(n -> n.intIn(1, 1 << 24)).orElse(1),
                node.optional("quant").map(Node::text).orElse(d.quant()),
                node.optional("steps").map(n -> n.intIn(1, 100_000)).orElse(1),
                node.optional("resolution").map(n -> n.intIn(8, 1 << 16)).orElse(d.resolution()),
                node.optional("guidance").map(n -> n.bool()).orElse(d.guidance()), options);
        double weight = node.optional("weight").map(Node::positive).orElse(1.0);
        String label = node.optional("label").map(Node::text).orElse(id + " " + phase);
        try {
            // "native" is resolved per design; the shape of the workload is checked at 16 bits.
            WorkloadSettings check = settings.quant().equals(QuantConfig.NATIVE) ? settings.withQuant("W16A16KV16")
                    : settings;
            if (factory.build(check).isEmpty()) {
                throw node.error("the settings build no phase", node.shown());
            }
        } catch (BadInputException e) {
            throw new BadInputException(node.file + ": " + node.path + ": " + e.getMessage() + node.lineText(), e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> asWritten = YAML.convertValue(node.json, Map.class);
        return new WorkloadTerm(label, id, settings, weight, asWritten);
    }

    private static Constraints constraints(Node node) {
        node.allowOnly("maxAreaSquareMillimetres", "maxPowerWatts", "minItemsPerSecond");
        return new Constraints(
                node.optional("maxAreaSquareMillimetres").map(n -> OptionalDouble.of(n.positive()))
                        .orElse(OptionalDouble.empty()),
                node.optional("maxPowerWatts").map(n -> OptionalDouble.of(n.positive())).orElse(OptionalDouble.empty()),
                node.optional("minItemsPerSecond").map(n -> OptionalDouble.of(n.positive()))
                        .orElse(OptionalDouble.empty()));
    }


    /** A node of the space file with its dotted path and line, for messages. */
    private record Node(JsonNode json, String path, JsonPointer pointer, String file, Map<JsonPointer, Integer> lines) {
        int line() {
            return lines.getOrDefault(pointer, -1);
        }

        String lineText() {
            return line() > 0 ? " (line " + line() + ")" : "";
        }

        BadInputException error(String allowed, Object got) {
            return new BadInputException(file + ": " + path + ": " + allowed + ", got " + got + lineText());
        }

        String shown() {
            return json.isTextual() ? "'" + json.asText() + "'" : json.toString();
        }

        Node requireObject() {
            if (!json.isObject()) {
                throw error("must be an object", shown());
            }
            return this;
        }

        Node array() {
            if (!json.isArray()) {
                throw error("must be a list", shown());
            }
            return this;
        }

        int size() {
            return json.size();
        }

        Node at(int i) {
            return new Node(json.get(i), path + "[" + i + "]", pointer.appendIndex(i), file, lines);
        }

        Node field(String name) {
            requireObject();
            JsonNode child = json.get(name);
            if (child == null || child.isNull()) {
                throw new BadInputException(file + ": " + path + "." + name + ": missing; this field is required"
                        + lineText());
            }
            return new Node(child, path + "." + name, pointer.appendProperty(name), file, lines);
        }

        java.util.Optional<Node> optional(String name) {
            requireObject();
            JsonNode child = json.get(name);
            return child == null || child.isNull() ? java.util.Optional.empty()
                    : java.util.Optional.of(field(name));
        }

        Node allowOnly(String... allowed) {
            requireObject();
            Set<String> names = new LinkedHashSet<>(List.of(allowed));
            Iterator<String> it = json.fieldNames();
            while (it.hasNext()) {
                String name = it.next();
                if (!names.contains(name)) {
                    Node child = new Node(json.get(name), path + "." + name, pointer.appendProperty(name), file,
                            lines);
                    throw child.error("unknown field" + Suggestions.didYouMean(name, names) + "; allowed: "
                            + String.join(", ", names), "'" + name + "'");
                }
            }
            return this;
        }

        String text() {
            if (!json.isTextual() || json.asText().isBlank()) {
                throw error("must be a non-empty string", shown());
            }
            return json.asText();
        }

        BigDecimal decimal() {
            if (!json.isNumber()) {
                throw error("must be a number", shown());
            }
            return json.decimalValue();
        }

        double positive() {
            if (!json.isNumber() || !(json.asDouble() > 0) || Double.isInfinite(json.asDouble())) {
                throw error("must be a number > 0", shown());
            }
            return json.asDouble();
        }

        int intIn(int min, int max) {
            if (!json.isIntegralNumber() || !json.canConvertToInt() || json.asInt() < min || json.asInt() > max) {
                throw error("must be an integer in [" + min + ", " + max + "]", shown());
            }
            return json.asInt();
        }

        boolean bool() {
            if (!json.isBoolean()) {
                throw error("must be true or false", shown());
            }
            return json.asBoolean();
        }
    }
}
