package io.bitforge.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the common commands once each, small, in one process, so that a class-data-sharing archive recorded at its
 * exit holds the classes all of them load (the {@code bitforge} launcher records it once per build). Output is
 * discarded; a command that fails only leaves its classes out of the archive.
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Path dir = Files.createTempDirectory("bitforge-startup");
        try {
            Path space = Files.writeString(dir.resolve("space.yaml"), """
                    name: startup
                    base: tpu-like-int8
                    parameters:
                      - path: array.rows
                        values: [8, 16]
                    workloads:
                      - {workload: llama-2-7b, phase: decode, context: 64, generate: 1}
                    objectives: [latency, energy]
                    """);
            List<String[]> commands = List.of(
                    new String[] {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--prompt", "64",
                            "--generate", "4"},
                    new String[] {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--prompt", "64",
                            "--generate", "4", "--json", "-"},
                    new String[] {"gemm", "--m", "64", "--k", "64", "--n", "64"},
                    new String[] {"gemm", "--m", "64", "--k", "64", "--n", "64", "--scalesim", "--json", "-"},
                    new String[] {"roofline", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--prompt", "64",
                            "--generate", "4"},
                    new String[] {"explore", "--space", space.toString(), "--out", dir.resolve("explore").toString()},
                    new String[] {"list", "pes"});
            for (String[] command : commands) {
                BitForge.run(command, quiet, quiet);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (UncheckedIOException e) {
                // a temporary directory left behind does not matter to the archive
            }
        }
    }
}
