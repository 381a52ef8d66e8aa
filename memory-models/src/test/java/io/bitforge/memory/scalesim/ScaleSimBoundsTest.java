package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs that once gave wrong numbers with exit 0 or ran without end in SCALE-Sim mode. */
class ScaleSimBoundsTest {
    private static String refusal(Runnable run) {
        return assertThrows(BadInputException.class, run::run).getMessage();
    }

    @Test
    void aMisspeltSectionHeaderIsRefusedWithTheNearestName() {
        List<String> lines = new ArrayList<>(ScaleSimConfigParserTest.SCALE_CFG);
        lines.set(lines.indexOf("[run_presets]"), "[run_preset]");
        String message = refusal(() -> ScaleSimConfigParser.parse("hw.cfg", lines));
        assertTrue(message.startsWith("hw.cfg: line 21: section [run_preset]: unknown (did you mean 'run_presets'?)"),
                message);
    }

    @Test
    void anUnknownKeyIsRefusedWithTheNearestName() {
        List<String> lines = new ArrayList<>(ScaleSimConfigParserTest.SCALE_CFG);
        lines.set(lines.indexOf("InterfaceBandwidth: USER "), "InterfaceBandwith: USER");
        String message = refusal(() -> ScaleSimConfigParser.parse("hw.cfg", lines));
        assertTrue(message.startsWith("hw.cfg: line 22: run_presets.InterfaceBandwith: unknown option (did you mean "
                + "'InterfaceBandwidth'?)"), message);
    }

    @Test
    void aConvolutionWithMoreOutputPixelsThanAnIntIsRefused() {
        // 65536 x 65536 input, 3 x 3 filter, stride 1: (65536 - 3 + 1)^2 = 65534^2 = 4,294,705,156 output pixels.
        String message = refusal(() -> TopologyParser.parse("t.csv", List.of(
                "Layer, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,",
                "c1, 65536, 65536, 3, 3, 3, 8, 1,")));
        assertEquals("t.csv: line 2: c1: output pixels per filter (M) = 4294705156: must be at most 2147483647 "
                + "(the largest layer SCALE-Sim mode indexes)", message);
    }

    @Test
    void aGemmAtIntMaxRunsInClosedFormInsteadOfReportingZeroCycles() {
        // 8 x 8 OS array, M = 2^31 - 1: ceil(M / 8) = 2^28 folds of K + R + C - 2 = 22 rows each. The ofmap SRAM
        // (64 KiB) drains 32,768 words in 4,096 cycles, while a fold of 22 cycles writes 64 words, so nothing ever
        // stalls: the last ofmap row is at 2^28 x 22 - 1. The folds repeat, so it takes a few hundred of them.
        ScaleSimConfig config = ScaleSimConfig.calc("t", 8, 8, 64, ScaleSimDataflow.OS);
        TopologyLayer layer = TopologyLayer.gemm("g1", Integer.MAX_VALUE, 8, 8);
        // the first 65,536 full folds at most (period search) and the narrower last one: 65,537 x 26 fold steps
        assertEquals(65_537.0 * 26, ScaleSimWork.of(layer, config).work());
        ScaleSimLayerResult result = ScaleSimRun.run(config, List.of(layer)).get(0);
        assertEquals(0, result.stallCycles());
        assertEquals((1L << 28) * 22 - 1, result.totalCycles());
    }

    @Test
    void aGemmOfManyRaggedRunsIsEstimatedAndRefused() {
        // 8 x 8 OS array, M = 9 rows (two row folds, the second one row wide), N = 2^31 - 1 filters: 2^28 column
        // folds, each a run of one full fold and one narrower fold, nothing to repeat: 2^29 folds of 2 x 8 + 10
        // steps = 13,958,643,712 steps, at 1e7 steps/s about 1,396 s = 23 min.
        ScaleSimConfig config = ScaleSimConfig.calc("t", 8, 8, 64, ScaleSimDataflow.OS);
        List<TopologyLayer> layers = List.of(TopologyLayer.gemm("g1", 9, Integer.MAX_VALUE, 8));
        assertEquals((double) (1L << 29) * (2 * 8 + 10), ScaleSimWork.of(layers.get(0), config).work());
        BadRequestException refused = assertThrows(BadRequestException.class, () -> ScaleSimRun.run(config, layers));
        assertEquals("longRunAllowed", refused.field());
        assertTrue(refused.detail().startsWith("g1: SCALE-Sim mode would simulate about 1.40e+10 fold steps, about "
                + "23 min; refused"), refused.detail());
    }

    @Test
    void aLargeOverlappingConvolutionIsEstimatedInIfmapWordsAndRefused() {
        // 3 x 3 windows overlap, so the ifmap is walked word by word: M = 16384^2 = 268,435,456, K = 9, N = 8 on an
        // 8 x 8 OS array: 2^25 folds of K + R - 1 = 16 ifmap rows of 8 words (2^32 words), and of those folds the
        // first 65,536 stepped through for the ofmap (they repeat) at 2 x 8 + 10 = 26 steps: 4,294,967,296 +
        // 1,703,936 = 4,296,671,232, at 4e7 per second about 107 s.
        ScaleSimConfig config = ScaleSimConfig.calc("t", 8, 8, 64, ScaleSimDataflow.OS);
        List<TopologyLayer> layers = List.of(new TopologyLayer("c1", 16386, 16386, 3, 3, 1, 8, 1, 1));
        assertEquals((double) (1L << 32) + 65_536.0 * (2 * 8 + 10), ScaleSimWork.of(layers.get(0), config).work());
        BadRequestException refused = assertThrows(BadRequestException.class, () -> ScaleSimRun.run(config, layers));
        assertTrue(refused.detail().startsWith("c1: SCALE-Sim mode would simulate about 4.30e+09 ifmap words and "
                + "fold steps, about 107 s; refused"), refused.detail());
    }

    @Test
    void theFoldCountOfANearIntMaxDimensionDoesNotWrap() {
        // ceil((2^31 - 1) / 8) = 2^28; (a + b - 1) in int would wrap negative and give no folds at all.
        assertEquals(1 << 28, SystolicDemand.ceilDiv(Integer.MAX_VALUE, 8));
    }

    @Test
    void aBatchColumnIsReadByNameNotAsAStride() {
        List<String> header = List.of(
                "Layer, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides, Batch Size,",
                "c1, 8, 8, 3, 3, 2, 4, 1, 1,");
        TopologyLayer layer = TopologyParser.parse("t.csv", header).get(0);
        assertEquals(1, layer.strideCols());
        assertEquals(1, layer.strideRows());
        String message = refusal(() -> TopologyParser.parse("t.csv", List.of(header.get(0),
                "c1, 8, 8, 3, 3, 2, 4, 1, 4,")));
        assertTrue(message.startsWith("t.csv: line 2: c1.Batch Size: must be 1"), message);
    }

    @Test
    void anEmptyLayerNameLeavesNoStrayDot() {
        String message = refusal(() -> TopologyParser.parse("t.csv", List.of("Layer, M, N, K,", ", 0, 8, 8,")));
        assertEquals("t.csv: line 2: M: must be an integer from 1 to 2147483647, got '0'", message);
    }
}
