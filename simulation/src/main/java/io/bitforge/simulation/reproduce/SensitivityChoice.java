package io.bitforge.simulation.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.BadInputException;
import io.bitforge.core.spec.SpecNode;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One artefact-specific choice of a reproduction file ({@code sensitivity:} list in {@code reproduction.yaml}):
 * what the artefact does, where its figure or rule comes from ({@code source}, or "no source" when the artefact
 * gives none), what BitForge's own modelling does instead, and how to switch the file to it: field changes to the
 * reproduction file ({@code set}) and to every design's hardware file that has the field ({@code hardware}).
 *
 * @param combined whether the choice is part of "BitForge's accounting", all choices switched at once (false for
 *                 a choice whose switch BitForge cannot run, kept to show why)
 */
public record SensitivityChoice(String choice, String artefact, String source, String bitforge, TreePatch set,
                                TreePatch hardware, boolean combined) {
    /** The value of {@code source} for a choice the artefact gives no source for. */
    public static final String NO_SOURCE = "no source";

    /** The file's {@code sensitivity} list; empty when it has none. */
    static List<SensitivityChoice> read(JsonNode tree, String file) {
        SpecNode root = SpecNode.detached(tree, file, "reproduction");
        List<SensitivityChoice> choices = new ArrayList<>();
        var list = root.optionalField("sensitivity");
        if (list.isEmpty()) {
            return List.of();
        }
        if (!list.get().json().isArray()) {
            throw list.get().error("must be a list of choices", list.get().shown());
        }
        for (int i = 0; i < list.get().json().size(); i++) {
            SpecNode c = SpecNode.detached(list.get().json().get(i), file, "reproduction.sensitivity[" + i + "]")
                    .requireObject().allowOnly("choice", "artefact", "source", "bitforge", "set", "hardware",
                            "combined");
            TreePatch set = patch(c.optionalField("set").orElse(null));
            TreePatch hardware = patch(c.optionalField("hardware").orElse(null));
            if (set.isEmpty() && hardware.isEmpty()) {
                throw c.error("needs set or hardware (the fields that switch it to BitForge's modelling)", "neither");
            }
            boolean combined = c.optionalField("combined").map(n -> {
                if (!n.json().isBoolean()) {
                    throw n.error("must be true or false", n.shown());
                }
                return n.json().booleanValue();
            }).orElse(true);
            choices.add(new SensitivityChoice(c.field("choice").text(), c.field("artefact").text(),
                    c.field("source").text(), c.field("bitforge").text(), set, hardware, combined));
        }
        return List.copyOf(choices);
    }

    /**
     * Checks that every change of every choice addresses a field: {@code set} paths whose parent exists in the
     * reproduction file, {@code hardware} paths present in at least one design's hardware file.
     */
    static void check(Path file, JsonNode tree, List<SensitivityChoice> choices, List<Path> hardwareFiles) {
        for (int i = 0; i < choices.size(); i++) {
            SensitivityChoice c = choices.get(i);
            for (Map.Entry<String, JsonNode> change : c.set().changes().entrySet()) {
                int[] changed = {0};
                new TreePatch(Map.of(change.getKey(), change.getValue())).apply(tree, false, changed);
                if (changed[0] == 0) {
                    throw new BadInputException(file + ": reproduction.sensitivity[" + i + "].set." + change.getKey()
                            + ": addresses no field of the reproduction file (paths are dotted: engine.field, "
                            + "designs.<id>.field, models.*.field)");
                }
            }
            for (Map.Entry<String, JsonNode> change : c.hardware().changes().entrySet()) {
                TreePatch one = new TreePatch(Map.of(change.getKey(), change.getValue()));
                if (hardwareFiles.stream().mapToInt(f -> PatchedHardware.changes(f, one)).sum() == 0) {
                    throw new BadInputException(file + ": reproduction.sensitivity[" + i + "].hardware."
                            + change.getKey() + ": no design's hardware file has this field");
                }
            }
        }
    }

    /** True when the artefact gives no source for this choice. */
    public boolean unsourced() {
        return source.equals(NO_SOURCE);
    }

    private static TreePatch patch(SpecNode node) {
        if (node == null) {
            return TreePatch.NONE;
        }
        node.requireObject();
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        for (String path : node.fieldNames()) {
            changes.put(path, node.json().get(path));
        }
        return new TreePatch(changes);
    }
}
