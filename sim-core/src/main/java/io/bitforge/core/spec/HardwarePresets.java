package io.bitforge.core.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Built-in hardware specs, resolvable by name wherever a spec file is accepted ({@code --hw tpu-like-int8}).
 * Each is a YAML resource beside this class ({@code presets/NAME.yaml}).
 */
public final class HardwarePresets {
    /** Sorted preset names. */
    private static final List<String> NAMES = List.of(
            "ant-28nm",
            "bitfusion-45nm",
            "bitmod-decode",
            "bitmod-prefill",
            "fp16-baseline",
            "isaac-like",
            "lut-tc-int2",
            "lut-tc-int4",
            "lut-tc-ternary",
            "mixpe-w4a16",
            "mixpe-w4a8",
            "neurosim-default",
            "olive-w4a4",
            "olive-weight-only",
            "tpu-like-int8");

    private HardwarePresets() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** The YAML text of a preset. */
    public static String text(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no preset " + name);
        }
        try (InputStream in = HardwarePresets.class.getResourceAsStream("presets/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
