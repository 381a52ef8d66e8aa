package io.bitforge.cli.hdl;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cosim --hw isaac-like|neurosim-default} (the reram digital side) against {@code adc-study} run as a user
 * would, same matrix, seed and tokens: the RTL's mean comparator cycles per conversion equals adc-study's
 * meanComparatorCycles exactly for every scheme.
 */
class ReramCosimTest {
    @Test
    void meanComparatorCyclesEqualAdcStudysForEveryScheme() throws IOException {
        check("isaac-like");
    }

    /** neurosim-default converts with {@code adcFullScale: max}: an ADC step that is not a whole cell current. */
    @Test
    void fullScaleMaxMeanComparatorCyclesEqualAdcStudys() throws IOException {
        check("neurosim-default");
    }

    private static void check(String preset) throws IOException {
        CliHarness.Result cosim = CliHarness.run("cosim", "--hw", preset, "--k", "16", "--n", "2", "--seed", "3",
                "--simulator", "java", "--json", "-");
        assertEquals(0, cosim.exitCode(), cosim.stderr());
        CliHarness.Result study = CliHarness.run("adc-study", "--hw", preset, "--synthetic", "gaussian", "--rows",
                "2", "--cols", "16", "--seed", "3", "--tokens", String.valueOf(ReramLadderRun.TOKENS), "--json", "-");
        assertEquals(0, study.exitCode(), study.stderr());
        JsonNode ladder = Json.mapper().readTree(cosim.stdout()).get("ladders").get(0);
        assertTrue(ladder.get("passed").asBoolean(), cosim.stdout());
        int checked = 0;
        for (JsonNode scheme : Json.mapper().readTree(study.stdout()).get("schemes")) {
            String id = scheme.get("scheme").asText();
            for (JsonNode level : ladder.get("levels")) {
                if (level.get("level").asText().equals("adc-study " + id)) {
                    String detail = level.get("detail").asText();
                    assertTrue(level.get("passed").asBoolean(), detail);
                    // exactly: the RTL's mean (counted by its comparator and conversion counters) is adc-study's
                    assertEquals(scheme.get("meanComparatorCycles").asDouble(),
                            level.get("rtlMeanComparatorCycles").asDouble(), 0.0, detail);
                    checked++;
                }
            }
        }
        assertEquals(3, checked);
    }
}
