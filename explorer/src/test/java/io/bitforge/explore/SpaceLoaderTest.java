package io.bitforge.explore;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpaceLoaderTest {
    @Test
    void readsParametersRangesWorkloadsAndObjectives() {
        DesignSpace space = Spaces.parse(Spaces.SMALL);
        assertEquals("test-space", space.name());
        assertEquals(List.of("pe", "array.rows", "array.cols", "dataflow"), space.parameterPaths());
        // factor range 8, 16, 32, 64 (both ends included)
        assertEquals(List.of(8L, 16L, 32L, 64L), space.parameters().get(1).values());
        assertEquals(BigInteger.valueOf(2 * 4 * 3 * 2), space.gridSize());
        assertEquals(List.of(Objective.LATENCY, Objective.ENERGY, Objective.AREA), space.objectives());
        assertEquals("decode", space.workloads().get(0).settings().phase());
        assertEquals(128, space.workloads().get(0).settings().context());
    }

    @Test
    void stepRangeIncludesBothEnds() {
        DesignSpace space = Spaces.parse(Spaces.SMALL.replace("range: {from: 8, to: 64, factor: 2}",
                "range: {from: 500, to: 1000, step: 250}").replace("path: array.rows", "path: clockMegahertz"));
        assertEquals(List.of(500L, 750L, 1000L), space.parameters().get(1).values());
    }

    @Test
    void pointSpecSetsEveryPathOnTheBase() {
        DesignSpace space = Spaces.parse(Spaces.SMALL);
        var spec = space.pointSpec(new int[] {1, 2, 0, 1});
        assertEquals("mac-fp", ((java.util.Map<?, ?>) spec.get("pe")).get("family"));
        assertEquals(32L, ((java.util.Map<?, ?>) spec.get("array")).get("rows"));
        assertEquals(8, ((java.util.Map<?, ?>) spec.get("array")).get("cols"));
        assertEquals("ws", spec.get("dataflow"));
        assertEquals("test-space", spec.get("name"));
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> Spaces.parse(text)).getMessage();
    }

    @Test
    void invalidValueNamesParameterPathValueAndLine() {
        String message = error(Spaces.SMALL.replace("values: [8, 16, 32]", "values: [8, 0, 32]"));
        assertTrue(message.startsWith("space.yaml: space.parameters[2].values[1]: array.cols = 0"), message);
        assertTrue(message.contains("hardware.array.cols"), message);
        assertTrue(message.contains("(line 11)"), message);
    }

    @Test
    void unknownFamilyIsReportedByTheSpecValidator() {
        String message = error(Spaces.SMALL.replace("family: mac-fp", "family: no-such-pe"));
        assertTrue(message.contains("space.parameters[0].values[1]"), message);
        assertTrue(message.contains("hardware.pe.family"), message);
        assertTrue(message.contains("no-such-pe"), message);
    }

    @Test
    void badPathIsRejected() {
        String message = error(Spaces.SMALL.replace("path: dataflow", "path: dataflo"));
        assertTrue(message.contains("space.parameters[3].path"), message);
        assertTrue(message.contains("'dataflo'"), message);
        assertTrue(message.contains("(line 12)"), message);
    }

    @Test
    void memoryIsFloorByDefaultAndTiledOnRequest() {
        assertEquals(SpaceMemory.FLOOR, Spaces.parse(Spaces.SMALL).memory());
        assertEquals(SpaceMemory.TILED, Spaces.parse(Spaces.SMALL + "memory: tiled\n").memory());
        String message = error(Spaces.SMALL + "memory: exact\n");
        assertTrue(message.startsWith("space.yaml: space.memory: must be one of floor, tiled, got 'exact'"), message);
    }

    @Test
    void unknownFieldsObjectivesAndWorkloadsAreRejected() {
        assertTrue(error(Spaces.SMALL + "budget: 3\n").contains("space.budget: unknown field"));
        String objective = error(Spaces.SMALL.replace("[latency, energy, area]", "[latency, speed]"));
        assertTrue(objective.contains("space.objectives[1]: must be one of latency, energy"), objective);
        String workload = error(Spaces.SMALL.replace("workload: llama-2-7b", "workload: llama-9"));
        assertTrue(workload.contains("space.workloads[0].workload: must be one of"), workload);
        assertTrue(workload.contains("'llama-9'"), workload);
    }

    @Test
    void badRangesAndDuplicatesAreRejected() {
        assertTrue(error(Spaces.SMALL.replace("factor: 2", "factor: 1")).contains("factor: must be > 1"));
        assertTrue(error(Spaces.SMALL.replace("factor: 2", "factor: 2, step: 3"))
                .contains("give exactly one of step or factor"));
        assertTrue(error(Spaces.SMALL.replace("from: 8, to: 64", "from: 64, to: 8")).contains("must be >= from"));
        assertTrue(error(Spaces.SMALL.replace("values: [os, ws]", "values: [os, os]"))
                .contains("values must be distinct"));
        assertTrue(error(Spaces.SMALL.replace("path: array.cols", "path: array.rows"))
                .contains("each path may appear once"));
        assertTrue(error(Spaces.SMALL.replace("quant: \"W8A8KV8,lm_head:same\"", "quant: W3Z"))
                .contains("space.workloads[0]"));
    }

    @Test
    void notYamlAndMissingFieldsAreRejected() {
        assertTrue(error("name: [unclosed").contains("not valid YAML/JSON"));
        assertTrue(error(Spaces.SMALL.replace("objectives: [latency, energy, area]\n", ""))
                .contains("space.objectives: missing"));
        assertTrue(error(Spaces.SMALL.replace("base: tpu-like-int8", "base: no-such-preset"))
                .contains("space.base"));
    }
}
