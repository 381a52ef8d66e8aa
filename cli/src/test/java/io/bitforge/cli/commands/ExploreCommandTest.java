package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExploreCommandTest {
    private static final String SPACE = """
            name: cli-test
            base: tpu-like-int8
            parameters:
              - path: array.rows
                values: [8, 16]
              - path: array.cols
                values: [8, 16]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 128, generate: 1, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, area]
            """;

    @TempDir
    Path tmp;

    @Test
    void runsAGridAndWritesTheResultsDirectory() throws Exception {
        Path space = tmp.resolve("space.yaml");
        Files.writeString(space, SPACE);
        Path out = tmp.resolve("out");
        CliHarness.Result result = CliHarness.run("explore", "--space", space.toString(), "--out", out.toString(),
                "--threads", "2");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("cli-test: 4 designs considered"), result.stdout());
        assertEquals(4, Files.readAllLines(out.resolve("results.jsonl")).size());
        for (String file : new String[] {"pareto.json", "summary.json", "manifest.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        // The directory is a results directory with a Pareto chart: bitforge report reads it.
        // The chart draws the space's objectives and the same front as pareto.json (the explorer's own code).
        String svg = Files.readString(out.resolve("pareto.svg"));
        int front = io.bitforge.core.io.Json.mapper().readTree(out.resolve("pareto.json").toFile())
                .get("designs").size();
        // explore draws the front the run kept in memory: every drawn design is on it.
        assertTrue(svg.contains(">Pareto front (" + front + " of " + front + " designs)<"), svg);
        assertTrue(svg.contains(">latency (s)<") && svg.contains(">area (mm²)<"), "the space's objectives");
        assertTrue(svg.contains(">mac-int<"), "the family's legend entry");
        CliHarness.Result page = CliHarness.run("report", "--in", out.toString(), "--out",
                out.resolveSibling("explore.html").toString());
        assertEquals(0, page.exitCode(), page.stderr());
    }

    @Test
    void badInputsExitWithCodeTwoAndOneLine() throws Exception {
        Path space = tmp.resolve("bad.yaml");
        Files.writeString(space, SPACE.replace("values: [8, 16]\n  - path: array.cols", "values: [8, -16]\n  - path: array.cols"));
        CliHarness.Result bad = CliHarness.run("explore", "--space", space.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(2, bad.exitCode(), bad.stderr());
        assertTrue(bad.stderr().contains("space.parameters[0].values[1]: array.rows = -16"), bad.stderr());
        assertEquals(1, bad.stderr().strip().lines().count(), bad.stderr());

        Files.writeString(space, SPACE);
        CliHarness.Result strategy = CliHarness.run("explore", "--space", space.toString(), "--out",
                tmp.resolve("o").toString(), "--strategy", "annealing");
        assertEquals(2, strategy.exitCode());
        assertTrue(strategy.stderr().contains("--strategy: must be one of grid, random, nsga2"), strategy.stderr());

        CliHarness.Result missing = CliHarness.run("explore", "--space", tmp.resolve("none.yaml").toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(2, missing.exitCode());
    }
}
