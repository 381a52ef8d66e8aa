package io.bitforge.explore.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bitforge.api.BitForge;
import io.bitforge.explore.DesignSpace;
import io.bitforge.explore.ExploreProgress;
import io.bitforge.explore.ExploreRequest;
import io.bitforge.explore.ExploreSummary;
import io.bitforge.explore.Explorer;
import io.bitforge.explore.ResultStore;
import io.bitforge.explore.SpaceLoader;
import io.bitforge.explore.Strategy;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job in local[2] against the in-process explorer on one small space: the same store, front and
 * summary byte for byte, the same NSGA-II population, a resumed killed job, and the Parquet read back by Spark SQL.
 * One session for the whole class: starting Spark costs seconds.
 */
class SparkExploreTest {
    /** 4 x 3 x 2 x 2 = 48 designs, two PE families (the explorer module's test space). */
    private static final String SPACE_TEXT = """
            name: spark-test
            base: tpu-like-int8
            parameters:
              - path: pe
                values:
                  - {family: mac-int, params: {weightBits: 8, activationBits: 8}}
                  - {family: mac-fp, params: {format: fp16}}
              - path: array.rows
                range: {from: 8, to: 64, factor: 2}
              - path: array.cols
                values: [8, 16, 32]
              - path: dataflow
                values: [os, ws]
            workloads:
              - {workload: llama-2-7b, phase: decode, context: 128, generate: 1, quant: "W8A8KV8,lm_head:same"}
            objectives: [latency, energy, area]
            """;
    private static final int GRID_DESIGNS = 4 * 3 * 2 * 2;

    private static SparkSession spark;
    private static BitForge library;
    private static DesignSpace space;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().appName("bitforge-spark-test").master("local[2]")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        library = BitForge.create();
        space = new SpaceLoader(library.registry()).parse(SPACE_TEXT, "space.yaml", null);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static ExploreRequest request(Path dir, Strategy strategy, long budget, boolean resume) {
        return new ExploreRequest(space, "space.yaml", dir, strategy, budget, 7, 2, resume, "test");
    }

    private static SparkExplore.Result onSpark(ExploreRequest request, int chunk, ChoiceFault fault) {
        return SparkExplore.run(spark, library, request, new SparkExplore.Options(chunk, 0, null),
                ExploreProgress.NONE, fault);
    }

    private static byte[] bytes(Path dir, String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }

