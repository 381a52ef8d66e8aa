package io.bitforge.explore.spark;

import io.bitforge.api.BitForge;
import io.bitforge.explore.ExploreProgress;
import io.bitforge.explore.ExploreRequest;
import io.bitforge.explore.ExploreSummary;
import io.bitforge.explore.ResultStore;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

import static org.apache.spark.sql.functions.col;

/**
 * An exploration on Spark: the library's explorer ({@link BitForge#explore(ExploreRequest, ExploreProgress,
 * io.bitforge.explore.ScoringEngine)}) with its designs scored by {@link SparkScoring}, so {@code results.jsonl},
 * {@code pareto.json}, {@code summary.json} and {@code manifest.json} are the in-process run's, byte for byte;
 * then the whole store is written as Parquet ({@code results.parquet}: id, feasible, constraintsMissed, every
 * metric as a column, hardware as a nested column) for Spark SQL or DuckDB. The Parquet is a directory of part
 * files, so the manifest (whose files are plain files) does not list it and stays the in-process run's.
 */
public final class SparkExplore {
    public static final String PARQUET = "results.parquet";
    /** Designs per Spark job unless told: about half a minute of work for two cores at ~17 designs/s/core. */
    public static final int DEFAULT_CHUNK_DESIGNS = 1024;

    private SparkExplore() {
    }

    /**
     * How the run is cut into Spark jobs.
     *
     * @param chunkDesigns   designs per job: what a killed job can lose
     * @param slicesPerChunk tasks per job (0: twice the cluster's default parallelism)
     * @param parquet        where the Parquet goes (a path or URI), or null for {@code DIR/results.parquet}
     */
    public record Options(int chunkDesigns, int slicesPerChunk, String parquet) {
        public static final Options DEFAULT = new Options(DEFAULT_CHUNK_DESIGNS, 0, null);

        public Options {
            if (chunkDesigns < 1 || slicesPerChunk < 0) {
                throw new IllegalArgumentException("chunkDesigns must be >= 1 and slicesPerChunk >= 0");
            }
        }
    }

    /** What the run did, and how many Spark jobs scored it. */
    public record Result(ExploreSummary summary, long sparkJobs, String parquet) {
    }

    public static Result run(SparkSession session, BitForge library, ExploreRequest request, Options options,
                             ExploreProgress progress) {
        return run(session, library, request, options, progress, ChoiceFault.NONE);
    }

    static Result run(SparkSession session, BitForge library, ExploreRequest request, Options options,
                      ExploreProgress progress, ChoiceFault fault) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(session.sparkContext());
        ExploreSummary summary;
        long jobs;
        try (SparkScoring scoring = new SparkScoring(context, ScorerRecipe.of(request.space(), request.spaceFile(),
                request.mapping()), options.chunkDesigns(), options.slicesPerChunk(), fault)) {
            summary = library.explore(request, progress, scoring);
            jobs = scoring.jobs();
        }
        boolean inDir = options.parquet() == null;
        String parquet = inDir ? request.outDir().resolve(PARQUET).toAbsolutePath().toUri().toString()
                : options.parquet();
        writeParquet(session, request.outDir(), parquet, summary.stored());
        return new Result(summary, jobs, parquet);
    }

    /** The whole store (not just this run's designs) as Parquet, replacing what an earlier run wrote. */
    private static void writeParquet(SparkSession session, Path dir, String parquet, int stored) {
        if (stored == 0) {
            return; // nothing to write; a JSON reader infers no columns from an empty store
        }
        String results = dir.resolve(ResultStore.RESULTS).toAbsolutePath().toUri().toString();
        Dataset<Row> designs = session.read().json(results);
        designs.select(col("id"), col("feasible"), col("constraintsMissed"), col("metrics.*"), col("hardware"))
                .write().mode(SaveMode.Overwrite).parquet(parquet);
    }
}
