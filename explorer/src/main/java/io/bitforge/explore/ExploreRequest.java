package io.bitforge.explore;

import io.bitforge.core.engine.Mapping;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One exploration run: the space (and the file it came from, for the manifest), the output directory, the
 * strategy, the budget (designs to consider; 0 = the strategy's default), the seed, worker threads, whether to
 * resume a run in the directory, the version written to the manifest, and the mapping stage every design runs
 * under (null: each design's own, i.e. the tiler's choice; it is written to the manifest, so a run resumes only with
 * the same one).
 */
public record ExploreRequest(DesignSpace space, String spaceFile, Path outDir, Strategy strategy, long budget,
                             long seed, int threads, boolean resume, String bitforgeVersion, Mapping mapping) {
    /** A run with each design's own mapping (the tiler's choice). */
    public ExploreRequest(DesignSpace space, String spaceFile, Path outDir, Strategy strategy, long budget, long seed,
                          int threads, boolean resume, String bitforgeVersion) {
        this(space, spaceFile, outDir, strategy, budget, seed, threads, resume, bitforgeVersion, null);
    }

    public ExploreRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(strategy, "strategy");
        if (budget < 0 || threads < 1) {
            throw new IllegalArgumentException("budget must be >= 0 and threads >= 1");
        }
    }
}
