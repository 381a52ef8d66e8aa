package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;

import java.nio.file.Path;

/**
 * A SCALE-Sim v2 run as SCALE-Sim takes it, for {@link BitForge#scaleSim}: its config file and topology CSV.
 *
 * @param scalesimConfig the SCALE-Sim {@code .cfg}
 * @param topology       the topology CSV; null: the config's {@code [network_presets] TopologyCsvLoc}, relative
 *                       to the config's folder
 * @param longRunAllowed run even when estimated past a minute (refused otherwise); a run past the heap is refused
 *                       regardless
 */
public record ScaleSimRequest(Path scalesimConfig, Path topology, boolean longRunAllowed) {
    public ScaleSimRequest {
        if (scalesimConfig == null) {
            throw new BadRequestException("scalesimConfig", "is required (a SCALE-Sim v2 .cfg file)");
        }
    }
}
