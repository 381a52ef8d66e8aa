package io.bitforge.api;

import io.bitforge.core.spec.HardwareSpec;

import java.util.Objects;

/** The design a request runs on: a spec file or built-in preset by name, or a spec already built in Java. */
public sealed interface HardwareChoice {
    /** A spec file path or a preset id ({@code bitforge list hardware}). */
    record Named(String fileOrPreset) implements HardwareChoice {
        public Named {
            Objects.requireNonNull(fileOrPreset, "fileOrPreset");
        }
    }

    /** A spec built or loaded by the caller. */
    record Given(HardwareSpec spec) implements HardwareChoice {
        public Given {
            Objects.requireNonNull(spec, "spec");
        }
    }

    static HardwareChoice named(String fileOrPreset) {
        return new Named(fileOrPreset);
    }

    static HardwareChoice of(HardwareSpec spec) {
        return new Given(spec);
    }
}
