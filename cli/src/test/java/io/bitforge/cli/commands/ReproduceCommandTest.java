package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproduceCommandTest {
    private static final String ANT = Path.of("..", "examples", "reproduce", "ant").toString();

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

    @Test
    void antTextShowsTheHeadline() {
        CliHarness.Result result = CliHarness.run("reproduce", "ant", "--dir", ANT);
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("speedup ANT-OS vs Bit Fusion (paper)"), result.stdout());
    }

    @Test
    void paperThatCannotRunYetExitsTwoNamingWhy() {
        // examples/reproduce/bitmod lists only the families it needs until its designs are described
        CliHarness.Result result = CliHarness.run("reproduce", "bitmod", "--dir",
                Path.of("..", "examples", "reproduce", "bitmod").toString());
        assertEquals(2, result.exitCode(), result.stdout());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains("reproduce bitmod: cannot run yet"), result.stderr());
    }

    @Test
    void unknownPaperAndMissingDirAreBadInput() {
        CliHarness.Result unknown = CliHarness.run("reproduce", "gobo");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("must be one of [ant, bitmod, mixpe]"), unknown.stderr());
        CliHarness.Result missing = CliHarness.run("reproduce", "ant", "--dir", "no/such/dir");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("reproduction.yaml: not found"), missing.stderr());
    }
}
