package io.bitforge.verilog.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs external programs with a working directory and a timeout, capturing their output. */
public final class ToolRunner {
    /** The script that installs every tool the flow uses (Debian packages). */
    public static final String INSTALL_HINT = "scripts/install-toolchain.sh";

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
        String exe = command.get(0);
        boolean present = exe.contains(File.separator) ? Files.isExecutable(Path.of(exe)) : available(exe);
        if (!present) {
            throw new ToolException(command.get(0) + " is not on PATH; install the toolchain with " + INSTALL_HINT);
        }
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new ToolResult(List.copyOf(command), finished ? p.exitValue() : -1, out.join(), err.join(), elapsed,
                    !finished);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("interrupted while running " + command.get(0));
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
