package io.bitforge.memory.scalesim;

import io.bitforge.core.io.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleSimConfigParserTest {
    /** The layout of SCALE-Sim v2's own configs/scale.cfg (32x32 OS, 64 KB SRAMs, USER bandwidth 64). */
    static final List<String> SCALE_CFG = List.of(
            "[general]",
            "run_name = scale_example_run_32x32_os",
            "",
            "[architecture_presets]",
            "ArrayHeight:    32",
            "ArrayWidth:     32",
            "IfmapSramSzkB:   64",
            "FilterSramSzkB:  64",
            "OfmapSramSzkB:   64",
            "IfmapOffset:    0",
            "FilterOffset:   10000000",
            "OfmapOffset:    20000000",
            "Bandwidth : 64",
            "Dataflow : os",
            "MemoryBanks: 1",
            "IfmapCustomLayout: True",
            "",
            "[sparsity]",
            "SparsitySupport : false",
            "",
            "[run_presets]",
            "InterfaceBandwidth: USER ");

    @Test
    void readsScaleSimsOwnExampleConfig() {
        ScaleSimConfig config = ScaleSimConfigParser.parse("scale.cfg", SCALE_CFG);
        assertEquals("scale_example_run_32x32_os", config.runName());
        assertEquals(32, config.arrayRows());
        assertEquals(32, config.arrayCols());
        assertEquals(64, config.ifmapSramKib());
        assertEquals(10_000_000, config.filterOffset());
        assertEquals(ScaleSimDataflow.OS, config.dataflow());
        assertTrue(config.userBandwidth());
        assertEquals(List.of(64), config.bandwidthWordsPerCycle());
        assertEquals(Optional.empty(), config.topologyPath());
    }

    @Test
    void calcModeNeedsNoBandwidthAndKeysAreCaseInsensitive() {
        List<String> lines = replace(SCALE_CFG, "InterfaceBandwidth: USER ", "interfacebandwidth = CALC");
        lines = replace(lines, "Bandwidth : 64", "# no bandwidth in CALC mode");
        lines = replace(lines, "Dataflow : os", "DATAFLOW: WS");
        ScaleSimConfig config = ScaleSimConfigParser.parse("c.cfg", lines);
        assertFalse(config.userBandwidth());
        assertEquals(List.of(), config.bandwidthWordsPerCycle());
        assertEquals(ScaleSimDataflow.WS, config.dataflow());
    }

    @Test
    void badArrayHeightNamesFileLineFieldAndValue() {
        BadInputException e = assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                replace(SCALE_CFG, "ArrayHeight:    32", "ArrayHeight: thirty")));
        assertEquals("hw.cfg: line 5: architecture_presets.ArrayHeight: must be an integer from 1 to 65536, "
                + "got 'thirty'",
                e.getMessage());
    }

    @Test
    void unknownDataflowIsRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                replace(SCALE_CFG, "Dataflow : os", "Dataflow : rs")));
        assertEquals("hw.cfg: line 14: architecture_presets.Dataflow: must be os, ws or is, got 'rs'",
                e.getMessage());
    }

    @Test
    void badModeBandwidthAndMissingKeysAreRejected() {
        assertTrue(assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                replace(SCALE_CFG, "InterfaceBandwidth: USER ", "InterfaceBandwidth: FAST"))).getMessage()
                .contains("run_presets.InterfaceBandwidth: must be CALC or USER, got 'FAST'"));
        assertTrue(assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                replace(SCALE_CFG, "Bandwidth : 64", "Bandwidth : -3"))).getMessage()
                .contains("line 13: architecture_presets.Bandwidth"));
        assertTrue(assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                replace(SCALE_CFG, "Bandwidth : 64", "Bandwidth : 64, 64"))).getMessage()
                .contains("one bandwidth per memory bank"));
        assertEquals("hw.cfg: architecture_presets.OfmapSramSzkB: missing; SCALE-Sim configs must set it",
                assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                        replace(SCALE_CFG, "OfmapSramSzkB:   64", ""))).getMessage());
    }

    @Test
    void malformedLinesAndSparsityAreRejected() {
        assertTrue(assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                replace(SCALE_CFG, "ArrayWidth:     32", "ArrayWidth 32"))).getMessage()
                .startsWith("hw.cfg: line 6: must be 'key: value'"));
        assertTrue(assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                replace(SCALE_CFG, "SparsitySupport : false", "SparsitySupport : true"))).getMessage()
                .contains("sparsity.SparsitySupport"));
        assertTrue(assertThrows(BadInputException.class, () -> ScaleSimConfigParser.parse("hw.cfg",
                List.of("run_name = x"))).getMessage().contains("before any [section]"));
    }

    static List<String> replace(List<String> lines, String from, String to) {
        List<String> out = new ArrayList<>(lines);
        int i = out.indexOf(from);
        if (i < 0) {
            throw new IllegalArgumentException("no line " + from);
        }
        out.set(i, to);
        return out;
    }
}
