package io.bitforge.simulation.reproduce;

import io.bitforge.core.engine.EnergyConvention;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproductionFileTest {
    private static final String VALID = """
            paper: p
            artefact: a
            requires: [bitfusion]
            batch: 1
            engine: {foldConvention: stream-only, memory: unlimited-bandwidth}
            normaliseTo: x
            designs:
              - {id: x, hardware: x.yaml}
            models:
              - {name: m, layers: m.csv, published: {time: {x: 1}, energy: {x: 1}}}
            ratios:
              - {name: r, metric: cycles, numerator: x, denominator: x}
            """;

    @TempDir
    Path dir;

    private ReproductionFile read(String text) throws IOException {
        Path file = dir.resolve("reproduction.yaml");
        Files.writeString(file, text);
        return ReproductionFile.read(file);
    }

    @Test
    void validFileParses() throws IOException {
        assertTrue(read(VALID).runnable());
    }

    @Test
    void badFieldsAreNamed() {
        assertMessage(VALID.replace("stream-only", "fast"), "must be stream-only or scale-sim");
        assertMessage(VALID.replace("unlimited-bandwidth", "hbm2"), "must be one of unlimited-bandwidth, dram-traffic, dram");
        assertMessage(VALID.replace("denominator: x", "denominator: y"), "must be one of the designs");
        assertMessage(VALID.replace("metric: cycles", "metric: area"), "must be cycles, energy, seconds or density");
        assertMessage(VALID.replace("normaliseTo: x", "normaliseTo: z"), "reproduction.normaliseTo");
        assertMessage(VALID.replace("time: {x: 1}", "time: {q: 1}"), "must be keyed by one of the designs");
        assertMessage(VALID.replace("batch: 1", "batch: 0"), "reproduction.batch");
        assertMessage(VALID + "extra: 1\n", "extra");
        assertMessage(VALID.replace("paper: p\n", ""), "reproduction.paper: missing");
        assertMessage("", "empty file");
        assertMessage(VALID.replace("hardware: x.yaml", "hardware: x.yaml, chip: {node: 28nm, chips: 1}"),
                "chip.source: missing");
        assertMessage(VALID.replace("hardware: x.yaml", "hardware: x.yaml, chip: {node: 3nm, chips: 1, source: s}"),
                "must be one of");
        assertMessage(VALID.replace("hardware: x.yaml", "hardware: x.yaml, chip: {node: 28nm, watts: -1, chips: 1, "
                + "source: s}"), "watts");
    }

    @Test
    void artefactOptionsParse() throws IOException {
        ReproductionFile file = read(VALID.replace("engine: {foldConvention: stream-only, memory: unlimited-bandwidth}",
                "engine: {foldConvention: stream-only, memory: bitfusion-tiling, sram: bitfusion-cacti, "
                        + "peEnergy: per-cell-cycle, sramAccesses: per-mac, energyScaling: none, "
                        + "staticMilliwatts: 484.615}")
                .replace("{id: x, hardware: x.yaml}", "{id: x, hardware: x.yaml, companionGemm: {position: after, "
                        + "inputDivisor: 8, outputDivisor: 128, bits: 8}}"));
        assertEquals(ReproductionFile.Memory.BITFUSION_TILING, file.memory());
        assertEquals(ReproductionFile.Sram.BITFUSION_CACTI, file.sram());
        assertEquals(new EnergyConvention(EnergyConvention.PeEnergy.PER_CELL_CYCLE,
                EnergyConvention.SramAccesses.PER_MAC, false, 484.615, false), file.energy());
        assertEquals(new CompanionGemm(CompanionGemm.Position.AFTER, 8, 128, 8),
                file.designs().get(0).companion().orElseThrow());
        // absent options keep the engine's defaults, without the uniform dequantisation charges the artefacts lack
        assertEquals(EnergyConvention.DEFAULT.withUniformDequant(false), read(VALID).energy());
        assertEquals(ReproductionFile.Sram.HOROWITZ, read(VALID).sram());
    }

    @Test
    void badArtefactOptionsAreNamed() {
        String engine = "engine: {foldConvention: stream-only, memory: unlimited-bandwidth}";
        assertMessage(VALID.replace(engine, "engine: {sram: sram7}"),
                "reproduction.engine.sram: must be one of horowitz, cacti-fit, bitfusion-cacti");
        assertMessage(VALID.replace(engine, "engine: {peEnergy: per-op}"),
                "reproduction.engine.peEnergy: must be per-mac or per-cell-cycle");
        assertMessage(VALID.replace(engine, "engine: {sramAccesses: all}"),
                "reproduction.engine.sramAccesses: must be folds or per-mac");
        assertMessage(VALID.replace(engine, "engine: {energyScaling: 28nm}"),
                "reproduction.engine.energyScaling: must be node or none");
        assertMessage(VALID.replace(engine, "engine: {staticMilliwatts: -1}"), "reproduction.engine.staticMilliwatts");
        assertMessage(VALID.replace(engine, "engine: {staticWatts: 1}"), "staticWatts");
        String design = "{id: x, hardware: x.yaml}";
        assertMessage(VALID.replace(design, "{id: x, hardware: x.yaml, companionGemm: {position: beside, "
                + "inputDivisor: 8, outputDivisor: 128, bits: 8}}"), "companionGemm.position: must be before or after");
        assertMessage(VALID.replace(design, "{id: x, hardware: x.yaml, companionGemm: {position: after, "
                + "inputDivisor: 0, outputDivisor: 128, bits: 8}}"), "companionGemm.inputDivisor");
        assertMessage(VALID.replace(design, "{id: x, hardware: x.yaml, companionGemm: {position: after, "
                + "inputDivisor: 8, bits: 8}}"), "companionGemm.outputDivisor: missing");
        assertMessage(VALID.replace(design, "{id: x, hardware: x.yaml, companionGemm: {position: after, "
                + "inputDivisor: 8, outputDivisor: 128, bits: 8, count: 2}}"), "count");
        assertMessage(VALID.replace(design, "{id: x, hardware: x.yaml, uniformBits: 0}"),
                "reproduction.designs[0].uniformBits");
        assertMessage(VALID.replace(design, "{id: x, hardware: x.yaml, sram: sram7}"),
                "reproduction.designs[0].sram: must be one of horowitz, cacti-fit, bitfusion-cacti, "
                        + "bitfusion-cacti-45nm");
        assertMessage(VALID.replace("denominator: x}", "denominator: x, mean: median}"),
                "reproduction.ratios[0].mean: must be arithmetic or geometric");
    }

    @Test
    void designSramAndGeometricMeanParse() throws IOException {
        ReproductionFile file = read(VALID.replace("{id: x, hardware: x.yaml}",
                "{id: x, hardware: x.yaml, sram: bitfusion-cacti-45nm}")
                .replace("denominator: x}", "denominator: x, mean: geometric}"));
        assertEquals(ReproductionFile.Sram.BITFUSION_CACTI_45NM, file.designs().get(0).sram().orElseThrow());
        assertTrue(file.ratios().get(0).geometric());
        assertTrue(read(VALID).designs().get(0).sram().isEmpty());
        assertFalse(read(VALID).ratios().get(0).geometric());
    }

    @Test
    void missingFamilyIsNamed() throws IOException {
        ReproductionFile file = read("paper: p\nartefact: a\nrequires: [bitfusion, no-such-family]\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Reproduction.requireFamilies("x", file, Registry.load()));
        assertTrue(e.getMessage().contains("needs PE family no-such-family"), e.getMessage());
    }

    private void assertMessage(String text, String part) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(text));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
