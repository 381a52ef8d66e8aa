package io.bitforge.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the shaded jar in a child JVM, as a user runs {@code ./bitforge}, and captures what it prints. */
public final class JarRunner {
    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private JarRunner() {
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("bitforge.jar", "target/bitforge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("shaded jar not built: " + jar);
        }
        return jar;
    }

    /** {@code java -jar bitforge.jar args...}. */
    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return exec(command, null);
    }

    /** The jar's main class with extra class-path entries after the jar. */
    public static Result runWithClassPath(String extraClassPath, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp",
                jar() + File.pathSeparator + extraClassPath, "io.bitforge.cli.BitForge"));
        command.addAll(List.of(args));
        return exec(command, null);
    }

    public static Result exec(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Path out = Files.createTempFile("bitforge-out", ".txt");
        Path err = Files.createTempFile("bitforge-err", ".txt");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
