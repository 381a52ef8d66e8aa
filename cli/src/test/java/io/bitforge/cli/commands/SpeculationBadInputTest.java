package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad speculation options: the library's {@code Speculation} records check them and name the request field, the
 * command line prints its flag (one line, exit 2).
 */
class SpeculationBadInputTest {
    private static void assertRefused(String expected, String... speculation) {
        String[] base = {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--phase", "decode",
                "--context", "128", "--generate", "2"};
        String[] args = new String[base.length + speculation.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(speculation, 0, args, base.length, speculation.length);
        CliHarness.Result result = CliHarness.run(args);
        assertEquals(2, result.exitCode(), result.stderr());
        assertEquals("bitforge: " + expected + "\n", result.stderr());
    }

    @Test
    void eachBadOptionIsNamed() {
        assertRefused("--speculative: must be medusa or draft, got 'eagle'", "--speculative", "eagle",
                "--acceptance", "0.5");
        assertRefused("--acceptance: is required with speculation (a rate in [0, 1], or one per Medusa head)",
                "--speculative", "medusa");
        assertRefused("--acceptance: must be in [0, 1], got 1.5", "--speculative", "medusa", "--acceptance", "1.5");
        assertRefused("--acceptance: must be one rate or one per head (4), got 3 rates", "--speculative", "medusa",
                "--acceptance", "0.5,0.4,0.3");
        assertRefused("--medusa-heads: must be >= 1, got 0", "--speculative", "medusa", "--medusa-heads", "0",
                "--acceptance", "0.5");
        assertRefused("--tree-tokens: must be >= 1, got 0", "--speculative", "medusa", "--tree-tokens", "0",
                "--acceptance", "0.5");
        assertRefused("--draft-tokens: must be >= 1, got 0", "--speculative", "draft", "--draft-model",
                "llama-2-7b", "--draft-tokens", "0", "--acceptance", "0.5");
        assertRefused("--acceptance: must be one rate for a draft model, got 2 rates", "--speculative", "draft",
                "--draft-model", "llama-2-7b", "--acceptance", "0.5,0.4");
        assertRefused("--draft-model: is required with draft speculation (a zoo id or a config.json)",
                "--speculative", "draft", "--acceptance", "0.5");
        assertRefused("--draft-model: must be an LLM, got sd-1.5", "--speculative", "draft", "--draft-model",
                "sd-1.5", "--acceptance", "0.5");
    }
}
