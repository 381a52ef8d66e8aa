package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --model-config} on roofline and simulate, and the context limit with {@code --allow-long-context}. */
class ModelConfigCommandsTest {
    /** GPT-2 small's published architecture (12 layers, 768 wide, 12 heads, 1024 positions). */
    private static final String GPT2 = """
            {"model_type": "gpt2", "n_embd": 768, "n_layer": 12, "n_head": 12, "n_positions": 1024,
             "vocab_size": 50257}""";

    @Test
    void rooflineTakesAConfigFileNamedByItsModelType(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("to")).resolve("config.json"), GPT2);
        CliHarness.Result result = CliHarness.run("roofline", "--device", "a100-80gb", "--model-config",
                file.toString(), "--prompt", "512", "--generate", "64");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().startsWith("gpt2 on "), result.stdout());
    }

    @Test
    void contextsPastTheLimitExitTwoUnlessAllowed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("gpt2.json"), GPT2);
        CliHarness.Result refused = CliHarness.run("roofline", "--device", "a100-80gb", "--model-config",
                file.toString(), "--prompt", "1000", "--generate", "64");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.stderr().contains("--prompt + --generate") && refused.stderr().contains("1024")
                && refused.stderr().contains("1064"), refused.stderr());
        assertEquals(1, refused.stderr().strip().lines().count(), refused.stderr());
        CliHarness.Result allowed = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--model-config",
                file.toString(), "--prompt", "1000", "--generate", "64", "--allow-long-context");
        assertEquals(0, allowed.exitCode(), allowed.stderr());
        assertTrue(allowed.stderr().contains("past its context limit") && allowed.stderr().contains("1064"),
                allowed.stderr());
        assertFalse(allowed.stdout().isEmpty());
    }
}
