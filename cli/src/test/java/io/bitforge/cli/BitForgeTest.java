package io.bitforge.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BitForgeTest {
    @Test
    void helpListsTheCommands() {
        CliHarness.Result result = CliHarness.run("--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.stdout().contains("list"), result.stdout());
        assertTrue(result.stdout().contains("demo"), result.stdout());
    }

    @Test
    void parseErrorIsOneLineWithExitTwo() {
        CliHarness.Result result = CliHarness.run("list", "--nope");
        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().startsWith("bitforge: "), result.stderr());
        assertTrue(result.stderr().contains("'bitforge list --help'"), result.stderr());
    }

    @Test
    void missingParameterIsOneLineWithExitTwo() {
        CliHarness.Result result = CliHarness.run("list");
        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains("KIND"), result.stderr());
    }

    @Test
    void debugFlagIsAcceptedAnywhere() {
        CliHarness.Result result = CliHarness.run("list", "formats", "--debug");
        assertEquals(0, result.exitCode(), result.stderr());
    }

    @Test
    void listWritesCsvWithAHeader() {
        CliHarness.Result result = CliHarness.run("list", "pes", "--csv", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().startsWith("id,description,source"), result.stdout());
    }
}
