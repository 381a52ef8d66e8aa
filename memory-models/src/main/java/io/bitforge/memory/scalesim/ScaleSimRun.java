package io.bitforge.memory.scalesim;

import java.util.ArrayList;
import java.util.List;

/** Runs every layer of a topology on one SCALE-Sim configuration, layer by layer as SCALE-Sim does. */
public final class ScaleSimRun {
    private ScaleSimRun() {
    }

    public static List<ScaleSimLayerResult> run(ScaleSimConfig config, List<TopologyLayer> layers) {
        List<ScaleSimLayerResult> results = new ArrayList<>();
        for (TopologyLayer layer : layers) {
            results.add(ScaleSimLayerRun.run(layer, config));
        }
        return List.copyOf(results);
    }
}
