package io.bitforge.cli.commands;

import io.bitforge.cli.CliHarness;
import io.bitforge.cli.SparkJobLauncher;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explore --engine spark}: the flags it refuses, the message when the Spark job is not built, and one run of
 * the built job in a child JVM (local[2]) whose front equals the local engine's.
 */
class ExploreSparkEngineTest {
    private static final String SPACE = """
            name: cli-spark
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

    private Path space() throws Exception {
        return Files.writeString(tmp.resolve("space.yaml"), SPACE);
    }

    private static void assertBadInput(CliHarness.Result result, String... fragments) {
        assertEquals(2, result.exitCode(), result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        for (String fragment : fragments) {
            assertTrue(result.stderr().contains(fragment), result.stderr());
        }
    }

    @Test
    void anUnknownEngineListsTheKnownOnes() throws Exception {
        assertBadInput(CliHarness.run("explore", "--space", space().toString(), "--out", tmp.resolve("o").toString(),
                "--engine", "flink"), "--engine", "'flink'", "local, spark");
    }

    @Test
    void aMasterWithoutTheSparkEngineIsRefused() throws Exception {
        assertBadInput(CliHarness.run("explore", "--space", space().toString(), "--out", tmp.resolve("o").toString(),
                "--master", "local[2]"), "--master", "only with --engine spark");
    }

    @Test
    void threadsWithTheSparkEngineAreRefused() throws Exception {
        assertBadInput(CliHarness.run("explore", "--space", space().toString(), "--out", tmp.resolve("o").toString(),
                "--engine", "spark", "--threads", "2"), "--threads", "--master local[4]");
    }

    @Test
    void aMasterThatIsNoSparkMasterIsRefused() throws Exception {
        assertBadInput(CliHarness.run("explore", "--space", space().toString(), "--out", tmp.resolve("o").toString(),
                "--engine", "spark", "--master", "two"), "--master", "'two'", "spark://HOST:7077");
    }

    @Test
    void anUnbuiltSparkJobSaysHowToBuildIt() throws Exception {
        String before = System.getProperty(SparkJobLauncher.TARGET_PROPERTY);
        System.setProperty(SparkJobLauncher.TARGET_PROPERTY, tmp.resolve("no-target").toString());
        try {
            assertBadInput(CliHarness.run("explore", "--space", space().toString(), "--out",
                    tmp.resolve("o").toString(), "--engine", "spark"), "--engine", "not built",
                    "mvn -B -DskipTests package -pl explorer-spark -am");
        } finally {
            if (before == null) {
                System.clearProperty(SparkJobLauncher.TARGET_PROPERTY);
            } else {
                System.setProperty(SparkJobLauncher.TARGET_PROPERTY, before);
            }
        }
        assertFalse(Files.exists(tmp.resolve("o").resolve("results.jsonl")));
    }

    /**
     * The job as the reactor builds it (explorer-spark packages before cli in a full build); under CI it must be
     * there, elsewhere (e.g. {@code -pl cli -am}) the test is skipped with the reason.
     */
    @Test
    void theBuiltJobRunsLocallyAndMatchesTheLocalEngine() throws Exception {
        Path jar = Path.of("..", "explorer-spark", "target", "explorer-spark.jar");
        if (!Files.isRegularFile(jar)) {
            assertFalse("true".equals(System.getenv("CI")), "CI: the reactor did not build " + jar);
            Assumptions.abort("explorer-spark is not packaged (" + jar + "); run the whole reactor");
        }
        Path spaceFile = space();
        CliHarness.Result local = CliHarness.run("explore", "--space", spaceFile.toString(), "--out",
                tmp.resolve("local").toString(), "--threads", "2");
        assertEquals(0, local.exitCode(), local.stderr());
        CliHarness.Result spark = CliHarness.run("explore", "--engine", "spark", "--master", "local[2]", "--space",
                spaceFile.toString(), "--out", tmp.resolve("spark").toString());
        assertEquals(0, spark.exitCode(), spark.stderr());
        assertTrue(spark.stdout().contains("cli-spark: 4 designs considered"), spark.stdout());
        assertTrue(spark.stdout().contains("spark: 1 jobs on local[2]"), spark.stdout());
        // Spark's own logging stays at warnings: no INFO lines
        assertFalse(spark.stderr().contains(" INFO "), spark.stderr());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("local").resolve("results.jsonl")),
                Files.readAllBytes(tmp.resolve("spark").resolve("results.jsonl")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("local").resolve("pareto.json")),
                Files.readAllBytes(tmp.resolve("spark").resolve("pareto.json")));
        assertTrue(Files.isDirectory(tmp.resolve("spark").resolve("results.parquet")));
        // a results directory like any other: bitforge report reads it
        CliHarness.Result page = CliHarness.run("report", "--in", tmp.resolve("spark").toString(), "--out",
                tmp.resolve("spark.html").toString());
        assertEquals(0, page.exitCode(), page.stderr());
    }
}
