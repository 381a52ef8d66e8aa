package io.bitforge.core.spec;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.memory.MemoryPreset;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.tech.TechNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardwareSpecLoaderTest {
    static final String VALID = """
            name: test-design
            node: 28nm
            clockMegahertz: 800
            pe:
              family: int-test
              params: {weightBits: 4}
            array: {rows: 16, cols: 8}
            dataflow: ws
            buffers:
              activations: {kib: 32, banks: 2, portsPerBank: 1, wordBits: 8}
              weights:     {kib: 64, banks: 1, portsPerBank: 2, wordBits: 8}
              outputs:     {kib: 16, banks: 1, portsPerBank: 1, wordBits: 32}
            vectorUnit: {lanes: 16, wordBits: 16}
            dram:
              custom: {bytesPerCycle: 32, latencyNanoseconds: 80, picojoulesPerBit: 10, capacityGibibytes: 8}
            mapping: {tileM: 128, loopOrder: nkm}
            """;

    static Registry registry() {
        return Registry.builder().pe(new TestPeFamily()).memory(new TestDram()).build();
    }

    private static HardwareSpec load(String text) {
        return new HardwareSpecLoader(registry()).parse(text, "hw.yaml");
    }

    private static String error(String text) {
        return assertThrows(BadInputException.class, () -> load(text)).getMessage();
    }

    @Test
    void loadsEveryField() {
        HardwareSpec spec = load(VALID);
        assertEquals("test-design", spec.name());
        assertEquals(TechNode.N28, spec.node());
        assertEquals(800.0, spec.clockMegahertz());
        assertEquals(new TestPeFamily.Params(4), spec.pe().params());
        assertEquals(new ArraySpec(16, 8), spec.array());
        assertEquals(Dataflow.WS, spec.dataflow());
        assertEquals(new BufferSpec(32, 2, 1, 8), spec.buffers().activations());
        assertEquals(new BufferSpec(16, 1, 1, 32), spec.buffers().outputs());
        assertEquals(new VectorUnitSpec(16, 16), spec.vectorUnit());
        assertEquals(new DramSpec.Custom(32, 80, 10, 8), spec.dram());
        assertEquals(128, spec.mapping().tileM().orElseThrow());
        assertEquals("nkm", spec.mapping().loopOrder());
    }

    @Test
    void jsonIsReadToo() {
        String json = """
                {"name": "j", "node": "45nm", "clockMegahertz": 500,
                 "pe": {"family": "int-test"}, "array": {"rows": 4, "cols": 4}, "dataflow": "os",
                 "buffers": {"activations": {"kib": 8, "banks": 1, "portsPerBank": 1, "wordBits": 8},
                             "weights": {"kib": 8, "banks": 1, "portsPerBank": 1, "wordBits": 8},
                             "outputs": {"kib": 8, "banks": 1, "portsPerBank": 1, "wordBits": 8}},
                 "vectorUnit": {"lanes": 4, "wordBits": 16}, "dram": {"preset": "test-dram"}}
                """;
        HardwareSpec spec = load(json);
        assertEquals(new DramSpec.Preset("test-dram"), spec.dram());
        assertEquals(MappingSpec.NONE, spec.mapping());
        assertEquals(new TestPeFamily.Params(8), spec.pe().params());
    }

    @Test
    void negativeBufferSizeNamesPathValueAndLine() {
        String text = VALID.replace("weights:     {kib: 64", "weights:     {kib: -4");
        assertEquals("hw.yaml: hardware.buffers.weights.kib: must be > 0, got -4 (line 11)", error(text));
    }

    @Test
    void unknownFieldListsTheAllowedNames() {
        String message = error(VALID.replace("array: {rows: 16, cols: 8}", "array: {rows: 16, columns: 8}"));
        assertEquals("hw.yaml: hardware.array.columns: unknown field; allowed fields here: rows, cols (line 7)",
                message);
        String top = error(VALID + "colour: red\n");
        assertTrue(top.startsWith("hw.yaml: hardware.colour: unknown field; allowed fields here: name, node,"), top);
        assertTrue(top.endsWith("(line 17)"), top);
    }

    @Test
    void familyValidatesItsOwnParams() {
        assertEquals("hw.yaml: hardware.pe.params.weightBits: must be <= 16, got 40 (line 6)",
                error(VALID.replace("weightBits: 4", "weightBits: 40")));
        assertEquals("hw.yaml: hardware.pe.params.bits: unknown field; allowed fields here: weightBits (line 6)",
                error(VALID.replace("weightBits: 4", "bits: 4")));
    }

    @Test
    void unknownFamilyListsRegisteredOnes() {
        assertEquals("hw.yaml: hardware.pe.family: must be a registered PE family (int-test), got 'tpu' (line 5)",
                error(VALID.replace("family: int-test", "family: tpu")));
    }

    @Test
    void dataflowMustBeKnownAndSupported() {
        assertEquals("hw.yaml: hardware.dataflow: must be one of os, ws, is, got 'rs' (line 8)",
                error(VALID.replace("dataflow: ws", "dataflow: rs")));
        assertEquals("hw.yaml: hardware.dataflow: PE family int-test supports [os, ws], got 'is' (line 8)",
                error(VALID.replace("dataflow: ws", "dataflow: is")));
    }

    @Test
    void arrayAndNodeAndClockAreChecked() {
        assertEquals("hw.yaml: hardware.array.rows: must be > 0, got 0 (line 7)",
                error(VALID.replace("rows: 16", "rows: 0")));
        assertEquals("hw.yaml: hardware.node: must be one of " + TechNode.ids() + ", got '3nm' (line 2)",
                error(VALID.replace("node: 28nm", "node: 3nm")));
        assertEquals("hw.yaml: hardware.clockMegahertz: must be > 0, got 0 (line 3)",
                error(VALID.replace("clockMegahertz: 800", "clockMegahertz: 0")));
        assertEquals("hw.yaml: hardware.array.cols: must be a whole number, got 'eight' (line 7)",
                error(VALID.replace("cols: 8", "cols: eight")));
    }

    @Test
    void missingFieldIsNamed() {
        String text = VALID.replace("vectorUnit: {lanes: 16, wordBits: 16}\n", "");
        assertTrue(error(text).startsWith("hw.yaml: hardware.vectorUnit: missing; this field is required"));
    }

    @Test
    void dramPresetMustBeRegistered() {
        String text = VALID.replace(
                "  custom: {bytesPerCycle: 32, latencyNanoseconds: 80, picojoulesPerBit: 10, capacityGibibytes: 8}",
                "  preset: hbm9");
        assertEquals("hw.yaml: hardware.dram.preset: must be a registered DRAM preset (test-dram), got 'hbm9'"
                + " (line 15)", error(text));
        String both = VALID.replace("  custom:", "  preset: test-dram\n  custom:");
        assertTrue(error(both).contains("hardware.dram: must give exactly one of preset or custom"));
        assertEquals("hw.yaml: hardware.dram.custom.bytesPerCycle: must be > 0, got -1 (line 15)",
                error(VALID.replace("bytesPerCycle: 32", "bytesPerCycle: -1")));
    }

    @Test
    void withNoDramPresetsRegisteredTheCustomFormIsSuggested() {
        String text = VALID.replace(
                "  custom: {bytesPerCycle: 32, latencyNanoseconds: 80, picojoulesPerBit: 10, capacityGibibytes: 8}",
                "  preset: hbm2e");
        Registry noMemories = Registry.builder().pe(new TestPeFamily()).build();
        String message = assertThrows(BadInputException.class,
                () -> new HardwareSpecLoader(noMemories).parse(text, "hw.yaml")).getMessage();
        assertEquals("hw.yaml: hardware.dram.preset: must be a registered DRAM preset (none registered; use dram: "
                + "{custom: {bytesPerCycle, latencyNanoseconds, picojoulesPerBit, capacityGibibytes}}), got 'hbm2e'"
                + " (line 15)", message);
    }

    @Test
    void designIdIsAStableHashOfTheCanonicalSpec() {
        HardwareSpec spec = load(VALID);
        assertEquals(16, spec.designId().length());
        assertTrue(spec.designId().matches("[0-9a-f]{16}"));
        // field order in the file does not matter, content does
        String reordered = VALID.replace("clockMegahertz: 800\n", "").replace("name: test-design\n",
                "name: test-design\nclockMegahertz: 800\n");
        assertEquals(spec.designId(), load(reordered).designId());
        assertTrue(!spec.designId().equals(load(VALID.replace("rows: 16", "rows: 32")).designId()));
    }

    @Test
    void mapsRoundTripThroughTheLoader() {
        HardwareSpec spec = load(VALID);
        assertEquals(spec, new HardwareSpecLoader(registry()).fromMap(spec.asMap(), "round trip"));
        java.util.Map<String, Object> broken = new java.util.LinkedHashMap<>(spec.asMap());
        broken.put("clockMegahertz", -1);
        assertEquals("design.yaml: hardware.clockMegahertz: must be > 0, got -1", assertThrows(
                BadInputException.class, () -> new HardwareSpecLoader(registry()).fromMap(broken, "design.yaml"))
                .getMessage());
    }

    @Test
    void mappingPinsAreChecked() {
        assertEquals("hw.yaml: hardware.mapping.loopOrder: must be a permutation of mkn (outermost first), got 'mmk'"
                + " (line 16)", error(VALID.replace("loopOrder: nkm", "loopOrder: mmk")));
    }

    @Test
    void tilePinsInASpecStillLoadWithOneDeprecationNote() {
        java.util.List<String> notes = new java.util.ArrayList<>();
        HardwareSpec pinned = new HardwareSpecLoader(registry(), notes::add).parse(VALID, "hw.yaml");
        assertEquals(128, pinned.mapping().tileM().orElseThrow());
        assertEquals(java.util.List.of("hw.yaml: hardware.mapping: tile sizes and loop order in a hardware spec are "
                + "deprecated; give them as a mapping beside the spec (a mapping file)"), notes);
        notes.clear();
        new HardwareSpecLoader(registry(), notes::add).parse(VALID.replace("mapping: {tileM: 128, loopOrder: nkm}",
                "mapping: {}"), "hw.yaml");
        new HardwareSpecLoader(registry(), notes::add).parse(VALID.replace("mapping: {tileM: 128, loopOrder: nkm}",
                "mapping: {cycleModel: folds}"), "hw.yaml");
        assertEquals(java.util.List.of(), notes);
    }

    @Test
    void cycleModelIsParsedAndChecked() {
        assertEquals(CycleModel.FOLDS, load(VALID).mapping().cycleModel());
        HardwareSpec overlap = load(VALID.replace("loopOrder: nkm", "loopOrder: nkm, cycleModel: layer-overlap"));
        assertEquals(CycleModel.LAYER_OVERLAP, overlap.mapping().cycleModel());
        assertEquals("layer-overlap", ((java.util.Map<?, ?>) overlap.asMap().get("mapping")).get("cycleModel"));
        assertTrue(!overlap.designId().equals(load(VALID).designId()));
        assertEquals("hw.yaml: hardware.mapping.cycleModel: must be one of [folds, layer-overlap, pipelined], got 'fast'"
                + " (line 16)", error(VALID.replace("loopOrder: nkm", "loopOrder: nkm, cycleModel: fast")));
        String presetDram = VALID.replace("loopOrder: nkm", "loopOrder: nkm, cycleModel: layer-overlap")
                .replace("custom: {bytesPerCycle: 32, latencyNanoseconds: 80, picojoulesPerBit: 10, capacityGibibytes: 8}",
                        "preset: test-dram");
        assertEquals("hw.yaml: hardware.dram: must be custom {bytesPerCycle, latencyNanoseconds, picojoulesPerBit, "
                + "capacityGibibytes} when mapping.cycleModel is layer-overlap, got preset 'test-dram' (line 14)",
                error(presetDram));
    }

    @Test
    void aFieldGivenTwiceIsAnError() {
        String message = error(VALID.replace("dataflow: ws\n", "dataflow: ws\ndataflow: os\n"));
        assertTrue(message.startsWith("hw.yaml: line 9: dataflow: not valid YAML/JSON: Duplicate field 'dataflow'"),
                message);
    }

    @Test
    void hugeNumbersAreRangeErrors() {
        assertEquals("hw.yaml: hardware.array.rows: must be <= 65536, got 123456789012345678901234567890 (line 7)",
                error(VALID.replace("rows: 16", "rows: 123456789012345678901234567890")));
    }

    @Test
    void brokenYamlIsBadInput() {
        String unclosed = error("name: [unclosed\n");
        assertTrue(unclosed.startsWith("hw.yaml: line 1: name") && unclosed.contains("not valid YAML/JSON:"), unclosed);
        assertInstanceOf(BadInputException.class, assertThrows(BadInputException.class, () -> load("")));
    }

    @Test
    void unknownPresetOrFileListsPresets() {
        Registry withPresets = Registry.builder().pe(new TestPeFamily()).memory(new TestDram())
                .hardware(new HardwarePreset("b-preset", "name: b\n")).hardware(new HardwarePreset("a-preset", "name: a\n"))
                .build();
        HardwareSpecLoader loader = new HardwareSpecLoader(withPresets);
        String message = assertThrows(BadInputException.class, () -> loader.resolve("no-such", "--hw")).getMessage();
        assertEquals("--hw: 'no-such' is neither a spec file nor a preset; presets: a-preset, b-preset", message);
    }

    /** A memory preset for the registry of these tests. */
    static final class TestDram implements MemoryPreset {
        @Override
        public String id() {
            return "test-dram";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public double peakBytesPerSecond() {
            return 1e9;
        }

        @Override
        public double sustainedEfficiency() {
            return 1;
        }

        @Override
        public double latencyNanoseconds() {
            return 1;
        }

        @Override
        public double picojoulesPerBit() {
            return 1;
        }

        @Override
        public long capacityBytes() {
            return 1 << 30;
        }

        @Override
        public int burstBytes() {
            return 64;
        }
    }
}
