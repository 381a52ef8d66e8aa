package io.bitforge.verilog.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs external programs with a working directory and a timeout, capturing their output. The timeout is the
 * tool's default unless the user set one for every tool ({@link #TIMEOUT_PROPERTY}, the CLI's
 * {@code --tool-timeout}). A run killed with the JVM (exit, SIGTERM, Ctrl-C) takes its whole process tree with it:
 * a shutdown hook destroys the tool and its children, so no tool is left running as an orphan.
 */
public final class ToolRunner {
    /** The script that installs every tool the flow uses (Debian packages). */
    public static final String INSTALL_HINT = "scripts/install-toolchain.sh";

    /** System property: seconds every tool may run, overriding the per-tool defaults. */
    public static final String TIMEOUT_PROPERTY = "bitforge.toolTimeoutSeconds";

    /**
     * System property: when set to whole seconds s &gt; 0, a tool still running after s seconds, and every s
     * seconds after, is reported on standard error ("still running after ..."), so that a long build is never
     * silent. The command line sets it for its commands; the library alone stays quiet.
     */
    public static final String HEARTBEAT_PROPERTY = "bitforge.toolHeartbeatSeconds";

    private ToolRunner() {
    }

    /** The executable's path if it is on PATH. */
    public static Optional<Path> find(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, executable);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static boolean available(String executable) {
        return find(executable).isPresent();
    }

    /** Runs {@code command} in {@code workDir}; kills it after {@code timeout}. */
    public static ToolResult run(Path workDir, Duration timeout, List<String> command) {
        return run(workDir, timeout, command, heartbeat(), System.err);
    }

    /** The same, saying on {@code progress} every {@code heartbeat} (if positive) that the tool still runs. */
    static ToolResult run(Path workDir, Duration timeout, List<String> command, Duration heartbeat,
                          PrintStream progress) {
        String exe = command.get(0);
        boolean present = exe.contains(File.separator) ? Files.isExecutable(Path.of(exe)) : available(exe);
        if (!present) {
            throw new ToolException(command.get(0) + " is not on PATH; install the toolchain with " + INSTALL_HINT);
        }
        Duration limit = timeout(timeout);
        long start = System.nanoTime();
        Process p = null;
        Thread reaper = null;
        Optional<Path> watched = Optional.empty();
        try {
            Optional<OrphanWatchdog> watchdog = OrphanWatchdog.get();
            p = new ProcessBuilder(command).directory(workDir.toFile()).start();
            reaper = reaper(p);
            Runtime.getRuntime().addShutdownHook(reaper);
            long pid = p.pid();
            watched = watchdog.flatMap(w -> w.watchTool(pid));
            p.getOutputStream().close();
            Process process = p;
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            boolean finished = waitReporting(p, command.get(0), limit, heartbeat, progress);
            // the time it ran, not counting the kill: a timed-out tool is reported at its limit on a loaded machine
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!finished) {
                destroyTree(p);
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new ToolResult(List.copyOf(command), finished ? p.exitValue() : -1, out.join(), err.join(), elapsed,
                    !finished);
        } catch (IOException e) {
            throw new ToolException(command.get(0) + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(p);
            throw new ToolException("interrupted while running " + command.get(0));
        } finally {
            OrphanWatchdog.forget(watched);
            if (reaper != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook is running and destroys the tool
                }
            }
        }
    }

    /** Waits up to {@code limit}, reporting on standard error at every heartbeat while the tool runs. */
    private static boolean waitReporting(Process p, String tool, Duration limit, Duration heartbeat,
                                         PrintStream progress) throws InterruptedException {
        long heartbeatMillis = heartbeat.toMillis();
        long deadline = System.nanoTime() + limit.toNanos();
        long waited = 0;
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return !p.isAlive() || p.waitFor(0, TimeUnit.MILLISECONDS);
            }
            long slice = heartbeatMillis > 0 ? Math.min(left, heartbeatMillis) : left;
            if (p.waitFor(slice, TimeUnit.MILLISECONDS)) {
                return true;
            }
            waited += slice;
            if (heartbeatMillis > 0 && System.nanoTime() < deadline) {
                progress.println("bitforge: " + Path.of(tool).getFileName() + " still running after "
                        + waited / 1000 + " s (it may run " + limit.toSeconds() + " s)");
            }
        }
    }

    /** The heartbeat interval the command line asked for, or zero (none). */
    static Duration heartbeat() {
        String seconds = System.getProperty(HEARTBEAT_PROPERTY);
        if (seconds == null) {
            return Duration.ZERO;
        }
        try {
            long s = Long.parseLong(seconds.strip());
            return s > 0 ? Duration.ofSeconds(s) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /** The user's timeout for every tool when set (seconds, > 0), else {@code toolDefault}. */
    static Duration timeout(Duration toolDefault) {
        String seconds = System.getProperty(TIMEOUT_PROPERTY);
        if (seconds == null) {
            return toolDefault;
        }
        try {
            long s = Long.parseLong(seconds.strip());
            return s > 0 ? Duration.ofSeconds(s) : toolDefault;
        } catch (NumberFormatException e) {
            return toolDefault;
        }
    }

    /** A shutdown hook that destroys {@code process} and every descendant. */
    private static Thread reaper(Process process) {
        return new Thread(() -> destroyTree(process), "bitforge-tool-reaper");
    }

    /** Destroys the children first, so that none is re-parented to init and left running. */
    static void destroyTree(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * A new temporary folder, deleted with its contents when the JVM exits (normally, on SIGTERM, or killed with
     * SIGKILL through the {@link OrphanWatchdog}); a killed cosimulation leaves nothing in the temporary directory.
     */
    public static Path temporaryFolder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder), "bitforge-temp-cleaner"));
        OrphanWatchdog.get().ifPresent(w -> w.watchFolder(folder));
        return folder;
    }

    /** Deletes {@code folder} and everything under it; missing files are ignored. */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort while exiting
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort while exiting
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
