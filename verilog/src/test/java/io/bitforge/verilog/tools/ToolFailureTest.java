package io.bitforge.verilog.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a tool that fails, hangs or prints colour codes is reported; uses /bin/sh only. */
class ToolFailureTest {
    @Test
    void aHungToolIsKilledWithItsChildrenAtTheTimeout(@TempDir Path dir) throws Exception {
        // the shell starts a child that would outlive it; both must be gone when run returns
        ToolResult r = ToolRunner.run(dir, Duration.ofSeconds(1),
                List.of("/bin/sh", "-c", "sleep 120 & echo $! > child.pid; sleep 120"));
        assertTrue(r.timedOut());
        assertTrue(r.elapsed().toSeconds() < 20, "killed at the timeout, took " + r.elapsed());
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        // a SIGKILLed process may take a moment to go on a loaded machine
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child " + child + " alive");
        String message = r.failure().getMessage();
        assertTrue(message.startsWith("sh timed out after 1 s"), message);
    }

    @Test
    void aFailingToolIsNamedWithItsLastLinesColourCodesStripped(@TempDir Path dir) {
        ToolResult r = ToolRunner.run(dir, Duration.ofSeconds(30), List.of("/bin/sh", "-c",
                "echo one; echo two; printf '\\033[1;31mERROR:\\033[0m no top module\\n' >&2; exit 3"));
        assertEquals(3, r.exitCode());
        assertEquals("sh exited with 3; last lines: one | two | ERROR: no top module", r.failure().getMessage());
    }

    @Test
    void aLongRunningToolSaysSoAtEveryHeartbeat(@TempDir Path dir) {
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
        ToolResult r = ToolRunner.run(dir, Duration.ofSeconds(30), List.of("/bin/sh", "-c", "sleep 2.5"),
                Duration.ofSeconds(1), new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(r.ok());
        List<String> lines = progress.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        // 2.5 s of running with a 1-s heartbeat: reported after 1 s and after 2 s, not after it finished
        assertEquals(List.of("bitforge: sh still running after 1 s (it may run 30 s)",
                "bitforge: sh still running after 2 s (it may run 30 s)"), lines);
    }

    @Test
    void theUsersTimeoutOverridesEveryToolsDefault() {
        String before = System.getProperty(ToolRunner.TIMEOUT_PROPERTY);
        try {
            System.setProperty(ToolRunner.TIMEOUT_PROPERTY, "7");
            assertEquals(Duration.ofSeconds(7), ToolRunner.timeout(Duration.ofMinutes(20)));
            System.clearProperty(ToolRunner.TIMEOUT_PROPERTY);
            assertEquals(Duration.ofMinutes(20), ToolRunner.timeout(Duration.ofMinutes(20)));
        } finally {
            if (before != null) {
                System.setProperty(ToolRunner.TIMEOUT_PROPERTY, before);
            }
        }
    }

    @Test
    void lastLinesKeepTheTailOnly() {
        assertEquals(List.of("c", "d"), ToolResult.lastLines("a\n\nb\nc\n  d  \n", 2));
    }
}
