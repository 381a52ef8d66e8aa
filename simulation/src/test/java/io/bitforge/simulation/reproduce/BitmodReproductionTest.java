package io.bitforge.simulation.reproduce;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BitMoD (HPCA 2025) as its artefact yc2367/BitMoD-HPCA-25 bitmod_sim runs it, from examples/reproduce/bitmod
 * through the engine, against an independent implementation of the artefact's formula ({@link BitmodArtefactFormula})
 * and the paper's headline.
 */
class BitmodReproductionTest {
    private static final Path DIR = Path.of("..", "examples", "reproduce", "bitmod");
    private static final Registry REGISTRY = Registry.load();
    private static PhasedReproductionFile file;
    private static PhasedReproduction.Result result;

    /** Effective weight bits in decode, test_ant.py and test_olive.py w_prec_list (research notes §2.2 table). */
    private static final Map<String, Double> ANT_DECODE = Map.of("OPT-1.3B", 5.0, "Phi-2", 5.0, "Yi-6B", 5.25,
            "Llama-2-7B", 5.0, "Llama-2-13B", 5.0, "Llama-3-8B", 4.5);
    private static final Map<String, Double> OLIVE_DECODE = Map.of("OPT-1.3B", 3.875, "Phi-2", 4.0, "Yi-6B", 4.25,
            "Llama-2-7B", 3.75, "Llama-2-13B", 3.75, "Llama-3-8B", 3.5);

    @BeforeAll
    static void run() {
        file = PhasedReproductionFile.read(DIR.resolve("reproduction.yaml"));
        result = PhasedReproduction.run("bitmod", file, REGISTRY);
    }

    /**
     * The designs as the artefact's test_*.py configure them: array h x w, dot-product size, bit-serial, w_prec.
     * FP16 0.77 pJ, ANT 0.56 pJ, OliVe 0.613 pJ, BitMoD 0.56 pJ per PE cycle; BitMoD lossy 4.0625 / 3.0625 bits,
     * lossless 6.0625 (8 metadata bits per group of 128).
     */
    private static BitmodArtefactFormula.Design design(String id, String phase, String model) {
        boolean prefill = phase.equals("prefill");
        return switch (id) {
            case "fp16" -> prefill ? new BitmodArtefactFormula.Design(32, 24, 1, false, 16)
                    : new BitmodArtefactFormula.Design(64, 12, 1, false, 16);
            case "ant" -> prefill ? new BitmodArtefactFormula.Design(32, 32, 1, false, 5.5)
                    : new BitmodArtefactFormula.Design(64, 16, 1, false, ANT_DECODE.get(model));
            case "olive" -> prefill ? new BitmodArtefactFormula.Design(36, 32, 1, false, 4.5)
                    : new BitmodArtefactFormula.Design(72, 16, 1, false, OLIVE_DECODE.get(model));
            case "bitmod-lossy" -> prefill ? new BitmodArtefactFormula.Design(32, 32, 4, true, 4.0625)
                    : new BitmodArtefactFormula.Design(64, 16, 4, true, 3.0625);
            case "bitmod-lossless" -> prefill ? new BitmodArtefactFormula.Design(32, 32, 4, true, 6.0625)
                    : new BitmodArtefactFormula.Design(64, 16, 4, true, 6.0625);
            default -> throw new IllegalArgumentException(id);
        };
    }

    @Test
    void everyModelDesignAndPhaseAgreesWithTheIndependentFormula() {
        Map<String, BitmodArtefactFormula.Shape> shapes = new HashMap<>();
        BitmodArtefactFormula.MODELS.forEach(s -> shapes.put(s.name(), s));
        int checked = 0;
        for (Reproduction.Row row : result.rows()) {
            if (row.phase().startsWith("prefill+")) {
                continue;
            }
            long expected = BitmodArtefactFormula.cycles(shapes.get(row.model()), row.phase().equals("decode"), 256,
                    design(row.design(), row.phase(), row.model()));
            assertEquals(expected, row.cycles(), row.model() + " " + row.design() + " " + row.phase());
            checked++;
        }
        assertEquals(6 * 5 * 2, checked);
    }

