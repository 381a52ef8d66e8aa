package io.bitforge.verilog.tools;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Missing tools fail under CI=true and skip (loudly) elsewhere; the runner refuses a missing executable. */
class ToolGateTest {

    @Test
    void missingToolFailsUnderCiAndSkipsOtherwise() {
        ToolGate.Decision ci = ToolGate.decide("iverilog", false, "true");
        assertEquals(ToolGate.Action.FAIL, ci.action());
        assertTrue(ci.message().orElseThrow().contains("iverilog"));
        assertTrue(ci.message().orElseThrow().contains("scripts/install-toolchain.sh"));
        assertEquals(ToolGate.Action.SKIP, ToolGate.decide("yosys", false, null).action());
        assertEquals(ToolGate.Action.SKIP, ToolGate.decide("yosys", false, "false").action());
        assertEquals(ToolGate.Action.RUN, ToolGate.decide("yosys", true, "true").action());
    }

    @Test
    void runnerNamesTheMissingToolAndTheInstallScript(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertFalse(ToolRunner.available("bitforge-no-such-tool"));
        ToolException e = org.junit.jupiter.api.Assertions.assertThrows(ToolException.class, () ->
                ToolRunner.run(dir, java.time.Duration.ofSeconds(5), java.util.List.of("bitforge-no-such-tool")));
        assertTrue(e.getMessage().contains("bitforge-no-such-tool") && e.getMessage().contains("install-toolchain.sh"));
    }

    @Test
    void timeoutKillsTheProcess(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        ToolGate.require("sleep");
        ToolResult r = ToolRunner.run(dir, java.time.Duration.ofMillis(300), java.util.List.of("sleep", "20"));
        assertTrue(r.timedOut());
        assertFalse(r.ok());
    }
}
