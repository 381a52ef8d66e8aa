package io.bitforge.core.spec;

import io.bitforge.core.tech.TechNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated accelerator (DESIGN.md, "Hardware spec"): name, technology node every cost is reported at, clock,
 * PE family and its parameters, array shape, dataflow, operand buffers, vector unit, DRAM and mapping pins.
 * Load one from YAML/JSON with {@link HardwareSpecLoader}; build variants with the {@code with...} methods.
 */
public record HardwareSpec(String name, TechNode node, double clockMegahertz, PeSpec pe, ArraySpec array,
                           Dataflow dataflow, BufferSpecs buffers, VectorUnitSpec vectorUnit, DramSpec dram,
                           MappingSpec mapping) {
    /**
     * The clock range a spec may give: 1 kHz to 1 THz. Not a published figure but a sanity bound: past it a cycle's
     * seconds (and every latency and power) leave the range the reports print meaningfully.
     */
    public static final double MIN_CLOCK_MEGAHERTZ = 1e-3;
    public static final double MAX_CLOCK_MEGAHERTZ = 1e6;
    public static final String CLOCK_RANGE = "must be from 0.001 (1 kHz) to 1000000 (1 THz)";

    public HardwareSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pe, "pe");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(dataflow, "dataflow");
        Objects.requireNonNull(buffers, "buffers");
        Objects.requireNonNull(vectorUnit, "vectorUnit");
        Objects.requireNonNull(dram, "dram");
        Objects.requireNonNull(mapping, "mapping");
        if (!(clockMegahertz > 0) || Double.isInfinite(clockMegahertz)) {
            throw new IllegalArgumentException("clockMegahertz must be > 0, got " + clockMegahertz);
        }
    }

    public double clockHertz() {
        return clockMegahertz * 1e6;
    }

    public HardwareSpec withArray(ArraySpec newArray) {
        return new HardwareSpec(name, node, clockMegahertz, pe, newArray, dataflow, buffers, vectorUnit, dram, mapping);
    }

    public HardwareSpec withDataflow(Dataflow newDataflow) {
        return new HardwareSpec(name, node, clockMegahertz, pe, array, newDataflow, buffers, vectorUnit, dram, mapping);
    }

    public HardwareSpec withPe(PeSpec newPe) {
        return new HardwareSpec(name, node, clockMegahertz, newPe, array, dataflow, buffers, vectorUnit, dram, mapping);
    }

    public HardwareSpec withBuffers(BufferSpecs newBuffers) {
        return new HardwareSpec(name, node, clockMegahertz, pe, array, dataflow, newBuffers, vectorUnit, dram,
                mapping);
    }

    public HardwareSpec withNode(TechNode newNode) {
        return new HardwareSpec(name, newNode, clockMegahertz, pe, array, dataflow, buffers, vectorUnit, dram,
                mapping);
    }

    public HardwareSpec withClockMegahertz(double newClockMegahertz) {
        return new HardwareSpec(name, node, newClockMegahertz, pe, array, dataflow, buffers, vectorUnit, dram,
                mapping);
    }

    public HardwareSpec withVectorUnit(VectorUnitSpec newVectorUnit) {
        return new HardwareSpec(name, node, clockMegahertz, pe, array, dataflow, buffers, newVectorUnit, dram,
                mapping);
    }

    public HardwareSpec withDram(DramSpec newDram) {
        return new HardwareSpec(name, node, clockMegahertz, pe, array, dataflow, buffers, vectorUnit, newDram,
                mapping);
    }

    public HardwareSpec withMapping(MappingSpec newMapping) {
        return new HardwareSpec(name, node, clockMegahertz, pe, array, dataflow, buffers, vectorUnit, dram,
                newMapping);
    }

    public HardwareSpec withName(String newName) {
        return new HardwareSpec(newName, node, clockMegahertz, pe, array, dataflow, buffers, vectorUnit, dram,
                mapping);
    }

    /**
     * The design's stable id (DESIGN.md, "Results directories"): SHA-256 of the canonical spec JSON (keys sorted,
     * no whitespace), first 16 hex digits. The JSON is written by {@link CanonicalSpecJson} (the same bytes as
     * Jackson's, several times faster), or by Jackson for a value it declines.
     */
    public String designId() {
        try {
            Map<String, Object> spec = asMap();
            byte[] canonical = CanonicalSpecJson.bytes(spec).orElse(null);
            if (canonical == null) {
                canonical = CANONICAL.writeValueAsBytes(spec);
            }
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(canonical);
            return java.util.HexFormat.of().formatHex(digest, 0, 8); // the first 16 hex digits
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash spec " + name, e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** The spec as the YAML/JSON file spells it (field order of DESIGN.md), for reports and canonical ids. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("node", node.id());
        map.put("clockMegahertz", clockMegahertz);
        Map<String, Object> peMap = new LinkedHashMap<>();
        peMap.put("family", pe.family());
        peMap.put("params", pe.params().asMap());
        map.put("pe", peMap);
        Map<String, Object> arrayMap = new LinkedHashMap<>();
        arrayMap.put("rows", array.rows());
        arrayMap.put("cols", array.cols());
        map.put("array", arrayMap);
        map.put("dataflow", dataflow.id());
        Map<String, Object> bufferMap = new LinkedHashMap<>();
        bufferMap.put("activations", buffer(buffers.activations()));
        bufferMap.put("weights", buffer(buffers.weights()));
        bufferMap.put("outputs", buffer(buffers.outputs()));
        map.put("buffers", bufferMap);
        Map<String, Object> vector = new LinkedHashMap<>();
        vector.put("lanes", vectorUnit.lanes());
        vector.put("wordBits", vectorUnit.wordBits());
        map.put("vectorUnit", vector);
        Map<String, Object> dramMap = new LinkedHashMap<>();
        if (dram instanceof DramSpec.Preset preset) {
            dramMap.put("preset", preset.id());
        } else if (dram instanceof DramSpec.Custom custom) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("bytesPerCycle", custom.bytesPerCycle());
            c.put("latencyNanoseconds", custom.latencyNanoseconds());
            c.put("picojoulesPerBit", custom.picojoulesPerBit());
            c.put("capacityGibibytes", custom.capacityGibibytes());
            dramMap.put("custom", c);
        }
        map.put("dram", dramMap);
        Map<String, Object> mappingMap = new LinkedHashMap<>();
        mapping.tileM().ifPresent(v -> mappingMap.put("tileM", v));
        mapping.tileK().ifPresent(v -> mappingMap.put("tileK", v));
        mapping.tileN().ifPresent(v -> mappingMap.put("tileN", v));
        if (!mapping.loopOrder().isEmpty()) {
            mappingMap.put("loopOrder", mapping.loopOrder());
        }
        if (mapping.cycleModel() != CycleModel.FOLDS) {
            mappingMap.put("cycleModel", mapping.cycleModel().id());
        }
        map.put("mapping", mappingMap);
        return map;
    }

    private static Map<String, Object> buffer(BufferSpec b) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kib", b.kib());
        map.put("banks", b.banks());
        map.put("portsPerBank", b.portsPerBank());
        map.put("wordBits", b.wordBits());
        return map;
    }
}
