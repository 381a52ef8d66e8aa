package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed form of SCALE-Sim's CALC mode ({@link ClosedFormLayerRun}) reports exactly what the address-level
 * replay ({@link ScaleSimLayerRun#replay}) reports: every cycle, count and DRAM window, on random GEMM rows,
 * non-overlapping convolutions and convolutions with overlapping windows (strides, windows that run past the input's
 * edge), array shapes, SRAM sizes (down to a few words, so that windows slide and the ofmap stalls often) and
 * dataflows.
 */
class ClosedFormProperties {
    @Property(tries = 150)
    void closedFormEqualsTheReplay(@ForAll @IntRange(min = 1, max = 12) int arrayRows,
                                   @ForAll @IntRange(min = 1, max = 12) int arrayCols,
                                   @ForAll @IntRange(min = 0, max = 2) int dataflow,
                                   @ForAll @IntRange(min = 0, max = 2) int shape,
                                   @ForAll @IntRange(min = 50, max = 6000) int ifmapWords,
                                   @ForAll @IntRange(min = 50, max = 6000) int filterWords,
                                   @ForAll @IntRange(min = 2, max = 3000) int ofmapWords,
                                   @ForAll long seed) {
        Random random = new Random(seed);
        TopologyLayer layer = switch (shape) {
            case 0 -> TopologyLayer.gemm("g", 1 + random.nextInt(70), 1 + random.nextInt(70), 1 + random.nextInt(70));
            case 1 -> nonOverlappingConv(random);
            default -> overlappingConv(random);
        };
        ScaleSimConfig config = ScaleSimConfig.calc("p", arrayRows, arrayCols, 64,
                ScaleSimDataflow.values()[dataflow]);
        SramWords sram = new SramWords(ifmapWords, filterWords, ofmapWords);
        assertTrue(ClosedFormLayerRun.applies(layer, config), layer.toString());
        assertEquals(ScaleSimLayerRun.replay(layer, config, sram), ClosedFormLayerRun.run(layer, config, sram),
                layer + " " + config.dataflow() + " " + sram);
    }

    /** Overlapping windows only, with SRAMs from tiny (the window slides inside folds) to the whole input. */
    @Property(tries = 100)
    void overlappingConvolutionsEqualTheReplay(@ForAll @IntRange(min = 1, max = 10) int arrayRows,
                                               @ForAll @IntRange(min = 1, max = 10) int arrayCols,
                                               @ForAll @IntRange(min = 0, max = 2) int dataflow,
                                               @ForAll @IntRange(min = 0, max = 9000) int ifmapWords,
                                               @ForAll @IntRange(min = 100, max = 9000) int ofmapWords,
                                               @ForAll long seed) {
        Random random = new Random(seed);
        TopologyLayer layer = overlappingConv(random);
        ScaleSimConfig config = ScaleSimConfig.calc("p", arrayRows, arrayCols, 64,
                ScaleSimDataflow.values()[dataflow]);
        SramWords sram = new SramWords(ifmapWords, 4096, ofmapWords);
        assertEquals(ScaleSimLayerRun.replay(layer, config, sram), ClosedFormLayerRun.run(layer, config, sram),
                layer + " " + config.dataflow() + " " + sram);
    }

    /**
     * Many folds of one shape on small arrays, so that the ofmap buffer settles into a period that is skipped whole
     * and the read windows into all-miss or all-hit stretches; ragged last row and column folds split the runs.
     */
    @Property(tries = 120)
    void repeatedFoldsEqualTheReplay(@ForAll @IntRange(min = 1, max = 4) int arrayRows,
                                     @ForAll @IntRange(min = 1, max = 4) int arrayCols,
                                     @ForAll @IntRange(min = 0, max = 2) int dataflow,
                                     @ForAll @IntRange(min = 1, max = 160) int m,
                                     @ForAll @IntRange(min = 1, max = 40) int k,
                                     @ForAll @IntRange(min = 1, max = 160) int n,
                                     @ForAll @IntRange(min = 0, max = 3000) int ifmapWords,
                                     @ForAll @IntRange(min = 0, max = 3000) int filterWords,
                                     @ForAll @IntRange(min = 2, max = 400) int ofmapWords) {
        TopologyLayer layer = TopologyLayer.gemm("g", m, n, k);
        ScaleSimConfig config = ScaleSimConfig.calc("p", arrayRows, arrayCols, 64,
                ScaleSimDataflow.values()[dataflow]);
        SramWords sram = new SramWords(ifmapWords, filterWords, ofmapWords);
        ScaleSimLayerResult expected;
        try {
            expected = ScaleSimLayerRun.replay(layer, config, sram);
        } catch (BadInputException refused) {
            assertThrows(BadInputException.class, () -> ClosedFormLayerRun.run(layer, config, sram));
            return;
        }
        assertEquals(expected, ClosedFormLayerRun.run(layer, config, sram), layer + " " + config.dataflow() + " " + sram);
    }

    /** An array wider than a 50-set window of one-word sets slides it twice in a cycle: both refuse alike. */
    @Property(tries = 20)
    void bothRefuseAWindowThatFillsTwiceInACycle(@ForAll @IntRange(min = 0, max = 2) int dataflow,
                                                 @ForAll @IntRange(min = 101, max = 140) int lanes) {
        TopologyLayer layer = TopologyLayer.gemm("g", 300, 300, 300);
        ScaleSimConfig config = ScaleSimConfig.calc("p", lanes, lanes, 64, ScaleSimDataflow.values()[dataflow]);
        SramWords sram = new SramWords(100, 100, 4096);
        assertThrows(BadInputException.class, () -> ScaleSimLayerRun.replay(layer, config, sram));
        assertThrows(BadInputException.class, () -> ClosedFormLayerRun.run(layer, config, sram));
    }

    @Property(tries = 200)
    void wordCountsServeAsTheWordsDo(@ForAll @IntRange(min = 2, max = 3000) int words,
                                     @ForAll @IntRange(min = 1, max = 40) int lineWords,
                                     @ForAll @IntRange(min = 1, max = 60) int rowWidth,
                                     @ForAll @IntRange(min = 1, max = 3000) int rows,
                                     @ForAll long seed) {
        DrainingWriteBuffer byWord = new DrainingWriteBuffer(words, lineWords);
        DrainingWriteBuffer byCount = new DrainingWriteBuffer(words, lineWords);
        Random random = new Random(seed);
        long[] row = new long[rowWidth];
        long cycle = 0;
        long last = 0;
        for (int r = 0; r < rows; r++) {
            int count = 0;
            for (int c = 0; c < rowWidth; c++) {
                row[c] = random.nextInt(3) == 0 ? -1 : c;
                count += row[c] == -1 ? 0 : 1;
            }
            long served = byWord.serve(row, cycle);
            assertEquals(served, byCount.serveWords(count, cycle), "row " + r);
            last = served;
            cycle = served + 1 + random.nextInt(2);
        }
        byWord.drainAll(last);
        byCount.drainAll(last);
        assertEquals(byWord.dramWrites(), byCount.dramWrites());
        assertEquals(byWord.dramStartCycle(), byCount.dramStartCycle());
        assertEquals(byWord.dramStopCycle(), byCount.dramStopCycle());
    }

    /** Windows larger than the stride on at least one axis, so that im2col repeats input elements. */
    private static TopologyLayer overlappingConv(Random random) {
        int strideRows = 1 + random.nextInt(3);
        int strideCols = 1 + random.nextInt(3);
        int filterRows = 1 + random.nextInt(4);
        int filterCols = Math.max(1 + random.nextInt(4), filterRows > strideRows ? 1 : strideCols + 1);
        // any input at least the filter: the last window may run past the edge (SCALE-Sim's −1 requests)
        int ifmapRows = filterRows + random.nextInt(9);
        int ifmapCols = filterCols + random.nextInt(9);
        return new TopologyLayer("o", ifmapRows, ifmapCols, filterRows, filterCols, 1 + random.nextInt(4),
                1 + random.nextInt(40), strideRows, strideCols);
    }

    /** Windows no larger than the stride on each axis, the last one ending on the input's edge. */
    private static TopologyLayer nonOverlappingConv(Random random) {
        int filterRows = 1 + random.nextInt(3);
        int filterCols = 1 + random.nextInt(3);
        int strideRows = filterRows + random.nextInt(2);
        int strideCols = filterCols + random.nextInt(2);
        int ofmapRows = 1 + random.nextInt(6);
        int ofmapCols = 1 + random.nextInt(6);
        return new TopologyLayer("c", (ofmapRows - 1) * strideRows + filterRows,
                (ofmapCols - 1) * strideCols + filterCols, filterRows, filterCols, 1 + random.nextInt(4),
                1 + random.nextInt(40), strideRows, strideCols);
    }
}
