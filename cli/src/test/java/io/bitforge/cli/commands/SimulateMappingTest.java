package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code simulate --mapping FILE}: the mapping stage given beside the spec runs exactly as the same pins did inside
 * the spec's (deprecated) {@code mapping:} block, which still loads with one note on stderr.
 */
class SimulateMappingTest {
    private static final String PINS = "{tileM: 16, tileK: 128, tileN: 128, loopOrder: mkn}";

    private static CliHarness.Result simulate(String... extra) {
        String[] base = {"simulate", "--workload", "llama-2-7b", "--phase", "prefill", "--prompt", "64", "--json",
                "-"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliHarness.Result result = CliHarness.run(args);
        assertEquals(0, result.exitCode(), result.stderr());
        return result;
    }

    @Test
    void aMappingFileRunsAsTheSamePinsInsideTheSpecDid(@TempDir Path dir) throws Exception {
        String preset = Registry.load().hardware("tpu-like-int8").orElseThrow().yaml();
        assertTrue(preset.contains("\nmapping: {}"), preset);
        Path pinnedSpec = dir.resolve("pinned.yaml");
        Files.writeString(pinnedSpec, preset.replace("\nmapping: {}", "\nmapping: " + PINS));
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, PINS + "\n");

        CliHarness.Result old = simulate("--hw", pinnedSpec.toString());
        CliHarness.Result staged = simulate("--hw", "tpu-like-int8", "--mapping", mapping.toString());
        CliHarness.Result auto = simulate("--hw", "tpu-like-int8");

        assertEquals(old.stdout(), staged.stdout());
        assertNotEquals(auto.stdout(), staged.stdout(), "the fixed tiling must differ from the tiler's choice");
        assertEquals("bitforge: note: " + pinnedSpec + ": hardware.mapping: tile sizes and loop order in a hardware "
                + "spec are deprecated; give them as a mapping beside the spec (a mapping file)\n", old.stderr());
        assertEquals("", staged.stderr());
        assertEquals("", auto.stderr());
    }

    @Test
    void aMappingFileCanChooseTheDataflow(@TempDir Path dir) throws Exception {
        String preset = Registry.load().hardware("tpu-like-int8").orElseThrow().yaml();
        Path wsSpec = dir.resolve("ws.yaml");
        Files.writeString(wsSpec, preset.replace("\ndataflow: os", "\ndataflow: ws"));
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "dataflow: ws\n");
        assertEquals(simulate("--hw", wsSpec.toString()).stdout(),
                simulate("--hw", "tpu-like-int8", "--mapping", mapping.toString()).stdout());
    }

    @Test
    void aFixedTileTooLargeForTheBuffersIsBadInput(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "{tileM: 100000, tileK: 100000, tileN: 100000, loopOrder: mkn}\n");
        CliHarness.Result result = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
                "--phase", "prefill", "--prompt", "64", "--mapping", mapping.toString());
        assertEquals(2, result.exitCode());
        // q_proj at prompt 64: a 64 x 4096 INT8 A tile is 262144 bytes, more than half the 64 KiB buffer.
        assertEquals("bitforge: mapping: the pinned tiling does not fit q_proj (M=64 K=4096 N=4096): an A tile of "
                + "64 x 4096 needs 262144 bytes, more than half the activation buffer (32768 bytes)\n",
                result.stderr());
    }

    @Test
    void aBadMappingFileNamesTheField(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, "loopOrder: mmk\n");
        CliHarness.Result result = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
                "--mapping", mapping.toString());
        assertEquals(2, result.exitCode());
        assertEquals("bitforge: " + mapping + ": mapping.loopOrder: must be a permutation of mkn (outermost first), "
                + "got 'mmk'\n", result.stderr());
    }
}
