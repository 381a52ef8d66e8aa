package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.InputText;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.SpecNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a reproduction design's hardware file, with a sensitivity choice's changes to it when there are any (e.g.
 * {@code pe.params.placeAndRouteFactor: null}: only the files that have the field are changed).
 */
final class PatchedHardware {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PatchedHardware() {
    }

    static HardwareSpec load(HardwareSpecLoader loader, Path file, TreePatch patch) {
        if (patch.isEmpty()) {
            return loader.load(file);
        }
        return loader.fromNode(SpecNode.detached(patch.apply(tree(file), true, null), file + " (sensitivity choice)",
                "hardware"));
    }

    /** How many fields of the file {@code patch} changes. */
    static int changes(Path file, TreePatch patch) {
        int[] changed = {0};
        patch.apply(tree(file), true, changed);
        return changed[0];
    }

    private static JsonNode tree(Path file) {
        try {
            return YAML.readTree(InputText.read(file, "hardware spec"));
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }
}
