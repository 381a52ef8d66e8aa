package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopologyParserTest {
    @Test
    void readsScaleSimsGemmExample() {
        // SCALE-Sim v2 topologies/GEMM_mnk/test_mnk_input.csv
        List<TopologyLayer> layers = TopologyParser.parse("test_mnk_input.csv",
                List.of("Layer Name, M, N, K,", "Test 1, 256, 128, 256,"));
        TopologyLayer layer = layers.get(0);
        assertEquals("Test 1", layer.name());
        // GEMM -> conv: ifmap M x K, filter 1 x K, N filters, stride 1
        assertEquals(256, layer.ofmapPixelsPerFilter());
        assertEquals(128, layer.numFilters());
        assertEquals(256, layer.windowSize());
        assertEquals(256L * 128 * 256, layer.macs());
    }

    @Test
    void readsAlexNetConvRows() {
        // SCALE-Sim v2 topologies/conv_nets/alexnet.csv, first two rows (padded cells, trailing commas)
        List<TopologyLayer> layers = TopologyParser.parse("alexnet.csv", List.of(
                "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
                "Conv1     ,224         ,224        ,11           ,11          ,3       ,96        ,4      ,",
                "",
                "Conv2     ,27         ,27        ,5            ,5           ,96      ,256       ,1      ,"));
        assertEquals(2, layers.size());
        TopologyLayer conv1 = layers.get(0);
        // ceil((224 - 11 + 4) / 4) = ceil(54.25) = 55
        assertEquals(55, conv1.ofmapRows());
        assertEquals(55 * 55, conv1.ofmapPixelsPerFilter());
        assertEquals(11 * 11 * 3, conv1.windowSize());
        assertEquals(4, conv1.strideCols());
        assertEquals(23, layers.get(1).ofmapRows()); // 27 - 5 + 1
    }

    @Test
    void depthwiseRowsExpandPerChannel() {
        List<TopologyLayer> layers = TopologyParser.parse("m.csv", List.of("h", "DP1, 8, 8, 3, 3, 4, 1, 1, 2"));
        assertEquals(4, layers.size());
        assertEquals("DP1Channel_3", layers.get(3).name());
        assertEquals(1, layers.get(3).channels());
        assertEquals(2, layers.get(3).strideCols());
    }

    @Test
    void badCellsNameFileLineAndField() {
        assertEquals("t.csv: line 3: fc2.N: must be an integer from 1 to 2147483647, got 'x'",
                assertThrows(BadInputException.class, () -> TopologyParser.parse("t.csv",
                        List.of("Layer, M, N, K,", "fc1, 1, 2, 3,", "fc2, 4, x, 6,"))).getMessage());
        assertEquals("t.csv: line 2: c.Filter Height: must not exceed the IFMAP height 5, got 7",
                assertThrows(BadInputException.class, () -> TopologyParser.parse("t.csv",
                        List.of("h", "c, 5, 5, 7, 3, 1, 1, 1,"))).getMessage());
        assertEquals(true, assertThrows(BadInputException.class, () -> TopologyParser.parse("t.csv",
                List.of("h", "c, 5, 5,"))).getMessage().startsWith("t.csv: line 2: row: must have 3 numbers"));
        assertEquals(true, assertThrows(BadInputException.class, () -> TopologyParser.parse("t.csv",
                List.of("h"))).getMessage().startsWith("t.csv: no layers"));
    }
}
