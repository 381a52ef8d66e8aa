package io.bitforge.explore.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import io.bitforge.api.BitForge;
import io.bitforge.core.io.AtomicFiles;
import io.bitforge.core.io.Json;
import io.bitforge.explore.ExploreProgress;
import io.bitforge.explore.ExploreRequest;
import io.bitforge.explore.ExploreSummary;
import io.bitforge.explore.Explorer;
import io.bitforge.explore.ResultStore;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * An exploration on Spark: the library's explorer ({@link BitForge#explore(ExploreRequest, ExploreProgress,
 * io.bitforge.explore.ScoringEngine)}) with its designs scored by {@link SparkScoring}, so {@code results.jsonl},
 * {@code pareto.json}, {@code summary.json} and {@code manifest.json} are the in-process run's, byte for byte;
 * then the whole store is written as Parquet ({@code results.parquet}: id, feasible, constraintsMissed, every
 * metric as a column, hardware as a nested column) for Spark SQL or DuckDB, and listed in the manifest.
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
        SparkScoring scoring = new SparkScoring(context, ScorerRecipe.of(request.space(), request.spaceFile(),
                request.mapping()), options.chunkDesigns(), options.slicesPerChunk(), fault);
        ExploreSummary summary = library.explore(request, progress, scoring);
        String parquet = options.parquet() != null ? options.parquet()
                : request.outDir().resolve(PARQUET).toAbsolutePath().toUri().toString();
        writeParquet(session, request.outDir(), parquet, summary.stored());
        listInManifest(request.outDir(), parquet);
        return new Result(summary, scoring.jobs(), parquet);
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

    /** Adds the Parquet to the manifest's files; inputs and seed stay as written, so a resume still matches. */
    private static void listInManifest(Path dir, String parquet) {
        Path file = dir.resolve(Explorer.MANIFEST);
        try {
            Map<String, Object> manifest = Json.mapper().readValue(Files.readString(file),
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            @SuppressWarnings("unchecked")
            List<Object> files = new ArrayList<>((List<Object>) manifest.getOrDefault("files", List.of()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", parquet.equals(dir.resolve(PARQUET).toAbsolutePath().toUri().toString()) ? PARQUET
                    : parquet);
            entry.put("role", "data");
            entry.put("description", "the stored designs as Parquet: id, feasible, constraintsMissed, one column "
                    + "per metric, hardware");
            files.add(entry);
            manifest.put("files", files);
            AtomicFiles.writeString(file, Json.write(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }
}
