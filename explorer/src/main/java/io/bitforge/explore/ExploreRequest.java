package io.bitforge.explore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One exploration run: the space (and the file it came from, for the manifest), the output directory, the
 * strategy, the budget (designs to consider; 0 = the strategy's default), the seed, worker threads, whether to
 * resume a run in the directory, and the version written to the manifest.
 */
public record ExploreRequest(DesignSpace space, String spaceFile, Path outDir, Strategy strategy, long budget,
                             long seed, int threads, boolean resume, String bitforgeVersion) {
    public ExploreRequest {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(strategy, "strategy");
        if (budget < 0 || threads < 1) {
            throw new IllegalArgumentException("budget must be >= 0 and threads >= 1");
        }
    }
}
