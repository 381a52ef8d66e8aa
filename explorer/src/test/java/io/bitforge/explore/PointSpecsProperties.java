package io.bitforge.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.SpecNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A design's spec built part by part ({@link PointSpecs}) equals the one the loader builds from the design's
 * tree, as the scorer built every design before: the same record field for field (so the same id), or the same
 * rejection message. The spaces mix families with dataflows they lack, DRAM presets with the cycle model that
 * needs a custom DRAM, overlapping paths ({@code array} and {@code array.cols}), and, in spaces made without the
 * space loader's checks, values that are invalid alone in several fields at once.
 */
class PointSpecsProperties {
    private static final HardwareSpecLoader LOADER = new HardwareSpecLoader(Spaces.REGISTRY);
    private static final ObjectMapper TREES = new ObjectMapper();

    /** Families with one dataflow (shift-add os, reram ws) against every dataflow; buffers, vector unit, node. */
    private static final String FAMILIES = """
            name: families
            base: tpu-like-int8
            parameters:
              - path: pe
                values:
                  - {family: mac-int, params: {weightBits: 8, activationBits: 8}}
                  - {family: shift-add, params: {variant: mixpe, weightBits: 4, activationBits: 8, groupSize: 128}}
                  - {family: mac-fp, params: {format: bf16}}
              - path: pe.params.weightBits
                values: [4, 8]
              - path: array.rows
                range: {from: 4, to: 64, factor: 2}
              - path: dataflow
                values: [os, ws, is]
              - path: buffers.weights.kib
                values: [32, 64.5, 128]
              - path: buffers.outputs.banks
                values: [1, 4]
              - path: vectorUnit.lanes
                values: [8, 64]
              - path: node
                values: [28nm, 7nm]
              - path: clockMegahertz
                values: [500, 1000.5]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 128, generate: 1, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, energy, area]
            """;

    /** The layer-overlap cycle model needs a custom DRAM: rejected with the preset. */
    private static final String DRAM = """
            name: dram
            base: tpu-like-int8
            parameters:
              - path: dram
                values:
                  - {preset: hbm2e}
                  - {custom: {bytesPerCycle: 64, latencyNanoseconds: 100, picojoulesPerBit: 4, capacityGibibytes: 16}}
              - path: mapping.cycleModel
                values: [folds, layer-overlap, pipelined]
              - path: array
                values: [{rows: 8, cols: 8}, {rows: 16, cols: 4}]
              - path: array.cols
                values: [2, 32]
              - path: vectorUnit
                values: [{lanes: 16, wordBits: 16}, {lanes: 32, wordBits: 32}]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 128, generate: 1, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, energy, area]
            """;

    /** Parsed once: the space loader validates every value and builds the workloads. */
    private static final List<DesignSpace> LOADED = List.of(Spaces.parse(FAMILIES), Spaces.parse(DRAM),
            Spaces.parse(Spaces.SMALL));

    @Property(tries = 25)
    void loadedSpacesBuildAsTheLoaderDoes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which) {
        DesignSpace space = LOADED.get(which);
        PointSpecs specs = new PointSpecs(space, LOADER);
        assertTrue(specs.direct(), "the space is built part by part");
        agree(space, specs, seed);
    }

    /** Values each invalid alone, in several groups at once: the first problem in the loader's order is named. */
    @Property(tries = 25)
    void invalidValuesAreRejectedAsTheLoaderRejectsThem(@ForAll long seed) {
        DesignSpace valid = LOADED.get(2);
        List<SpaceParameter> parameters = List.of(
                new SpaceParameter("node", List.of("28nm", "3nm")),
                new SpaceParameter("clockMegahertz", List.of(-1L, 500L, 1.5)),
                new SpaceParameter("pe.params.weightBits", List.of(3L, 8L, 99L)),
                new SpaceParameter("array.rows", List.of(0L, 4L, 70_000L, 2.5)),
                new SpaceParameter("array.cols", List.of(8L, "eight")),
                new SpaceParameter("dataflow", List.of("os", "xs")),
                new SpaceParameter("buffers.weights.kib", List.of(-4L, 64L)),
                new SpaceParameter("buffers.activations", List.of(Map.of("kib", 8, "banks", 1, "portsPerBank", 1,
                        "wordBits", 8), Map.of("kib", 8, "banks", 0))),
                new SpaceParameter("vectorUnit.wordBits", List.of(0L, 16L)),
                new SpaceParameter("mapping.loopOrder", List.of("mkn", "mmn")));
        DesignSpace space = new DesignSpace("invalid", valid.base(), parameters, valid.workloads(),
                valid.objectives(), valid.constraints(), valid.memory(), valid.asWritten());
        PointSpecs specs = new PointSpecs(space, LOADER);
        assertTrue(specs.direct());
        agree(space, specs, seed);
    }

    /** A path that is not a part the loader builds alone (the name) is built through the loader. */
    @Property(tries = 5)
    void otherPathsGoThroughTheLoader(@ForAll long seed) {
        DesignSpace valid = LOADED.get(2);
        List<SpaceParameter> parameters = new ArrayList<>(valid.parameters());
        parameters.add(new SpaceParameter("name", List.of("a", "b")));
        DesignSpace space = new DesignSpace("named", valid.base(), parameters, valid.workloads(),
                valid.objectives(), valid.constraints(), valid.memory(), valid.asWritten());
        PointSpecs specs = new PointSpecs(space, LOADER);
        assertFalse(specs.direct());
        agree(space, specs, seed);
    }

    private static void agree(DesignSpace space, PointSpecs specs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] radices = space.radices();
        int rejected = 0;
        for (int n = 0; n < 40; n++) {
            int[] choice = new int[radices.length];
            for (int i = 0; i < radices.length; i++) {
                choice[i] = random.nextInt(radices[i]);
            }
            String expected = outcome(() -> LOADER.fromNode(SpecNode.detached(
                    TREES.valueToTree(space.pointSpec(choice)), "design", "hardware")));
            String actual = outcome(() -> specs.spec(choice));
            assertEquals(expected, actual, space.choiceMap(choice).toString());
            rejected += expected.startsWith("rejected") ? 1 : 0;
        }
        assertTrue(rejected < 40 || space.name().equals("invalid"), "some designs are built");
    }

    /** The spec's record, its map and its id, or the rejection's message. */
    private static String outcome(java.util.function.Supplier<HardwareSpec> build) {
        try {
            HardwareSpec spec = build.get();
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("record", spec.toString());
            shown.put("map", spec.asMap());
            shown.put("id", spec.designId());
            return shown.toString();
        } catch (BadInputException e) {
            return "rejected: " + e.getMessage();
        }
    }
}
