package io.bitforge.verilog.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cleans up after a JVM that cannot clean up after itself. Shutdown hooks run on exit, SIGTERM and Ctrl-C, but not
 * when the JVM is killed with SIGKILL ({@code kill -9}, the out-of-memory killer): then the external tools it started
 * would run on as orphans and its temporary folders would stay. So the first tool run or temporary folder starts one
 * small watchdog per JVM, a shell in its own session (Ctrl-C in the terminal does not reach it) that polls the JVM's
 * pid once a second. Running tools and temporary folders are listed as files in a registry folder while they live;
 * when the JVM is gone, the watchdog stops and kills each listed tool with all its descendants and deletes each
 * listed folder, then its registry. After a normal exit the registry is already gone and the watchdog just ends.
 */
final class OrphanWatchdog {
    /** The watchdog's shell script: $1 the JVM's pid, $2 the registry folder. */
    private static final String SCRIPT = String.join("\n",
            "jvm=$1; reg=$2",
            "while kill -0 \"$jvm\" 2>/dev/null; do sleep 1; done",
            "[ -d \"$reg\" ] || exit 0",
            // stop a tree top-down so nothing forks meanwhile, print it, then kill what was printed
            "stop_tree() { kill -STOP \"$1\" 2>/dev/null; for c in $(pgrep -P \"$1\"); do stop_tree \"$c\"; done; "
                    + "echo \"$1\"; }",
            "for f in \"$reg\"/tool-*; do [ -f \"$f\" ] || continue; "
                    + "for p in $(stop_tree \"$(cat \"$f\")\"); do kill -KILL \"$p\" 2>/dev/null; done; done",
            "for f in \"$reg\"/dir-*; do [ -f \"$f\" ] || continue; rm -rf -- \"$(cat \"$f\")\"; done",
            "rm -rf -- \"$reg\"",
            "");

    private final Path registry;
    private final AtomicLong folders = new AtomicLong();

    private OrphanWatchdog(Path registry) {
        this.registry = registry;
    }

    /** The JVM's watchdog, started on first use; empty when no shell could be started (hooks still clean up). */
    static Optional<OrphanWatchdog> get() {
        return Holder.WATCHDOG;
    }

    /** Lists a running tool; the returned entry is removed with {@link #forget} when the tool has ended. */
    Optional<Path> watchTool(long pid) {
        return write("tool-" + pid, Long.toString(pid));
    }

    /** Lists a temporary folder to delete if the JVM dies without running its hooks. */
    Optional<Path> watchFolder(Path folder) {
        return write("dir-" + folders.incrementAndGet(), folder.toAbsolutePath().toString());
    }

    static void forget(Optional<Path> entry) {
        entry.ifPresent(e -> {
            try {
                Files.deleteIfExists(e);
            } catch (IOException ignored) {
                // the registry is best effort: a stale entry names a process or folder that is already gone
            }
        });
    }

    private Optional<Path> write(String name, String content) {
        try {
            return Optional.of(Files.writeString(registry.resolve(name), content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<OrphanWatchdog> start() {
        try {
            Path registry = Files.createTempDirectory("bitforge-watch-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ToolRunner.deleteTree(registry),
                    "bitforge-watch-cleaner"));
            String shell = ToolRunner.available("setsid") ? "setsid" : null;
            ProcessBuilder builder = shell == null
                    ? new ProcessBuilder("sh", "-c", SCRIPT, "sh", Long.toString(ProcessHandle.current().pid()),
                    registry.toString())
                    : new ProcessBuilder(shell, "sh", "-c", SCRIPT, "sh",
                    Long.toString(ProcessHandle.current().pid()), registry.toString());
            Process process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            process.getOutputStream().close();
            return Optional.of(new OrphanWatchdog(registry));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Started once, on first use, for the JVM's lifetime. */
    private static final class Holder {
        static final Optional<OrphanWatchdog> WATCHDOG = start();
    }
}
