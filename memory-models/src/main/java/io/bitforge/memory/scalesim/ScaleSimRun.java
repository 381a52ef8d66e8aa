package io.bitforge.memory.scalesim;

import java.util.ArrayList;
import java.util.List;

/** Runs every layer of a topology on one SCALE-Sim configuration, layer by layer as SCALE-Sim does. */
public final class ScaleSimRun {
    private ScaleSimRun() {
    }

    /** Runs the layers, refusing up front a run estimated past a minute or the heap ({@link ScaleSimWork}). */
    public static List<ScaleSimLayerResult> run(ScaleSimConfig config, List<TopologyLayer> layers) {
        return run(config, layers, false);
    }

    /** As {@link #run(ScaleSimConfig, List)}; {@code force} runs a long run anyway (never one past the heap). */
    public static List<ScaleSimLayerResult> run(ScaleSimConfig config, List<TopologyLayer> layers, boolean force) {
        ScaleSimWork.check(layers, config, force);
        List<ScaleSimLayerResult> results = new ArrayList<>();
        for (TopologyLayer layer : layers) {
            results.add(ScaleSimLayerRun.run(layer, config));
        }
        return List.copyOf(results);
    }
}