    private static List<String> storedIds(Path dir) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(ResultStore.RESULTS))) {
            ids.add((String) mapper.readValue(line, Map.class).get("id"));
        }
        return ids;
    }

    @Test
    void gridEqualsTheInProcessExplorerAndItsParquetCountsEveryDesign() throws IOException {
        Path local = tmp.resolve("local");
        Path cluster = tmp.resolve("spark");
        ExploreSummary inProcess = library.explore(request(local, Strategy.GRID, 0, false), ExploreProgress.NONE);
        // chunks of 16: three Spark jobs for the 48 designs, so the order across jobs is exercised too
        SparkExplore.Result result = onSpark(request(cluster, Strategy.GRID, 0, false), 16, ChoiceFault.NONE);

        assertEquals(GRID_DESIGNS, result.summary().considered());
        assertEquals(inProcess.stored(), result.summary().stored());
        assertEquals(GRID_DESIGNS, result.summary().stored() + result.summary().rejected());
        assertTrue(result.sparkJobs() >= 1 && result.sparkJobs() <= 3, "jobs " + result.sparkJobs());
        // same ids, same metrics, same order: the stores are the same bytes; so are the front and the summary
        assertArrayEquals(bytes(local, ResultStore.RESULTS), bytes(cluster, ResultStore.RESULTS));
        assertArrayEquals(bytes(local, Explorer.PARETO), bytes(cluster, Explorer.PARETO));
        assertArrayEquals(bytes(local, Explorer.SUMMARY), bytes(cluster, Explorer.SUMMARY));

        String parquet = cluster.resolve(SparkExplore.PARQUET).toAbsolutePath().toString();
        Row count = spark.sql("SELECT count(*) FROM parquet.`" + parquet + "`").first();
        assertEquals((long) storedIds(local).size(), count.getLong(0));
        Row distinct = spark.sql("SELECT count(DISTINCT id) FROM parquet.`" + parquet + "`").first();
        assertEquals((long) storedIds(local).size(), distinct.getLong(0));
        // one metric read back equals the store's figure for the same design
        Map<?, ?> first = new ObjectMapper().readValue(Files.readAllLines(local.resolve(ResultStore.RESULTS)).get(0),
                Map.class);
        Row latency = spark.sql("SELECT latencySeconds FROM parquet.`" + parquet + "` WHERE id = '"
                + first.get("id") + "'").first();
        assertEquals(((Number) ((Map<?, ?>) first.get("metrics")).get("latencySeconds")).doubleValue(),
                latency.getDouble(0));
        // the Parquet is a directory: the manifest lists plain files only, so it is the in-process run's
        assertArrayEquals(bytes(local, Explorer.MANIFEST), bytes(cluster, Explorer.MANIFEST));
    }

    @Test
    void nsga2WithTheSameSeedReachesTheSamePopulation() throws IOException {
        Path local = tmp.resolve("local");
        Path cluster = tmp.resolve("spark");
        // budget 24: population 8 (at least 8), 2 generations after the first (24 / 8 - 1)
        library.explore(request(local, Strategy.NSGA2, 24, false), ExploreProgress.NONE);
        SparkExplore.Result result = onSpark(request(cluster, Strategy.NSGA2, 24, false), 1024, ChoiceFault.NONE);
        // the saved state holds the final population (choices, objectives, constraints), generation and generator
        assertArrayEquals(bytes(local, "nsga2-state.json"), bytes(cluster, "nsga2-state.json"));
        assertArrayEquals(bytes(local, ResultStore.RESULTS), bytes(cluster, ResultStore.RESULTS));
        assertArrayEquals(bytes(local, Explorer.PARETO), bytes(cluster, Explorer.PARETO));
        assertEquals(24, result.summary().considered());
        // one Spark job per generation at most (a generation wholly stored already needs none): 1 + 2
        assertTrue(result.sparkJobs() >= 1 && result.sparkJobs() <= 3, "jobs " + result.sparkJobs());
    }

    @Test
    void aJobKilledPartWayAndRerunStoresEveryDesignExactlyOnce() throws IOException {
        Path local = tmp.resolve("local");
        Path cluster = tmp.resolve("spark");
        library.explore(request(local, Strategy.GRID, 0, false), ExploreProgress.NONE);
        // chunks of 8; the task holding design 20 (canonical order) fails: the third job (designs 16..23) dies
        int[] poisoned = space.choiceAt(java.math.BigInteger.valueOf(20));
        ChoiceFault fault = choice -> {
            if (java.util.Arrays.equals(choice, poisoned)) {
                throw new IllegalStateException("executor lost (injected)");
            }
        };
        SparkJobFailedException killed = assertThrows(SparkJobFailedException.class,
                () -> onSpark(request(cluster, Strategy.GRID, 0, false), 8, fault));
        assertTrue(killed.getMessage().contains("executor lost (injected)"), killed.getMessage());
        List<String> before = storedIds(cluster);
        List<String> all = storedIds(local);
        // the first two jobs' designs (16, less any the spec rejects) were stored before the kill, in order
        assertTrue(before.size() <= 16 && before.size() > 0, "stored before the kill: " + before.size());
        assertEquals(all.subList(0, before.size()), before);

        SparkExplore.Result resumed = onSpark(request(cluster, Strategy.GRID, 0, true), 8, ChoiceFault.NONE);
        List<String> after = storedIds(cluster);
        assertEquals(after.size(), new HashSet<>(after).size(), "a design stored twice");
        assertEquals(new HashSet<>(all), new HashSet<>(after));
        assertEquals(before.size(), resumed.summary().alreadyStored());
        assertEquals(all.size() - before.size(), resumed.summary().evaluated());
        assertArrayEquals(bytes(local, Explorer.PARETO), bytes(cluster, Explorer.PARETO));
        Row count = spark.sql("SELECT count(*) FROM parquet.`"
                + cluster.resolve(SparkExplore.PARQUET).toAbsolutePath() + "`").first();
        assertEquals((long) all.size(), count.getLong(0));
    }

    @Test
    void theEntryPointRunsAGridAndResumesIt() throws IOException {
        Path spaceFile = tmp.resolve("space.yaml");
        Files.writeString(spaceFile, SPACE_TEXT);
        Path out = tmp.resolve("run");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        String[] args = {"--space", spaceFile.toString(), "--out", out.toString(), "--master", "local[2]",
                "--budget", "12", "--seed", "3"};
        int code = SparkExploreMain.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, code, stderr.toString(StandardCharsets.UTF_8));
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("spark-test: 12 designs considered"), text);
        assertTrue(text.contains("spark: "), text);
        // the session the tests share is still running: the entry point stops only a session it started
        assertEquals(1L, spark.sql("SELECT 1").count());

        String[] resume = {"--space", spaceFile.toString(), "--out", out.toString(), "--budget", "12", "--seed",
                "3", "--resume"};
        stdout.reset();
        assertEquals(0, SparkExploreMain.run(resume, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("0 evaluated"), stdout.toString());
        assertEquals(12, storedIds(out).size() + rejected(out));
    }

    private static long rejected(Path dir) throws IOException {
        return ((Number) new ObjectMapper().readValue(dir.resolve(Explorer.SUMMARY).toFile(), Map.class)
                .get("rejected")).longValue();
    }
}