    /** Llama-2-7B prefill at context 256 on the FP16 baseline: 3,156,574,208 cycles in the artefact's README. */
    @Test
    void llama2Fp16PrefillAnchorHolds() {
        assertEquals(3_156_574_208L, row("Llama-2-7B", "fp16", "prefill").cycles());
    }

    /** BitMoD abstract: 1.69x faster than ANT and 1.48x than OliVe, the mean of 12 per-model ratios; within 3%. */
    @Test
    void headlineRatiosAreWithinThreePercentOfThePaper() {
        PhasedReproduction.RatioResult ant = ratio("speedup BitMoD vs ANT");
        PhasedReproduction.RatioResult olive = ratio("speedup BitMoD vs OliVe");
        assertEquals(1.69, ant.paper().getAsDouble());
        assertEquals(1.48, olive.paper().getAsDouble());
        assertEquals(12, ant.terms().size());
        assertTrue(Math.abs(ant.relativeDifference().getAsDouble()) < 0.03, ant.toString());
        assertTrue(Math.abs(olive.relativeDifference().getAsDouble()) < 0.03, olive.toString());
        // a term is the ratio of the rows: Llama-3-8B prefill + 20 decode tokens, ANT over BitMoD
        Reproduction.Row a = row("Llama-3-8B", "ant", "prefill+20decode");
        Reproduction.Row b = row("Llama-3-8B", "bitmod-lossy", "prefill+20decode");
        assertEquals(a.cycles(), row("Llama-3-8B", "ant", "prefill").cycles()
                + 20 * row("Llama-3-8B", "ant", "decode").cycles());
        double term = ant.terms().stream().filter(t -> t.model().equals("Llama-3-8B") && !t.phase().equals("prefill"))
                .findFirst().orElseThrow().value();
        assertEquals((double) a.cycles() / b.cycles(), term, 1e-12);
    }

    /**
     * The artefact's energy accounting where BitForge follows it: PE energy x 1.5 for every PE in every compute cycle
     * (Llama-2-7B prefill, FP16 32x24: 0.77 x 1.5 x 768 x compute cycles), DRAM bits x 1200 pJ / 64 bits. SRAM energy
     * is BitForge's own model (the artefact's CACTI costs are not available).
     */
    @Test
    void computeAndDramEnergyFollowTheArtefact() {
        BitmodArtefactFormula.Shape llama = BitmodArtefactFormula.MODELS.get(3);
        for (String id : List.of("fp16", "bitmod-lossy")) {
            BitmodArtefactFormula.Design d = design(id, "prefill", "Llama-2-7B");
            BitmodArtefactFormula.Totals totals = BitmodArtefactFormula.totals(llama, false, 256, d);
            CostReport cost = PhasedReproduction.cost(file, REGISTRY, "Llama-2-7B", id, "prefill");
            double peEnergy = id.equals("fp16") ? 0.77 : 0.56;
            double pes = d.rows() * d.cols();
            assertEquals(peEnergy * 1.5 * pes * totals.computeCycles(), cost.energy().picojoules(EnergyCategory.MAC),
                    1e-6 * cost.energy().picojoules(EnergyCategory.MAC), id);
            assertEquals(totals.dramBits() * 1200.0 / 64, cost.energy().picojoules(EnergyCategory.DRAM),
                    1e-9 * cost.energy().picojoules(EnergyCategory.DRAM), id);
            assertEquals(totals.computeCycles(), cost.cycles().compute(), id);
        }
    }

    @Test
    void jsonIsDeterministicAndHasTheIssuesFields() {
        String once = io.bitforge.core.io.Json.write(PhasedReproductionText.json(result));
        String again = io.bitforge.core.io.Json.write(PhasedReproductionText.json(
                PhasedReproduction.run("bitmod", PhasedReproductionFile.read(DIR.resolve("reproduction.yaml")),
                        REGISTRY)));
        assertEquals(once, again);
        assertEquals(6 * 5 * 3, result.rows().size());
        String text = PhasedReproductionText.render(result);
        assertTrue(text.contains("speedup BitMoD vs ANT"), text);
        assertTrue(text.contains("prefill+20decode"), text);
    }

