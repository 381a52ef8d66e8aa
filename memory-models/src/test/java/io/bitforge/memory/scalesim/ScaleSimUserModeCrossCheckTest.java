package io.bitforge.memory.scalesim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * USER-mode runs outside SCALE-Sim's regression set: ragged folds, SRAMs of 1 and 2 KB and 2 or 3 words per cycle.
 * The expected figures are not BitForge's: they come from SCALE-Sim's own code (scalesim-project/scale-sim-v3:
 * memory/read_buffer.py, memory/write_buffer.py, memory/double_buffered_scratchpad_mem.py's service loop,
 * compute/systolic_compute_{os,ws,is}.py, compute/operand_matrix.py) transcribed to Python and run outside
 * BitForge, an independent implementation checked first against the regression outputs of
 * {@link ScaleSimUserModeTest}.
 */
class ScaleSimUserModeCrossCheckTest {
    @ParameterizedTest
    @CsvSource({
            // dataflow, M, N, K, rows, cols, SRAM KB, words/cycle, total, stalls,
            //   ifmap DRAM start, stop, reads, filter DRAM start, stop, reads, ofmap DRAM start, stop, writes
            "OS, 37, 53, 61, 8, 8, 2, 3, 14296, 11672, -342, 5144, 16416, -342, 13719, 42066, 4058, 14607, 1961",
            "WS, 37, 53, 61, 8, 8, 2, 3, 8381, 5078, -342, 8231, 25650, -342, 4115, 13338, 482, 8485, 15704",
            "IS, 37, 53, 61, 8, 8, 2, 3, 6478, 3479, -342, 1371, 5130, -342, 6173, 19494, 504, 6923, 15700",
            "OS, 64, 256, 48, 8, 16, 1, 2, 703087, 694128, -256, 36493, 73216, -256, 702894, 1400832, 24691, 703343, 16385",
            "WS, 64, 256, 48, 8, 16, 1, 2, 373167, 364144, -256, 25956, 52224, -256, 372649, 742912, 54, 373679, 98305",
            "IS, 64, 256, 48, 8, 16, 1, 2, 54450, 47587, -256, 10536, 21504, -256, 36493, 73216, 54, 54963, 98307"})
    void matchesScaleSimsCode(ScaleSimDataflow dataflow, int m, int n, int k, int rows, int cols, int kib,
                              int wordsPerCycle, long total, long stalls, long ifmapStart, long ifmapStop,
                              long ifmapReads, long filterStart, long filterStop, long filterReads, long ofmapStart,
                              long ofmapStop, long ofmapWrites) {
        ScaleSimConfig config = new ScaleSimConfig("x", rows, cols, kib, kib, kib, 0, 10_000_000, 20_000_000,
                dataflow, true, List.of(wordsPerCycle), 1, Optional.empty());
        ScaleSimLayerResult r = ScaleSimLayerRun.run(TopologyLayer.gemm("g", m, n, k), config);
        assertEquals(total, r.totalCycles());
        assertEquals(stalls, r.stallCycles());
        assertEquals(new OperandAccess(ifmapStart, ifmapStop, ifmapReads), r.ifmapDram());
        assertEquals(new OperandAccess(filterStart, filterStop, filterReads), r.filterDram());
        assertEquals(new OperandAccess(ofmapStart, ofmapStop, ofmapWrites), r.ofmapDram());
    }
}
