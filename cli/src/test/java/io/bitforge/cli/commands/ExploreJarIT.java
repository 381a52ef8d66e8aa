package io.bitforge.cli.commands;

import io.bitforge.cli.JarRunner;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bitforge explore} from the shaded jar, killed with SIGKILL mid-run and resumed: the store ends with the
 * same set of designs as an uninterrupted run, none lost and none twice.
 */
class ExploreJarIT {
    /** 2 x 6 x 6 x 3 x 3 = 648 designs: a few seconds of work, long enough to be killed part-way. */
    private static final String SPACE = """
            name: kill-test
            base: tpu-like-int8
            parameters:
              - path: pe
                values:
                  - {family: mac-int, params: {weightBits: 8, activationBits: 8}}
                  - {family: mac-fp, params: {format: fp16}}
              - path: array.rows
                range: {from: 4, to: 128, factor: 2}
              - path: array.cols
                range: {from: 4, to: 128, factor: 2}
              - path: dataflow
                values: [os, ws, is]
              - path: clockMegahertz
                values: [500, 800, 1000]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 1024, generate: 1, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, energy]
            """;

    @TempDir
    Path tmp;

    private static List<String> ids(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
            ids.add(Json.mapper().readTree(line).get("id").asText());
        }
        return ids;
    }

    private static long lines(Path file) throws IOException {
        return Files.exists(file) ? Files.lines(file).count() : 0;
    }

    @Test
    void sigkillThenResumeLosesAndRepeatsNothing() throws Exception {
        Path space = tmp.resolve("space.yaml");
        Files.writeString(space, SPACE);
        for (String strategy : List.of("grid", "nsga2")) {
            Path whole = tmp.resolve("whole-" + strategy);
            Path killed = tmp.resolve("killed-" + strategy);
            List<String> common = List.of("explore", "--space", space.toString(), "--strategy", strategy,
                    "--budget", "400", "--seed", "11", "--threads", "2");

            JarRunner.Result full = JarRunner.run(with(common, "--out", whole.toString()).toArray(String[]::new));
            assertEquals(0, full.exitCode(), full.stderr());

            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", JarRunner.jar().toString()));
            command.addAll(with(common, "--out", killed.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path results = killed.resolve("results.jsonl");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (lines(results) < 60 && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(process.isAlive(), "the run finished before it could be killed");
            process.destroyForcibly(); // SIGKILL on Linux and macOS
            process.waitFor();
            long before = lines(results);
            assertTrue(before < ids(whole).size(), "killed part-way: " + before);

            JarRunner.Result resumed = JarRunner.run(with(common, "--out", killed.toString(), "--resume").toArray(String[]::new));
            assertEquals(0, resumed.exitCode(), resumed.stderr());
            List<String> a = ids(whole);
            List<String> b = ids(killed);
            assertEquals(b.size(), new HashSet<>(b).size(), strategy + ": a design stored twice");
            assertEquals(new HashSet<>(a), new HashSet<>(b), strategy + ": designs differ after resume");
        }
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
