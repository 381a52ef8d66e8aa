package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.simulation.reproduce.Sensitivity;

import java.nio.file.Path;

/**
 * A paper's reproduction: {@code paper} is one of {@code Reproductions.PAPERS}; {@code directory} holds its
 * {@code reproduction.yaml} (null = {@code examples/reproduce/<paper>} under the working directory);
 * {@code sensitivity} says how much of the sensitivity analysis to run (each artefact choice switched alone to
 * BitForge's modelling, only all of them at once, or none).
 */
public record ReproduceRequest(String paper, Path directory, Sensitivity.Scope sensitivity) {
    public ReproduceRequest {
        if (paper == null) {
            throw new BadRequestException("paper", "is required: one of the shipped reproductions");
        }
        if (sensitivity == null) {
            sensitivity = Sensitivity.Scope.NONE;
        }
    }

    public ReproduceRequest(String paper, Path directory) {
        this(paper, directory, Sensitivity.Scope.NONE);
    }

    public static ReproduceRequest of(String paper) {
        return new ReproduceRequest(paper, null);
    }
}
