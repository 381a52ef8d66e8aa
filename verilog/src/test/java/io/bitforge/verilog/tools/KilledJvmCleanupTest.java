package io.bitforge.verilog.tools;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM killed while a tool runs leaves no tool process and no temporary folder behind: with SIGTERM its shutdown
 * hooks clean up, with SIGKILL (no hooks run) the {@link OrphanWatchdog} does.
 */
class KilledJvmCleanupTest {
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aKilledJvmLeavesNoToolAndNoFolder(boolean sigkill, @TempDir Path tmp) throws Exception {
        // a sleep length no other process uses, so the test finds exactly its own tool processes
        String marker = (sigkill ? "617." : "619.") + ProcessHandle.current().pid() % 1000;
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), KilledJvmChild.class.getName(), marker)
                .redirectErrorStream(true).start();
        Path folder;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            folder = Path.of(out.readLine());
            assertTrue(Files.isDirectory(folder));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tools(marker).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(2, tools(marker).size(), "the tool and its child are running");
            if (sigkill) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((!tools(marker).isEmpty() || Files.exists(folder)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), tools(marker), "no tool left running");
        assertFalse(Files.exists(folder), "temporary folder deleted: " + folder);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "nothing left in the temporary directory");
        }
    }

    /** The sleeping tool processes started with {@code marker}. */
    private static List<ProcessHandle> tools(String marker) {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("sleep")
                && List.of(marker).equals(p.info().arguments().map(List::of).orElse(List.of()))).toList();
    }
}