    @Test
    void badFilesNameTheFieldAndValue(@TempDir Path dir) throws IOException {
        String base = Files.readString(DIR.resolve("reproduction.yaml"));
        Path hardware = dir.resolve("hardware");
        Files.createDirectories(hardware);
        try (var files = Files.list(DIR.resolve("hardware"))) {
            for (Path f : files.toList()) {
                Files.copy(f, hardware.resolve(f.getFileName()));
            }
        }
        assertEquals("reproduction.engine.stepTiming: must be one of [operands, native], got 'one'",
                error(dir, base.replace("stepTiming: native", "stepTiming: one")));
        assertEquals("reproduction.designs[0].stepTiming: must be one of [operands, native], got 'fast'",
                error(dir, base.replace("{id: fp16, prefill:", "{id: fp16, stepTiming: fast, prefill:")));
        assertEquals("reproduction.engine.attentionInputWidth: must be one of [k, kv-width], got 'heads'",
                error(dir, base.replace("attentionInputWidth: kv-width", "attentionInputWidth: heads")));
        assertEquals("reproduction.models[0].params.alpaca: must be keyed by one of the designs [fp16, ant, olive, "
                + "bitmod-lossy, bitmod-lossless], got alpaca", error(dir, base.replace("params: {ant: {decode: "
                + "{effectiveWeightBits: 5}}, olive: {decode: {effectiveWeightBits: 3.875}}}",
                "params: {alpaca: {decode: {}}}")));
        assertTrue(error(dir, base.replace("{effectiveWeightBits: 3.875}", "{effectiveWeightBits: 40}"))
                .endsWith("reproduction.models.OPT-1.3B.params.olive.decode.effectiveWeightBits: must be <= 16, got "
                        + "40"));
        assertEquals("reproduction.models.Phi-2.workload: must be a model of the zoo (" + String.join(", ",
                io.bitforge.workloads.llm.ModelZoo.ids()) + "), got 'phi-3'",
                error(dir, base.replace("workload: phi-2", "workload: phi-3")));
        assertEquals("reproduction.kind: must be llm-phases, got 'llm'",
                error(dir, base.replace("kind: llm-phases", "kind: llm")));
        assertEquals("reproduction.engine.sram: must be one of [horowitz, cacti-28nm], got 'cacti'",
                error(dir, base.replace("sram: horowitz", "sram: cacti")));
        assertEquals("reproduction.context: must be > 0, got 0", error(dir, base.replace("context: 256",
                "context: 0")));
        assertEquals("reproduction.designs[1].id: must be unique, got 'fp16'",
                error(dir, base.replace("{id: ant,", "{id: fp16,")));
        assertEquals("reproduction.models[0].params.ant.train: unknown field; allowed fields here: prefill, decode",
                error(dir, base.replace("params: {ant: {decode: {effectiveWeightBits: 5}}, olive: {decode: "
                        + "{effectiveWeightBits: 3.875}}}", "params: {ant: {train: {}}}")));
        assertEquals("reproduction.ratios[0].metric: must be cycles or energy, got 'time'",
                error(dir, base.replace("metric: cycles, numerator: ant, denominator: bitmod-lossy, paper: 1.69",
                        "metric: time, numerator: ant, denominator: bitmod-lossy, paper: 1.69")));
        assertEquals("reproduction.ratios[0].numerator: must be one of the designs [fp16, ant, olive, bitmod-lossy, "
                + "bitmod-lossless], got 'gobo'", error(dir, base.replace("numerator: ant, denominator: bitmod-lossy, "
                + "paper: 1.69", "numerator: gobo, denominator: bitmod-lossy, paper: 1.69")));
    }

    private static String error(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("reproduction.yaml");
        Files.writeString(file, yaml);
        String message = assertThrows(BadInputException.class, () -> PhasedReproduction.run("bitmod",
                PhasedReproductionFile.read(file), REGISTRY)).getMessage();
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static Reproduction.Row row(String model, String design, String phase) {
        return result.rows().stream().filter(r -> r.model().equals(model) && r.design().equals(design)
                && r.phase().equals(phase)).findFirst().orElseThrow();
    }

    private static PhasedReproduction.RatioResult ratio(String name) {
        return result.ratios().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
