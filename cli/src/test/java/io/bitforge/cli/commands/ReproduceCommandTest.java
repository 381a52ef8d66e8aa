package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproduceCommandTest {
    private static final String ANT = Path.of("..", "examples", "reproduce", "ant").toString();
    private static final String BITMOD = Path.of("..", "examples", "reproduce", "bitmod").toString();

    @Test
    void antJsonHasRowsAndRatios() throws Exception {
        CliHarness.Result result = CliHarness.run("reproduce", "ant", "--dir", ANT, "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode json = Json.mapper().readTree(result.stdout());
        assertEquals(16, json.get("rows").size());
        JsonNode row = json.get("rows").get(0);
        for (String field : new String[] {"model", "design", "phase", "cycles", "energyPicojoules"}) {
            assertTrue(row.has(field), field);
        }
        JsonNode ratio = json.get("summary").get("ratios").get(0);
        for (String field : new String[] {"name", "value", "paper", "relativeDifference"}) {
            assertTrue(ratio.has(field), field);
        }
        // deterministic output
        assertEquals(result.stdout(), CliHarness.run("reproduce", "ant", "--dir", ANT, "--json", "-").stdout());
    }

    /**
     * ISAAC, T-MAC and Bit Fusion vs Stripes run from their shipped files as a user runs them, with the paper's figure
     * per headline.
     */
    @Test
    void isaacTmacAndBitfusionStripesRunFromTheShippedFiles() throws Exception {
        for (String paper : new String[] {"isaac", "tmac", "bitfusion-stripes"}) {
            String dir = Path.of("..", "examples", "reproduce", paper).toString();
            CliHarness.Result result = CliHarness.run("reproduce", paper, "--dir", dir, "--json", "-");
            assertEquals(0, result.exitCode(), result.stderr());
            JsonNode ratios = Json.mapper().readTree(result.stdout()).get("summary").get("ratios");
            assertTrue(ratios.size() >= 2, paper);
            for (JsonNode ratio : ratios) {
                assertTrue(ratio.get("paper").asDouble() > 0 && ratio.get("value").asDouble() > 0, ratio.toString());
            }
        }
    }

    /**
     * OliVe (vs GOBO) and LUT Tensor Core (vs a conventional LUT design) run from their shipped files as a user runs
     * them: two headlines each with the abstract's figure (4.5x and 4.0x; 1.44x twice), the same bytes twice.
     */
    @Test
    void oliveAndLutTcRunFromTheShippedFiles() throws Exception {
        java.util.Map<String, double[]> papers = java.util.Map.of("olive", new double[] {4.5, 4.0},
                "lut-tc", new double[] {1.44, 1.44});
        for (var paper : papers.entrySet()) {
            String dir = Path.of("..", "examples", "reproduce", paper.getKey()).toString();
            CliHarness.Result result = CliHarness.run("reproduce", paper.getKey(), "--dir", dir, "--json", "-");
            assertEquals(0, result.exitCode(), result.stderr());
            JsonNode ratios = Json.mapper().readTree(result.stdout()).get("summary").get("ratios");
            assertEquals(2, ratios.size(), paper.getKey());
            for (int i = 0; i < 2; i++) {
                assertEquals(paper.getValue()[i], ratios.get(i).get("paper").asDouble(), 1e-9, paper.getKey());
                assertTrue(ratios.get(i).get("value").asDouble() > 1, ratios.get(i).toString());
            }
            assertEquals(result.stdout(), CliHarness.run("reproduce", paper.getKey(), "--dir", dir, "--json", "-")
                    .stdout());
        }
    }

    /** Bit Fusion vs Eyeriss: eight models on two designs, geometric-mean headlines next to the paper's. */
    @Test
    void bitfusionJsonHasGeometricMeanHeadlines() throws Exception {
        String dir = Path.of("..", "examples", "reproduce", "bitfusion").toString();
        CliHarness.Result result = CliHarness.run("reproduce", "bitfusion", "--dir", dir, "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode json = Json.mapper().readTree(result.stdout());
        assertEquals(16, json.get("rows").size());
        JsonNode energy = json.at("/summary/ratios/3");
        assertEquals("energy Bit Fusion vs Eyeriss (paper)", energy.get("name").asText());
        assertEquals(5.1, energy.get("paper").asDouble(), 1e-9);
        assertTrue(Math.abs(energy.get("relativeDifference").asDouble()) < 0.10, energy.toString());
    }

    /** --sensitivity: each choice with its source and the ratios with it switched, in the text and the JSON. */
    @Test
    void sensitivityListsChoicesWithTheirSources() throws Exception {
        CliHarness.Result text = CliHarness.run("reproduce", "bitmod", "--dir", BITMOD, "--sensitivity");
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().contains("place-and-route factor [source: no source]"), text.stdout());
        assertTrue(text.stdout().contains("all (BitForge's accounting)"), text.stdout());
        CliHarness.Result json = CliHarness.run("reproduce", "bitmod", "--dir", BITMOD, "--sensitivity", "--json",
                "-");
        assertEquals(0, json.exitCode(), json.stderr());
        JsonNode sensitivity = Json.mapper().readTree(json.stdout()).get("sensitivity");
        JsonNode first = sensitivity.get("choices").get(0);
        assertEquals("no source", first.get("source").asText());
        assertTrue(first.get("refused").asText().contains("cannot run fp16 activations x fp16 weights"), first
                .toString());
        assertEquals(10, sensitivity.get("bitforgeAccounting").get("ratios").size());
        // without --sensitivity the JSON has no such section
        assertTrue(Json.mapper().readTree(CliHarness.run("reproduce", "bitmod", "--dir", BITMOD, "--json", "-")
                .stdout()).get("sensitivity") == null);
    }

    @Test
    void antTextShowsTheHeadline() {
        CliHarness.Result result = CliHarness.run("reproduce", "ant", "--dir", ANT);
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("speedup ANT-OS vs Bit Fusion (paper)"), result.stdout());
    }

    @Test
    void mixpeJsonTextAndResultsDirectory(@org.junit.jupiter.api.io.TempDir Path out) throws Exception {
        String dir = Path.of("..", "examples", "reproduce", "mixpe").toString();
        CliHarness.Result json = CliHarness.run("reproduce", "mixpe", "--dir", dir, "--json", "-");
        assertEquals(0, json.exitCode(), json.stderr());
        JsonNode tree = Json.mapper().readTree(json.stdout());
        // 4 models x 6 designs
        assertEquals(24, tree.get("rows").size());
        assertEquals("fp16", tree.get("summary").get("normalisedTo").asText());
        assertEquals(json.stdout(), CliHarness.run("reproduce", "mixpe", "--dir", dir, "--json", "-").stdout());
        CliHarness.Result text = CliHarness.run("reproduce", "mixpe", "--dir", dir, "--out", out.toString());
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().contains("speedup MixPE-W4A8 vs ANT (abstract)"), text.stdout());
        assertTrue(text.stdout().contains("memory bitfusion-tiling, sram bitfusion-cacti, PE energy per cell-cycle, "
                + "SRAM reads per MAC, no node scaling, static 484.615 mW"), text.stdout());
        assertTrue(java.nio.file.Files.isRegularFile(out.resolve("reproduce.json")));
    }

    @Test
    void paperThatCannotRunYetExitsTwoNamingWhy(@TempDir Path dir) throws Exception {
        // a reproduction that lists only the families it needs, one of them not registered
        Files.writeString(dir.resolve("reproduction.yaml"), "paper: p\nartefact: a\nrequires: [no-such-family]\n");
        CliHarness.Result result = CliHarness.run("reproduce", "mixpe", "--dir", dir.toString());
        assertEquals(2, result.exitCode(), result.stdout());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains("reproduce mixpe: cannot run yet: needs PE family no-such-family"),
                result.stderr());
    }

    @Test
    void bitmodPrintsRowsAndTheHeadlineAndWritesJson(@TempDir Path out) throws Exception {
        CliHarness.Result text = CliHarness.run("reproduce", "bitmod", "--dir", BITMOD);
        assertEquals(0, text.exitCode(), text.stderr());
        assertTrue(text.stdout().contains("speedup BitMoD vs ANT"), text.stdout());
        assertTrue(text.stdout().contains("3,156,574,208"), text.stdout());
        CliHarness.Result json = CliHarness.run("reproduce", "bitmod", "--dir", BITMOD, "--json", "-", "--out",
                out.resolve("run").toString());
        assertEquals(0, json.exitCode(), json.stderr());
        JsonNode tree = Json.mapper().readTree(json.stdout());
        assertEquals(90, tree.get("rows").size());
        for (String field : new String[] {"model", "design", "phase", "cycles", "energyPicojoules"}) {
            assertTrue(tree.get("rows").get(0).has(field), field);
        }
        JsonNode ratio = tree.get("summary").get("ratios").get(0);
        for (String field : new String[] {"name", "value", "paper", "relativeDifference"}) {
            assertTrue(ratio.has(field), field);
        }
        assertEquals(1.69, ratio.get("paper").asDouble());
        assertTrue(tree.get("summary").get("ratios").get(2).get("paper").isNull());
        assertTrue(Files.isRegularFile(out.resolve("run").resolve("reproduce.json")));
        assertTrue(Files.isRegularFile(out.resolve("run").resolve("manifest.json")));
        assertEquals(json.stdout(), CliHarness.run("reproduce", "bitmod", "--dir", BITMOD, "--json", "-").stdout());
    }

    @Test
    void unknownPaperAndMissingDirAreBadInput() {
        CliHarness.Result unknown = CliHarness.run("reproduce", "gobo");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("must be one of [ant, bitmod, mixpe"), unknown.stderr());
        assertTrue(unknown.stderr().contains("bitfusion"), unknown.stderr());
        CliHarness.Result missing = CliHarness.run("reproduce", "ant", "--dir", "no/such/dir");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("reproduction.yaml: not found"), missing.stderr());
    }
}
