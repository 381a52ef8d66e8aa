package io.bitforge.api;

import io.bitforge.core.workload.WorkloadFactory;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The model a request runs: a registered workload by id, a Hugging Face {@code config.json} (or a diffusers
 * {@code unet/config.json} / {@code transformer/config.json}), or a workload built in Java.
 */
public sealed interface WorkloadChoice {
    /** A workload id ({@code bitforge list workloads}). */
    record Named(String id) implements WorkloadChoice {
        public Named {
            Objects.requireNonNull(id, "id");
        }
    }

    /** A model configuration file. */
    record ConfigFile(Path file) implements WorkloadChoice {
        public ConfigFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A workload the caller built (any {@link WorkloadFactory}). */
    record Given(WorkloadFactory workload) implements WorkloadChoice {
        public Given {
            Objects.requireNonNull(workload, "workload");
        }
    }

    static WorkloadChoice named(String id) {
        return new Named(id);
    }

    static WorkloadChoice configFile(Path file) {
        return new ConfigFile(file);
    }

    static WorkloadChoice of(WorkloadFactory workload) {
        return new Given(workload);
    }
}
