package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code quantize --format all} gives, byte for byte, the CSV the build before the speed work gave on the same
 * seeded matrix (the golden files were written by that build): per channel with rows long enough for the radix
 * sort, and per group of 128, formats running side by side.
 */
class QuantizeAllGoldenTest {
    @Test
    void perChannelMatchesTheBuildBeforeTheSpeedWork() throws IOException {
        check("quantize-all-channel.csv");
    }

    @Test
    void perGroupMatchesTheBuildBeforeTheSpeedWork() throws IOException {
        check("quantize-all-group128.csv", "--group-size", "128");
    }

    private static void check(String golden, String... extra) throws IOException {
        String[] base = {"quantize", "--format", "all", "--synthetic", "llm-outliers", "--rows", "24", "--cols", "1280",
                "--seed", "5", "--csv", "-"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliHarness.Result r = CliHarness.run(args);
        assertEquals(0, r.exitCode(), r.stderr());
        try (InputStream in = QuantizeAllGoldenTest.class.getResourceAsStream(golden)) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.stdout());
        }
    }
}
